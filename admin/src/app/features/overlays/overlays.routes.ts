import { type Routes } from '@angular/router';

import { OverlaysComponent } from './overlays.component';

export const OVERLAYS_ROUTES: Routes = [{ path: '', component: OverlaysComponent }];
