import { DOCUMENT } from '@angular/common';
import { InjectionToken, inject } from '@angular/core';

/** The origin the admin is served from, which is also where the backend answers (`https://host:port`). */
export const APP_ORIGIN = new InjectionToken<string>('APP_ORIGIN', {
  factory: () => inject(DOCUMENT).location.origin,
});
