import { type Routes } from '@angular/router';

import { MessagesComponent } from './messages.component';

export const MESSAGES_ROUTES: Routes = [{ path: '', component: MessagesComponent }];
