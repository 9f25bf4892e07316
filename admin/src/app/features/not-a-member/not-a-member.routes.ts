import { type Routes } from '@angular/router';

import { NotAMemberComponent } from './not-a-member.component';

export const NOT_A_MEMBER_ROUTES: Routes = [{ path: '', component: NotAMemberComponent }];
