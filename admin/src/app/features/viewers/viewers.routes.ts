import { type Routes } from '@angular/router';

import { ViewersComponent } from './viewers.component';

export const VIEWERS_ROUTES: Routes = [{ path: '', component: ViewersComponent }];
