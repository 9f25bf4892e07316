import { type Routes } from '@angular/router';

import { AccountsComponent } from './accounts.component';

export const ACCOUNTS_ROUTES: Routes = [{ path: '', component: AccountsComponent }];
