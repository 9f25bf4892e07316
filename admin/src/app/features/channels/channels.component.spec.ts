import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type Channel } from '@integron/contracts';

import {
  ALREADY_A_CHANNEL,
  BANNED_CHANNEL,
  CAPTAIN_CHANNEL,
  CAPTAIN_STATS,
  CHANNELS,
  NO_SUCH_TWITCH_ACCOUNT,
  REMOVED_CHANNEL,
  RETIRED_CHANNEL,
} from '../../../testing/channels.fixtures';
import { ChartRecorder } from '../../../testing/chart.testing';
import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import { FakeLiveSocket, provideFakeLiveSocket } from '../../../testing/live.testing';
import {
  buttonNamed,
  byTestId,
  inOverlay,
  overlayElement,
  overlayText,
} from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import {
  CHANNELS_URL,
  channelStatsUrl,
  channelUrl,
  rejoinChannelUrl,
} from '../../core/channels-api.service';
import { ChannelsComponent } from './channels.component';

describe(ChannelsComponent.name, () => {
  let fixture: ComponentFixture<ChannelsComponent>;
  let http: HttpTestingController;
  let socket: FakeLiveSocket;

  beforeEach(() => {
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      imports: [ChannelsComponent],
      providers: [...pageTestProviders(), provideFakeLiveSocket(socket)],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  async function render(channels?: Channel[]): Promise<void> {
    fixture = TestBed.createComponent(ChannelsComponent);
    fixture.detectChanges();
    if (channels) {
      http.expectOne(CHANNELS_URL).flush(channels);
      await fixture.whenStable();
    }
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function logins(table: string): string[] {
    return [...(byTestId(page(), table)?.querySelectorAll('tr[mat-row]') ?? [])].map(
      (row) => row.getAttribute('data-login') ?? '',
    );
  }

  async function typeLogin(login: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(page(), 'add-channel-login');
    if (input) {
      input.value = login;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  async function submitAdd(login: string): Promise<void> {
    await typeLogin(login);
    byTestId(page(), 'add-channel-submit')?.click();
    await fixture.whenStable();
  }

  function toggleInput(login: string): HTMLButtonElement | null {
    return byTestId(page(), `active-${login}`)?.querySelector('button') ?? null;
  }

  it('shows a progress bar, then each channel with its chat state, account and counts', async () => {
    await render();
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();

    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    await fixture.whenStable();

    expect(page().querySelector('mat-progress-bar')).toBeNull();
    expect(logins('channels-table')).toEqual(['teamcaptain', 'pixelwolf', 'oldshow']);
    expect(byTestId(page(), 'state-teamcaptain')?.dataset['state']).toBe('joined');
    expect(byTestId(page(), 'state-teamcaptain')?.textContent).toContain('Joined');
    expect(byTestId(page(), 'state-pixelwolf')?.textContent).toContain('Failed');
    expect(byTestId(page(), 'state-detail-pixelwolf')?.textContent).toContain(
      'the channel is suspended',
    );
    expect(byTestId(page(), 'reading-as-teamcaptain')?.textContent.trim()).toBe('integronbot');
    expect(byTestId(page(), 'reading-as-pixelwolf')?.textContent.trim()).toBe('anonymous');
    expect(byTestId(page(), 'messages-teamcaptain')?.textContent).toContain('48,213');
    expect(byTestId(page(), 'messages-teamcaptain')?.textContent).toContain('3,120 in 24 h');
    expect(byTestId(page(), 'channel-teamcaptain')?.getAttribute('href')).toBe(
      '/messages?channelId=42',
    );
    expect(toggleInput('oldshow')?.getAttribute('aria-checked')).toBe('false');
    expect(byTestId<HTMLButtonElement>(page(), 'rejoin-oldshow')?.disabled).toBe(true);
  });

  it('keeps removed channels out of sight until asked, with a way to add them again', async () => {
    await render(CHANNELS);
    expect(byTestId(page(), 'removed-table')).toBeNull();
    expect(byTestId(page(), 'toggle-removed')?.textContent).toContain('Show removed channels (1)');

    byTestId(page(), 'toggle-removed')?.click();
    await fixture.whenStable();
    expect(logins('removed-table')).toEqual(['formerfriend']);

    byTestId(page(), 'add-again-formerfriend')?.click();
    const request = http.expectOne(CHANNELS_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ login: 'formerfriend' });
    request.flush({ ...REMOVED_CHANNEL, removedAt: null, isActive: true });
    await fixture.whenStable();

    expect(logins('channels-table')).toEqual([
      'teamcaptain',
      'pixelwolf',
      'oldshow',
      'formerfriend',
    ]);
    expect(byTestId(page(), 'toggle-removed')).toBeNull();
    expect(overlayText()).toContain('Added FormerFriend again');
  });

  it('says there are no channels yet', async () => {
    await render([]);

    expect(byTestId(page(), 'channels-empty')?.textContent).toContain('No channels yet');
  });

  it('says why the channels could not be loaded, and loads them again on Retry', async () => {
    await render();
    http
      .expectOne(CHANNELS_URL)
      .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();
    expect(byTestId(page(), 'load-error')?.textContent).toContain('Could not load the channels');

    buttonNamed(page(), 'Retry')?.click();
    http.expectOne(CHANNELS_URL).flush([CAPTAIN_CHANNEL]);
    await fixture.whenStable();

    expect(logins('channels-table')).toEqual(['teamcaptain']);
  });

  it('adds a channel by login and shows it at once', async () => {
    await render([CAPTAIN_CHANNEL]);

    await submitAdd('PixelWolf');
    const request = http.expectOne(CHANNELS_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ login: 'pixelwolf' });
    request.flush({
      ...BANNED_CHANNEL,
      connection: { ...BANNED_CHANNEL.connection, state: 'joining', detail: null },
    });
    await fixture.whenStable();

    expect(logins('channels-table')).toEqual(['teamcaptain', 'pixelwolf']);
    expect(byTestId(page(), 'state-pixelwolf')?.textContent).toContain('Joining');
    expect(byTestId<HTMLInputElement>(page(), 'add-channel-login')?.value).toBe('');
  });

  it('says under the field when no Twitch account has the login', async () => {
    await render([CAPTAIN_CHANNEL]);

    await submitAdd('nobody_here');
    http
      .expectOne(CHANNELS_URL)
      .flush(NO_SUCH_TWITCH_ACCOUNT, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(byTestId(page(), 'add-channel-error')?.textContent.trim()).toBe(
      'No Twitch account has the login "nobody_here".',
    );
    expect(overlayText()).not.toContain('Could not add');
    expect(byTestId<HTMLInputElement>(page(), 'add-channel-login')?.value).toBe('nobody_here');
  });

  it('says under the field when the channel is already on the team', async () => {
    await render([CAPTAIN_CHANNEL]);

    await submitAdd('teamcaptain');
    http.expectOne(CHANNELS_URL).flush(ALREADY_A_CHANNEL, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(byTestId(page(), 'add-channel-error')?.textContent.trim()).toBe(
      "TeamCaptain is already one of the team's channels.",
    );
  });

  it('tells other failures in a snackbar', async () => {
    await render([CAPTAIN_CHANNEL]);

    await submitAdd('pixelwolf');
    http.expectOne(CHANNELS_URL).flush(
      {
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'Twitch did not answer the lookup of that login. Try again in a moment.',
      },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await fixture.whenStable();

    expect(byTestId(page(), 'add-channel-error')).toBeNull();
    expect(overlayText()).toContain('Could not add pixelwolf: Twitch did not answer');
  });

  it('deactivates a channel, and puts the switch back when the server refuses', async () => {
    await render([CAPTAIN_CHANNEL]);

    toggleInput('teamcaptain')?.click();
    const request = http.expectOne(channelUrl(CAPTAIN_CHANNEL.id));
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ isActive: false });
    request.flush({
      ...CAPTAIN_CHANNEL,
      isActive: false,
      connection: { ...CAPTAIN_CHANNEL.connection, state: 'parted' },
    });
    await fixture.whenStable();
    expect(byTestId(page(), 'state-teamcaptain')?.dataset['state']).toBe('parted');
    expect(overlayText()).toContain('Deactivated TeamCaptain');

    toggleInput('teamcaptain')?.click();
    http
      .expectOne(channelUrl(CAPTAIN_CHANNEL.id))
      .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();

    expect(toggleInput('teamcaptain')?.getAttribute('aria-checked')).toBe('false');
    expect(overlayText()).toContain('Could not activate TeamCaptain');
  });

  it('rejoins the chat of an active channel', async () => {
    await render([CAPTAIN_CHANNEL]);

    byTestId(page(), 'rejoin-teamcaptain')?.click();
    const request = http.expectOne(rejoinChannelUrl(CAPTAIN_CHANNEL.id));
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(overlayText()).toContain("Rejoining TeamCaptain's chat.");
  });

  it('removes a channel only once confirmed, saying its history is kept', async () => {
    await render([CAPTAIN_CHANNEL, RETIRED_CHANNEL]);

    byTestId(page(), 'remove-teamcaptain')?.click();
    await fixture.whenStable();
    expect(overlayText()).toContain('Remove TeamCaptain?');
    expect(overlayText()).toContain('archived messages and mod actions are kept');
    http.expectNone(channelUrl(CAPTAIN_CHANNEL.id));

    inOverlay('confirm')?.click();
    await fixture.whenStable();
    const request = http.expectOne(channelUrl(CAPTAIN_CHANNEL.id));
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(logins('channels-table')).toEqual(['oldshow']);
    expect(byTestId(page(), 'toggle-removed')?.textContent).toContain('(1)');
    expect(overlayText()).toContain('Removed TeamCaptain. Its history is kept.');
  });

  it('follows connection states from the live feed', async () => {
    await render(CHANNELS);
    socket.accept();
    await vi.waitFor(() => expect(socket.subscriptions).toEqual([{ all: true }]));

    socket.send('channel_state', {
      channelId: CAPTAIN_CHANNEL.id,
      connection: {
        state: 'reconnecting',
        detail: 'The chat connection dropped; rejoining in 2 s.',
        since: '2026-11-22T10:40:00.000Z',
        readingAs: 'integronbot',
      },
    });
    await fixture.whenStable();

    expect(byTestId(page(), 'state-teamcaptain')?.dataset['state']).toBe('reconnecting');
    expect(byTestId(page(), 'state-detail-teamcaptain')?.textContent).toContain('rejoining in 2 s');
  });

  it('reloads the list when the live feed comes back after a loss', async () => {
    await render(CHANNELS);
    socket.accept();
    socket.drop();

    socket.accept();
    await fixture.whenStable();

    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    await vi.waitFor(() => expect(socket.subscriptions).toHaveLength(2));
  });

  it("charts a channel's messages per hour in its stats", async () => {
    await render([CAPTAIN_CHANNEL]);

    byTestId(page(), 'stats-teamcaptain')?.click();
    await fixture.whenStable();
    const request = http.expectOne((each) => each.url === channelStatsUrl(CAPTAIN_CHANNEL.id));
    expect(request.request.params.get('hours')).toBe('24');
    request.flush(CAPTAIN_STATS);
    await fixture.whenStable();

    expect(inOverlay('stats-total')?.textContent.trim()).toBe('48,213');
    const chart = TestBed.inject(ChartRecorder).configIn(overlayElement());
    expect(chart?.type).toBe('bar');
    expect(chart?.data.datasets[0]?.data).toHaveLength(24);
    expect(inOverlay('stats-mod-actions')?.textContent).toContain('Timeout');
  });
});
