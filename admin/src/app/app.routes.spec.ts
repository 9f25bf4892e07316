import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMIN_ROUTES } from '@integron/contracts';
import { NEVER } from 'rxjs';

import { RECORDED_CHARTS } from '../testing/chart.testing';
import { FakeLiveSocket, provideFakeLiveSocket } from '../testing/live.testing';
import { byTestId } from '../testing/overlay.testing';
import { ADMIN_PALADIN, MODERATOR_SALLY, OWNER_CAPTAIN } from '../testing/session.fixtures';
import { signInAs, signedOut } from '../testing/session.testing';
import { APP_ROUTES } from './app.routes';
import { HealthApiService } from './core/health-api.service';
import { IntegronTitleStrategy } from './core/integron-title.strategy';
import { AUTH_ME_URL, SessionService } from './core/session.service';

/** The dashboard polls on arrival; a server that never answers keeps these tests offline. */
const silentHealthApi: Pick<HealthApiService, 'getHealth' | 'getReadiness'> = {
  getHealth: () => NEVER,
  getReadiness: () => NEVER,
};

describe('APP_ROUTES', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(APP_ROUTES),
        { provide: TitleStrategy, useClass: IntegronTitleStrategy },
        { provide: HealthApiService, useValue: silentHealthApi },
        provideFakeLiveSocket(new FakeLiveSocket()),
        ...RECORDED_CHARTS,
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  function url(): string {
    return TestBed.inject(Router).url;
  }

  function title(): string {
    return TestBed.inject(Title).getTitle();
  }

  function page(): HTMLElement {
    return harness.fixture.nativeElement as HTMLElement;
  }

  describe('without a session', () => {
    beforeEach(async () => {
      await signedOut();
    });

    it('sends every admin page to the sign-in page', async () => {
      await harness.navigateByUrl(`/${ADMIN_ROUTES.team.path}`);

      expect(url()).toBe('/sign-in');
      expect(byTestId(page(), 'sign-in-button')?.textContent).toContain('Sign in with Twitch');
      expect(page().querySelector('app-shell')).toBeNull();
      expect(title()).toBe('Sign in · Integron');
    });

    it('explains on the sign-in page that signing in was cancelled', async () => {
      await harness.navigateByUrl('/sign-in?error=denied');

      expect(byTestId(page(), 'sign-in-error')?.textContent).toContain('You cancelled signing in');
    });

    it('names the login that is not on the team', async () => {
      await harness.navigateByUrl('/not-a-member?login=speedrunsally');

      expect(byTestId(page(), 'not-a-member')?.textContent).toContain(
        'speedrunsally is not on this team.',
      );
      expect(page().querySelector('a')?.getAttribute('href')).toBe('/sign-in');
      expect(title()).toBe('Not on the team · Integron');
    });
  });

  it('asks the server who is signed in before showing a page', async () => {
    const navigation = harness.navigateByUrl('/');
    const me = await vi.waitFor(() => TestBed.inject(HttpTestingController).expectOne(AUTH_ME_URL));
    me.flush(MODERATOR_SALLY);
    await navigation;

    expect(url()).toBe('/dashboard');
  });

  it('redirects the root to the dashboard inside the shell, titled from ADMIN_ROUTES', async () => {
    await signInAs(OWNER_CAPTAIN);

    await harness.navigateByUrl('/');

    expect(url()).toBe(`/${ADMIN_ROUTES.dashboard.path}`);
    expect(page().querySelector('app-shell app-dashboard')).not.toBeNull();
    expect(title()).toBe('Dashboard · Integron');
  });

  it('sends a signed-in member from the sign-in page to the dashboard', async () => {
    await signInAs(MODERATOR_SALLY);

    await harness.navigateByUrl('/sign-in');

    expect(url()).toBe('/dashboard');
  });

  it('opens the team page for an admin', async () => {
    await signInAs(ADMIN_PALADIN);

    await harness.navigateByUrl('/team');

    expect(page().querySelector('app-shell app-team')).not.toBeNull();
    expect(title()).toBe('Team · Integron');
  });

  it.each([
    ['live', 'app-live'],
    ['messages', 'app-messages'],
    ['users', 'app-users'],
    ['moderation', 'app-moderation'],
    ['channels', 'app-channels'],
    ['archiveSettings', 'app-archive-settings'],
    ['events', 'app-events'],
    ['viewers', 'app-viewers'],
    ['testPanel', 'app-test-panel'],
  ] as const)('opens the %s page for an owner, titled from ADMIN_ROUTES', async (key, selector) => {
    await signInAs(OWNER_CAPTAIN);

    await harness.navigateByUrl(`/${ADMIN_ROUTES[key].path}`);

    expect(page().querySelector(`app-shell ${selector}`)).not.toBeNull();
    expect(title()).toBe(`${ADMIN_ROUTES[key].title} · Integron`);
  });

  it('shows a moderator "no access" at the URL of an admin page, inside the shell', async () => {
    await signInAs(MODERATOR_SALLY);

    await harness.navigateByUrl('/team');

    expect(url()).toBe('/team');
    expect(byTestId(page(), 'forbidden')?.textContent).toContain(
      "You don't have access to this page",
    );
    expect(page().querySelector('app-team')).toBeNull();
    expect(byTestId(page(), 'member-name')?.textContent).toContain('SpeedrunSally');
    expect(title()).toBe('No access · Integron');
  });

  it('keeps the test panel from moderators, who still see the events log', async () => {
    await signInAs(MODERATOR_SALLY);

    await harness.navigateByUrl(`/${ADMIN_ROUTES.testPanel.path}`);
    expect(byTestId(page(), 'forbidden')).not.toBeNull();
    expect(page().querySelector('app-test-panel')).toBeNull();

    await harness.navigateByUrl(`/${ADMIN_ROUTES.events.path}`);
    expect(page().querySelector('app-shell app-events')).not.toBeNull();
  });

  it('takes the page away when the member loses the role for it', async () => {
    await signInAs(ADMIN_PALADIN);
    await harness.navigateByUrl('/accounts');
    expect(page().querySelector('app-accounts')).not.toBeNull();

    await signInAs({ ...ADMIN_PALADIN, role: 'moderator' });
    await vi.waitFor(() => expect(byTestId(page(), 'forbidden')).not.toBeNull());

    expect(url()).toBe('/accounts');
    expect(page().querySelector('app-accounts')).toBeNull();
    expect(TestBed.inject(SessionService).hasRole('admin')).toBe(false);
  });

  it('shows "Page not found" in the shell with a link back to the dashboard', async () => {
    await signInAs(OWNER_CAPTAIN);

    await harness.navigateByUrl('/no/such/page');
    const notFound = page().querySelector<HTMLElement>('app-shell app-not-found');

    expect(notFound?.querySelector('h1')?.textContent.trim()).toBe('Page not found');
    expect(notFound?.textContent).toContain('/no/such/page');
    expect(notFound?.querySelector('a')?.getAttribute('href')).toBe('/dashboard');
    expect(title()).toBe('Page not found · Integron');

    notFound?.querySelector('a')?.click();
    await harness.fixture.whenStable();

    expect(url()).toBe('/dashboard');
    expect(page().querySelector('app-dashboard')).not.toBeNull();
  });
});
