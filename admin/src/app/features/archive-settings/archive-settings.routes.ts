import { type Routes } from '@angular/router';

import { ArchiveSettingsComponent } from './archive-settings.component';

export const ARCHIVE_SETTINGS_ROUTES: Routes = [{ path: '', component: ArchiveSettingsComponent }];
