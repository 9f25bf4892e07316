import {
  provideHttpClient,
  withFetch,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import { type EnvironmentProviders } from '@angular/core';
import { CSRF_COOKIE, CSRF_HEADER } from '@integron/contracts';

import { sessionInterceptor } from './session.interceptor';

/**
 * HttpClient as the admin talks to its API: every mutation echoes the CSRF cookie in the CSRF
 * header (Angular's own XSRF interceptor), and a 401/403 updates the session.
 */
export function provideApiHttpClient(): EnvironmentProviders {
  return provideHttpClient(
    withFetch(),
    withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: CSRF_HEADER }),
    withInterceptors([sessionInterceptor]),
  );
}
