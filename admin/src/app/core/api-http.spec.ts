import { HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CSRF_COOKIE, CSRF_HEADER } from '@integron/contracts';
import { firstValueFrom } from 'rxjs';

import { ADMIN_PALADIN } from '../../testing/session.fixtures';
import { signInAs } from '../../testing/session.testing';
import { provideApiHttpClient } from './api-http';
import { AUTH_ME_URL, SessionService } from './session.service';

const TOKEN = 'k3y-fr0m-th3-s3rv3r';

describe(provideApiHttpClient.name, () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    document.cookie = `${CSRF_COOKIE}=${TOKEN}; path=/`;
    TestBed.configureTestingModule({
      providers: [provideApiHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => {
    http.verify();
    document.cookie = `${CSRF_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });

  it('echoes the CSRF cookie in the CSRF header of every mutation', () => {
    client.post('/api/team', { login: 'nightowl', role: 'moderator' }).subscribe();
    client.patch('/api/team/2', { role: 'admin' }).subscribe();
    client.delete('/api/team/2').subscribe();

    for (const request of http.match(() => true)) {
      expect(request.request.headers.get(CSRF_HEADER)).toBe(TOKEN);
      request.flush(null);
    }
  });

  it('sends no CSRF header with a read', () => {
    client.get('/api/team').subscribe();

    expect(http.expectOne('/api/team').request.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('forgets the session when the API answers 401, and still reports the error', async () => {
    await signInAs(ADMIN_PALADIN);

    const call = firstValueFrom(client.get('/api/team'));
    http.expectOne('/api/team').flush(null, { status: 401, statusText: 'Unauthorized' });

    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(TestBed.inject(SessionService).state()).toEqual({ kind: 'anonymous' });
  });

  it('asks who is signed in again when the API answers 403, as the role may have changed', async () => {
    await signInAs(ADMIN_PALADIN);

    const call = firstValueFrom(client.get('/api/team'));
    http.expectOne('/api/team').flush(null, { status: 403, statusText: 'Forbidden' });

    await expect(call).rejects.toMatchObject({ status: 403 });
    http.expectOne(AUTH_ME_URL).flush({ ...ADMIN_PALADIN, role: 'moderator' });
    await vi.waitFor(() => expect(TestBed.inject(SessionService).hasRole('admin')).toBe(false));
  });
});
