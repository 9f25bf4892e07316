import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type TwitchAccount } from '@integron/contracts';
import { type Mock } from 'vitest';

import { buttonNamed, byTestId, inOverlay, overlayText } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import {
  CAPTAIN_BROADCASTER,
  CONNECTED_BOT_FLOW,
  NEW_BOT,
  PENDING_BOT_FLOW,
  STALE_BOT,
} from '../../../testing/twitch-accounts.fixtures';
import { FULL_PAGE_NAVIGATION } from '../../core/full-page-navigation';
import { AccountsComponent } from './accounts.component';
import { UNKNOWN_CONNECT_ERROR_MESSAGE } from './connect-error.util';
import { DEVICE_POLL_INTERVAL_MS } from './device-connect.service';
import {
  DEVICE_CONNECT_URL,
  TWITCH_ACCOUNTS_URL,
  deviceFlowUrl,
  twitchAccountUrl,
} from './twitch-accounts-api.service';

const POLL_MS = 2_000;

describe(AccountsComponent.name, () => {
  let http: HttpTestingController;
  let navigate: Mock<(url: string) => void>;

  beforeEach(() => {
    navigate = vi.fn<(url: string) => void>();
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([{ path: 'accounts', component: AccountsComponent }]),
        { provide: FULL_PAGE_NAVIGATION, useValue: navigate },
        { provide: DEVICE_POLL_INTERVAL_MS, useValue: POLL_MS },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    vi.useRealTimers();
  });

  function render(accounts?: TwitchAccount[]): ComponentFixture<AccountsComponent> {
    const fixture = TestBed.createComponent(AccountsComponent);
    fixture.detectChanges();
    if (accounts) {
      http.expectOne(TWITCH_ACCOUNTS_URL).flush(accounts);
      fixture.detectChanges();
    }
    return fixture;
  }

  function page(fixture: ComponentFixture<AccountsComponent>): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  it('lists each account with its purpose, scopes and connection date', () => {
    const fixture = render([CAPTAIN_BROADCASTER]);

    const account = byTestId(page(fixture), 'account-teamcaptain');
    expect(account?.dataset['status']).toBe('connected');
    expect(account?.textContent).toContain('TeamCaptain');
    expect(account?.textContent).toContain('Broadcaster');
    expect(account?.textContent).toContain('Connected');
    expect(
      [...(account?.querySelectorAll('mat-chip') ?? [])].map((chip) => chip.textContent.trim()),
    ).toEqual(['chat:read', 'chat:edit', 'channel:bot']);
    expect(account?.querySelector('time')?.getAttribute('datetime')).toBe(
      CAPTAIN_BROADCASTER.connectedAt,
    );
    expect(byTestId(page(fixture), 'reconnect-teamcaptain')).toBeNull();
  });

  it('flags an account that needs reconnecting, says why, and reconnects it through Twitch', () => {
    const fixture = render([CAPTAIN_BROADCASTER, STALE_BOT]);

    const account = byTestId(page(fixture), 'account-integronbot');
    expect(account?.dataset['status']).toBe('needs_reconnect');
    expect(account?.textContent).toContain('Needs reconnecting');
    expect(byTestId(page(fixture), 'account-problem')?.textContent).toContain(
      'Twitch refused the refresh token',
    );
    expect(byTestId(page(fixture), 'account-missing-scopes')?.textContent).toContain(
      'user:write:chat',
    );

    byTestId(page(fixture), 'reconnect-integronbot')?.click();

    expect(navigate).toHaveBeenCalledWith('/api/twitch-accounts/connect?purpose=bot');
  });

  it('connects a broadcaster by leaving for Twitch', () => {
    const fixture = render([]);

    byTestId(page(fixture), 'connect-broadcaster')?.click();

    expect(navigate).toHaveBeenCalledWith('/api/twitch-accounts/connect?purpose=broadcaster');
  });

  it('has an empty state and an error state with Retry', () => {
    const fixture = render();
    expect(page(fixture).querySelector('mat-progress-bar')).not.toBeNull();
    http.expectOne(TWITCH_ACCOUNTS_URL).flush(null, { status: 0, statusText: 'Unknown Error' });
    fixture.detectChanges();

    expect(byTestId(page(fixture), 'load-error')?.textContent).toContain(
      'No answer from the server',
    );

    buttonNamed(page(fixture), 'Retry')?.click();
    http.expectOne(TWITCH_ACCOUNTS_URL).flush([]);
    fixture.detectChanges();

    expect(byTestId(page(fixture), 'accounts-empty')?.textContent).toContain(
      'No accounts connected yet',
    );
  });

  it('connects by device code: shows the code, polls while pending, then reloads the list', () => {
    vi.useFakeTimers();
    const fixture = render([CAPTAIN_BROADCASTER]);

    byTestId(page(fixture), 'device-connect-bot')?.click();
    const start = http.expectOne(DEVICE_CONNECT_URL);
    expect(start.request.method).toBe('POST');
    expect(start.request.body).toEqual({ purpose: 'bot' });
    start.flush(PENDING_BOT_FLOW);
    fixture.detectChanges();

    const flow = byTestId(page(fixture), 'device-flow');
    expect(flow?.dataset['status']).toBe('pending');
    expect(byTestId(page(fixture), 'device-user-code')?.textContent.trim()).toBe('WDJB-MJHT');
    expect(flow?.querySelector('a')?.getAttribute('href')).toBe('https://www.twitch.tv/activate');
    expect(byTestId<HTMLButtonElement>(page(fixture), 'device-connect-broadcaster')?.disabled).toBe(
      true,
    );

    vi.advanceTimersByTime(POLL_MS - 1);
    http.expectNone(deviceFlowUrl(PENDING_BOT_FLOW.flowId));
    vi.advanceTimersByTime(1);
    http.expectOne(deviceFlowUrl(PENDING_BOT_FLOW.flowId)).flush(PENDING_BOT_FLOW);

    vi.advanceTimersByTime(POLL_MS);
    http.expectOne(deviceFlowUrl(PENDING_BOT_FLOW.flowId)).flush(CONNECTED_BOT_FLOW);
    fixture.detectChanges();

    expect(byTestId(page(fixture), 'device-flow')?.dataset['status']).toBe('connected');
    expect(byTestId(page(fixture), 'device-message')?.textContent).toContain(
      'Connected FreshBot (freshbot).',
    );
    http.expectOne(TWITCH_ACCOUNTS_URL).flush([CAPTAIN_BROADCASTER, NEW_BOT]);
    fixture.detectChanges();
    expect(byTestId(page(fixture), 'account-freshbot')).not.toBeNull();

    vi.advanceTimersByTime(POLL_MS * 5);
    http.expectNone(deviceFlowUrl(PENDING_BOT_FLOW.flowId));
  });

  it('says when the code expired, stops polling, and offers to try again', () => {
    vi.useFakeTimers();
    const fixture = render([]);

    byTestId(page(fixture), 'device-connect-bot')?.click();
    http.expectOne(DEVICE_CONNECT_URL).flush(PENDING_BOT_FLOW);
    vi.advanceTimersByTime(POLL_MS);
    http
      .expectOne(deviceFlowUrl(PENDING_BOT_FLOW.flowId))
      .flush({ ...PENDING_BOT_FLOW, status: 'expired' });
    fixture.detectChanges();

    expect(byTestId(page(fixture), 'device-message')?.textContent).toContain(
      'The code expired before it was entered on Twitch.',
    );
    vi.advanceTimersByTime(POLL_MS * 5);
    http.expectNone(deviceFlowUrl(PENDING_BOT_FLOW.flowId));

    buttonNamed(page(fixture), 'Try again')?.click();
    expect(http.expectOne(DEVICE_CONNECT_URL).request.body).toEqual({ purpose: 'bot' });
  });

  it('stops polling when the person cancels', () => {
    vi.useFakeTimers();
    const fixture = render([]);

    byTestId(page(fixture), 'device-connect-broadcaster')?.click();
    http.expectOne(DEVICE_CONNECT_URL).flush({ ...PENDING_BOT_FLOW, purpose: 'broadcaster' });
    fixture.detectChanges();
    buttonNamed(page(fixture), 'Cancel')?.click();
    fixture.detectChanges();

    expect(byTestId(page(fixture), 'device-flow')).toBeNull();
    vi.advanceTimersByTime(POLL_MS * 5);
    http.expectNone(deviceFlowUrl(PENDING_BOT_FLOW.flowId));
  });

  it('disconnects an account only once confirmed', async () => {
    const fixture = render([CAPTAIN_BROADCASTER, STALE_BOT]);

    byTestId(page(fixture), 'disconnect-integronbot')?.click();
    await fixture.whenStable();
    expect(overlayText()).toContain('Disconnect IntegronBot?');
    http.expectNone(twitchAccountUrl(STALE_BOT.id));

    inOverlay('confirm')?.click();
    await fixture.whenStable();
    const request = http.expectOne(twitchAccountUrl(STALE_BOT.id));
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(byTestId(page(fixture), 'account-integronbot')).toBeNull();
    expect(overlayText()).toContain('Disconnected integronbot.');
  });

  describe('back from connecting on Twitch', () => {
    it('says which account was connected and tidies the URL', async () => {
      const harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/accounts?connected=teamcaptain', AccountsComponent);
      http.expectOne(TWITCH_ACCOUNTS_URL).flush([CAPTAIN_BROADCASTER]);
      await harness.fixture.whenStable();

      expect(overlayText()).toContain('Connected teamcaptain.');
      expect(TestBed.inject(Router).url).toBe('/accounts');
    });

    it('says in its own words why connecting failed and tidies the URL', async () => {
      const harness = await RouterTestingHarness.create();
      await harness.navigateByUrl('/accounts?error=access_denied', AccountsComponent);
      http.expectOne(TWITCH_ACCOUNTS_URL).flush([]);
      await harness.fixture.whenStable();

      expect(overlayText()).toContain('The connection was declined on Twitch.');
      expect(TestBed.inject(Router).url).toBe('/accounts');
    });

    it('shows a general message, never the text, for an error it does not know', async () => {
      const planted = 'Call +1 555 0100 to restore your Twitch account';
      const harness = await RouterTestingHarness.create();
      await harness.navigateByUrl(
        `/accounts?error=${encodeURIComponent(planted)}`,
        AccountsComponent,
      );
      http.expectOne(TWITCH_ACCOUNTS_URL).flush([]);
      await harness.fixture.whenStable();

      expect(overlayText()).toContain(UNKNOWN_CONNECT_ERROR_MESSAGE);
      expect(overlayText()).not.toContain(planted);
    });
  });
});
