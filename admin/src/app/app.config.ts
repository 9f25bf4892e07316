import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { TitleStrategy, provideRouter } from '@angular/router';

import { APP_ROUTES } from './app.routes';
import { provideApiHttpClient } from './core/api-http';
import { IntegronTitleStrategy } from './core/integron-title.strategy';

/** Class of the self-hosted icon font (npm `material-symbols`, listed in angular.json styles). */
export const ICON_FONT_CLASS = 'material-symbols-outlined';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideApiHttpClient(),
    provideRouter(APP_ROUTES),
    { provide: TitleStrategy, useClass: IntegronTitleStrategy },
    provideAppInitializer(() => {
      inject(MatIconRegistry).setDefaultFontSetClass(ICON_FONT_CLASS);
    }),
  ],
};
