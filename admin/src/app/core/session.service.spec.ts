import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { type MockInstance } from 'vitest';

import { INTERNAL_ERROR_BODY } from '../../testing/health.fixtures';
import { ADMIN_PALADIN, OWNER_CAPTAIN } from '../../testing/session.fixtures';
import { AUTH_LOGOUT_URL, AUTH_ME_URL, SIGN_IN_PAGE, SessionService } from './session.service';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' } as const;

describe(SessionService.name, () => {
  let sut: SessionService;
  let http: HttpTestingController;
  let navigateByUrl: MockInstance<Router['navigateByUrl']>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    sut = TestBed.inject(SessionService);
  });

  afterEach(() => {
    http.verify();
  });

  async function answerMe(body: object, options?: { status: number; statusText: string }) {
    const answer = sut.refresh();
    http.expectOne(AUTH_ME_URL).flush(body, options);
    return answer;
  }

  it('is signed in as the member /api/auth/me returns', async () => {
    const state = await answerMe(OWNER_CAPTAIN);

    expect(state).toEqual({ kind: 'signed_in', member: OWNER_CAPTAIN });
    expect(sut.member()).toEqual(OWNER_CAPTAIN);
    expect(sut.hasRole('owner')).toBe(true);
  });

  it('is anonymous when /api/auth/me answers 401', async () => {
    const state = await answerMe({ message: 'Sign in first.' }, UNAUTHORIZED);

    expect(state).toEqual({ kind: 'anonymous' });
    expect(sut.member()).toBeNull();
    expect(sut.hasRole('moderator')).toBe(false);
  });

  it('is unavailable, with the reason, when the server fails', async () => {
    const state = await answerMe(INTERNAL_ERROR_BODY, {
      status: 500,
      statusText: 'Internal Server Error',
    });

    expect(state).toEqual({ kind: 'unavailable', reason: 'Something broke inside Integron.' });
    expect(sut.member()).toBeNull();
  });

  it('asks the server once for callers that arrive together, and not again once it knows', async () => {
    const first = sut.ensureLoaded();
    const second = sut.ensureLoaded();
    http.expectOne(AUTH_ME_URL).flush(ADMIN_PALADIN);

    expect(await first).toEqual(await second);
    await sut.ensureLoaded();
    http.expectNone(AUTH_ME_URL);
  });

  it('asks again after an unavailable answer', async () => {
    await answerMe(INTERNAL_ERROR_BODY, { status: 503, statusText: 'Service Unavailable' });

    const retry = sut.ensureLoaded();
    http.expectOne(AUTH_ME_URL).flush(ADMIN_PALADIN);

    expect((await retry).kind).toBe('signed_in');
  });

  it('keeps a known session when a later check gets no answer', async () => {
    await answerMe(ADMIN_PALADIN);

    const state = await answerMe(INTERNAL_ERROR_BODY, { status: 502, statusText: 'Bad Gateway' });

    expect(state.kind).toBe('signed_in');
    expect(sut.member()).toEqual(ADMIN_PALADIN);
  });

  it('sends a member whose session ended on the server to the sign-in page', async () => {
    await answerMe(ADMIN_PALADIN);

    await answerMe({ message: 'Sign in first.' }, UNAUTHORIZED);

    expect(sut.member()).toBeNull();
    expect(navigateByUrl).toHaveBeenCalledWith(SIGN_IN_PAGE);
  });

  it('matches the current page again when the role changed, so access follows the new role', async () => {
    await answerMe(ADMIN_PALADIN);

    await answerMe({ ...ADMIN_PALADIN, role: 'moderator' });

    expect(sut.hasRole('admin')).toBe(false);
    expect(navigateByUrl).toHaveBeenCalledWith('/', { onSameUrlNavigation: 'reload' });
  });

  it('expires to anonymous and shows the sign-in page', async () => {
    await answerMe(OWNER_CAPTAIN);

    sut.expire();

    expect(sut.state()).toEqual({ kind: 'anonymous' });
    expect(navigateByUrl).toHaveBeenCalledWith(SIGN_IN_PAGE);
  });

  it('signs out on the server, then shows the sign-in page', async () => {
    await answerMe(OWNER_CAPTAIN);

    const signingOut = sut.signOut();
    const logout = http.expectOne(AUTH_LOGOUT_URL);
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await signingOut;

    expect(sut.state()).toEqual({ kind: 'anonymous' });
    expect(navigateByUrl).toHaveBeenCalledWith(SIGN_IN_PAGE);
  });

  it('keeps the session when signing out fails for another reason than a missing session', async () => {
    await answerMe(OWNER_CAPTAIN);

    const signingOut = sut.signOut();
    http.expectOne(AUTH_LOGOUT_URL).flush(INTERNAL_ERROR_BODY, {
      status: 500,
      statusText: 'Internal Server Error',
    });

    await expect(signingOut).rejects.toBeDefined();
    expect(sut.member()).toEqual(OWNER_CAPTAIN);
  });
});
