import { type Routes } from '@angular/router';

import { TestPanelComponent } from './test-panel.component';

export const TEST_PANEL_ROUTES: Routes = [{ path: '', component: TestPanelComponent }];
