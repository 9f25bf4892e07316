import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Route, Router, type UrlTree, provideRouter } from '@angular/router';

import { INTERNAL_ERROR_BODY } from '../../testing/health.fixtures';
import { ADMIN_PALADIN, MODERATOR_SALLY, OWNER_CAPTAIN } from '../../testing/session.fixtures';
import { signInAs, signedOut } from '../../testing/session.testing';
import { hasRoleGuard, signedInGuard, signedOutGuard } from './auth.guards';
import { AUTH_ME_URL } from './session.service';

const ANY_ROUTE: Route = {};

describe('auth guards', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  function run<T>(guard: () => T): T {
    return runInInjectionContext(TestBed.inject(EnvironmentInjector), guard);
  }

  function serialized(result: unknown): string {
    return TestBed.inject(Router).serializeUrl(result as UrlTree);
  }

  describe('signedInGuard', () => {
    it('lets a signed-in member in, asking the server first', async () => {
      const decision = run(() => signedInGuard(ANY_ROUTE, []));
      http.expectOne(AUTH_ME_URL).flush(MODERATOR_SALLY);

      expect(await decision).toBe(true);
    });

    it('sends someone without a session to the sign-in page', async () => {
      await signedOut();

      expect(serialized(await run(() => signedInGuard(ANY_ROUTE, [])))).toBe('/sign-in');
    });

    it('sends everyone to the sign-in page, which explains, when the server cannot say', async () => {
      const decision = run(() => signedInGuard(ANY_ROUTE, []));
      http.expectOne(AUTH_ME_URL).flush(INTERNAL_ERROR_BODY, {
        status: 500,
        statusText: 'Internal Server Error',
      });

      expect(serialized(await decision)).toBe('/sign-in');
    });
  });

  describe('hasRoleGuard', () => {
    it('matches for members with the role or a higher one only', async () => {
      const adminsOnly = hasRoleGuard('admin');

      await signInAs(MODERATOR_SALLY);
      expect(run(() => adminsOnly(ANY_ROUTE, []))).toBe(false);

      await signInAs(ADMIN_PALADIN);
      expect(run(() => adminsOnly(ANY_ROUTE, []))).toBe(true);

      await signInAs(OWNER_CAPTAIN);
      expect(run(() => adminsOnly(ANY_ROUTE, []))).toBe(true);
    });

    it('never matches without a session', async () => {
      await signedOut();

      expect(run(() => hasRoleGuard('moderator')(ANY_ROUTE, []))).toBe(false);
    });
  });

  describe('signedOutGuard', () => {
    it('sends a signed-in member from the sign-in page to the dashboard', async () => {
      await signInAs(ADMIN_PALADIN);

      const decision = await run(() =>
        signedOutGuard(
          TestBed.inject(Router).routerState.snapshot.root,
          TestBed.inject(Router).routerState.snapshot,
        ),
      );

      expect(serialized(decision)).toBe('/dashboard');
    });

    it('shows the sign-in page to someone without a session', async () => {
      await signedOut();

      const decision = await run(() =>
        signedOutGuard(
          TestBed.inject(Router).routerState.snapshot.root,
          TestBed.inject(Router).routerState.snapshot,
        ),
      );

      expect(decision).toBe(true);
    });
  });
});
