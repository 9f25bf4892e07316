import { type Routes } from '@angular/router';

import { UserProfileComponent } from './user-profile.component';
import { UsersComponent } from './users.component';

/** The chatter search, and a chatter's profile under it (`users/:twitchId`). */
export const USERS_ROUTES: Routes = [
  { path: '', component: UsersComponent },
  { path: ':twitchId', title: 'Chatter', component: UserProfileComponent },
];
