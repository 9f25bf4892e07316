import { type Routes } from '@angular/router';

import { SignInComponent } from './sign-in.component';

export const SIGN_IN_ROUTES: Routes = [{ path: '', component: SignInComponent }];
