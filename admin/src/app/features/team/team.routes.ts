import { type Routes } from '@angular/router';

import { TeamComponent } from './team.component';

export const TEAM_ROUTES: Routes = [{ path: '', component: TeamComponent }];
