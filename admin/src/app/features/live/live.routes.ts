import { type Routes } from '@angular/router';

import { LiveComponent } from './live.component';

export const LIVE_ROUTES: Routes = [{ path: '', component: LiveComponent }];
