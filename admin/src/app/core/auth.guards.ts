import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router } from '@angular/router';
import { ADMIN_ROUTES, type TeamRole } from '@integron/contracts';

import { SIGN_IN_PAGE, SessionService } from './session.service';

/** The shell and every page in it: only for signed-in members; others go to the sign-in page. */
export const signedInGuard: CanMatchFn = async () => {
  const session = inject(SessionService);
  const router = inject(Router);
  const state = await session.ensureLoaded();
  return state.kind === 'signed_in' ? true : router.parseUrl(SIGN_IN_PAGE);
};

/**
 * A page's own route matches only for members with `minRole`; for anyone else matching falls
 * through to the no-access route at the same path, so the URL and the shell stay.
 */
export function hasRoleGuard(minRole: TeamRole): CanMatchFn {
  return () => inject(SessionService).hasRole(minRole);
}

/** Someone already signed in has nothing to do on the sign-in page. */
export const signedOutGuard: CanActivateFn = async () => {
  const session = inject(SessionService);
  const router = inject(Router);
  const state = await session.ensureLoaded();
  return state.kind === 'signed_in' ? router.parseUrl(`/${ADMIN_ROUTES.dashboard.path}`) : true;
};
