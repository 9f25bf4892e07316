import { HttpErrorResponse, HttpStatusCode, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';

import { SessionService } from './session.service';

/** The session endpoints answer 401 as part of their job; they handle it themselves. */
const AUTH_API_PREFIX = '/api/auth/';

/**
 * 401 from any other call: the session expired or the member was removed, so go to sign-in.
 * 403: the member's role may have changed; re-read the session so the sidenav tells the truth.
 * Either way the error still reaches the caller, which shows it in place.
 */
export const sessionInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionService);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && !request.url.startsWith(AUTH_API_PREFIX)) {
        if (error.status === (HttpStatusCode.Unauthorized as number)) {
          session.expire();
        } else if (error.status === (HttpStatusCode.Forbidden as number)) {
          void session.refresh();
        }
      }
      return throwError(() => error);
    }),
  );
};
