import { type Routes } from '@angular/router';

import { ModerationComponent } from './moderation.component';

export const MODERATION_ROUTES: Routes = [{ path: '', component: ModerationComponent }];
