import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

/**
 * Leaves the single-page app for a server URL (sign-in and account connection go through Twitch).
 * A token, so tests can watch where the app would go without jsdom trying to navigate.
 */
export const FULL_PAGE_NAVIGATION = new InjectionToken<(url: string) => void>(
  'FULL_PAGE_NAVIGATION',
  {
    factory: () => {
      const location = inject(DOCUMENT).defaultView?.location;
      return (url: string) => location?.assign(url);
    },
  },
);
