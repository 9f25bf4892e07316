import { type Routes } from '@angular/router';

import { EventsComponent } from './events.component';

export const EVENTS_ROUTES: Routes = [{ path: '', component: EventsComponent }];
