import { type Routes } from '@angular/router';

import { OverlayKeysComponent } from './overlay-keys.component';

export const OVERLAY_KEYS_ROUTES: Routes = [{ path: '', component: OverlayKeysComponent }];
