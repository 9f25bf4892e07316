import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type Mock } from 'vitest';

import { SERVICE_UNAVAILABLE } from '../../../testing/health.fixtures';
import { buttonNamed, byTestId } from '../../../testing/overlay.testing';
import { OWNER_CAPTAIN } from '../../../testing/session.fixtures';
import { FULL_PAGE_NAVIGATION } from '../../core/full-page-navigation';
import { AUTH_ME_URL, SessionService } from '../../core/session.service';
import { SignInComponent } from './sign-in.component';

describe(SignInComponent.name, () => {
  let navigate: Mock<(url: string) => void>;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    navigate = vi.fn<(url: string) => void>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'sign-in', component: SignInComponent },
          { path: 'dashboard', children: [] },
        ]),
        { provide: FULL_PAGE_NAVIGATION, useValue: navigate },
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  function page(): HTMLElement {
    return harness.fixture.nativeElement as HTMLElement;
  }

  it('leaves for Twitch through the server when the button is pressed', async () => {
    await harness.navigateByUrl('/sign-in', SignInComponent);

    byTestId(page(), 'sign-in-button')?.click();

    expect(navigate).toHaveBeenCalledWith('/api/auth/twitch');
    expect(byTestId(page(), 'sign-in-error')).toBeNull();
  });

  it('says signing in failed when Twitch sent the person back with ?error=failed', async () => {
    await harness.navigateByUrl('/sign-in?error=failed', SignInComponent);

    expect(byTestId(page(), 'sign-in-error')?.textContent).toContain(
      'Signing in with Twitch did not work',
    );
  });

  it('says why the server is not available, and checks again on request', async () => {
    const http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionService);
    const check = session.refresh();
    http.expectOne(AUTH_ME_URL).flush(
      {
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'Sessions cannot be checked because the database is unreachable.',
      },
      SERVICE_UNAVAILABLE,
    );
    await check;
    await harness.navigateByUrl('/sign-in', SignInComponent);

    const banner = byTestId(page(), 'server-unavailable')?.textContent;
    expect(banner).toContain('Integron is not available right now');
    expect(banner).toContain('the database is unreachable');

    buttonNamed(page(), 'Check again')?.click();
    http.expectOne(AUTH_ME_URL).flush(OWNER_CAPTAIN);
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/dashboard'));
  });
});
