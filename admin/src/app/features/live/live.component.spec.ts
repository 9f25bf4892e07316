import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LIVE_SIGN_IN_REQUIRED, type LiveModAction } from '@integron/contracts';

import {
  EMOJI_EMOTE_LINE,
  HELLO_LINE,
  SPAM_LINE,
  TIMEOUT_ACTION,
  chatLine,
} from '../../../testing/archive.fixtures';
import { CAPTAIN_CHANNEL, CHANNELS } from '../../../testing/channels.fixtures';
import { FakeLiveSocket, provideFakeLiveSocket } from '../../../testing/live.testing';
import { buttonNamed, byTestId } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { CHANNELS_URL } from '../../core/channels-api.service';
import { LIVE_FLUSH_MS, LiveComponent } from './live.component';

const LIVE_TIMEOUT: LiveModAction = {
  channel: TIMEOUT_ACTION.channel,
  type: 'timeout',
  moderator: TIMEOUT_ACTION.moderator,
  target: TIMEOUT_ACTION.target,
  durationSeconds: 600,
  reason: 'spam',
  occurredAt: '2026-11-22T10:31:03.000Z',
  source: 'eventsub',
  twitchMessageId: null,
};

describe(LiveComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let socket: FakeLiveSocket;

  beforeEach(async () => {
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([{ path: 'live', component: LiveComponent }]),
        provideFakeLiveSocket(socket),
        { provide: LIVE_FLUSH_MS, useValue: 0 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify();
  });

  async function open(url = '/live'): Promise<void> {
    await harness.navigateByUrl(url);
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    socket.accept();
    await harness.fixture.whenStable();
  }

  function page(): HTMLElement {
    return harness.fixture.nativeElement as HTMLElement;
  }

  function feed(): HTMLElement {
    const element = byTestId(page(), 'live-feed');
    if (!element) {
      throw new Error('no live feed on the page');
    }
    return element;
  }

  function lineTexts(): string[] {
    return [...page().querySelectorAll('[data-testid="live-line"] [data-testid="line-text"]')].map(
      (text) => text.textContent.trim().replace(/\s+/g, ' '),
    );
  }

  /** Sends lines as the server would and waits until the page showed the last batch. */
  async function serverSends(...lines: (typeof HELLO_LINE)[]): Promise<void> {
    for (const line of lines) {
      socket.send('message', line);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
  }

  /** Makes the feed as tall as a real one and scrolls it `fromBottom` px above the bottom. */
  async function scrollUp(fromBottom: number): Promise<void> {
    const element = feed();
    Object.defineProperty(element, 'scrollHeight', { configurable: true, value: 2_000 });
    Object.defineProperty(element, 'clientHeight', { configurable: true, value: 400 });
    element.scrollTop = 2_000 - 400 - fromBottom;
    element.dispatchEvent(new Event('scroll'));
    await harness.fixture.whenStable();
  }

  it('follows every channel by default, and says it is live', async () => {
    await open();

    await vi.waitFor(() => expect(socket.subscriptions).toEqual([{ all: true }]));
    await harness.fixture.whenStable();
    expect(byTestId(page(), 'live-status')?.dataset['status']).toBe('live');
    expect(byTestId(page(), 'live-empty')?.textContent).toContain('Waiting for chat');
  });

  it('follows the channels in the URL, and changes the URL when others are chosen', async () => {
    await open(`/live?channel=${CAPTAIN_CHANNEL.id}`);
    await vi.waitFor(() =>
      expect(socket.subscriptions).toEqual([{ channelIds: [CAPTAIN_CHANNEL.id] }]),
    );

    byTestId(page(), 'live-channels')
      ?.querySelector<HTMLElement>('.mat-mdc-select-trigger')
      ?.click();
    await harness.fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => option.textContent.includes('OldShow'))
      ?.click();
    await harness.fixture.whenStable();

    await vi.waitFor(() =>
      expect(socket.subscriptions.at(-1)).toEqual({ channelIds: [CAPTAIN_CHANNEL.id, '41'] }),
    );
    expect(TestBed.inject(Router).url).toBe('/live?channel=42&channel=41');
  });

  it('shows lines as they arrive, emotes after an emoji as images', async () => {
    await open();

    await serverSends(HELLO_LINE, EMOJI_EMOTE_LINE);

    expect(lineTexts()).toEqual(['hello chat', '🎉 hi']);
    const emotes = [...page().querySelectorAll<HTMLImageElement>('img.emote')];
    expect(emotes.map((emote) => emote.alt)).toEqual(['Kappa', 'Kappa']);
    expect(emotes[0]?.getAttribute('src')).toBe(
      'https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0',
    );
    expect(byTestId(page(), 'live-empty')).toBeNull();
  });

  it('pauses when the reader scrolls up, and shows what came meanwhile on "n new messages"', async () => {
    await open();
    await serverSends(HELLO_LINE);

    await scrollUp(600);
    await serverSends(EMOJI_EMOTE_LINE, SPAM_LINE);

    expect(lineTexts()).toEqual(['hello chat']);
    const resume = byTestId(page(), 'live-resume');
    expect(resume?.textContent.trim()).toContain('2 new messages');

    resume?.click();
    await harness.fixture.whenStable();

    expect(lineTexts()).toEqual(['hello chat', '🎉 hi', 'buy followers at example.com']);
    expect(byTestId(page(), 'live-resume')).toBeNull();
    expect(feed().scrollTop).toBe(2_000);
  });

  it('follows again when the reader scrolls back to the bottom', async () => {
    await open();
    await scrollUp(600);
    await serverSends(HELLO_LINE);
    expect(lineTexts()).toEqual([]);

    await scrollUp(10);

    expect(lineTexts()).toEqual(['hello chat']);
    expect(byTestId(page(), 'live-pause')?.textContent).toContain('Pause');
  });

  it('pauses and resumes with its button', async () => {
    await open();

    byTestId(page(), 'live-pause')?.click();
    await harness.fixture.whenStable();
    await serverSends(HELLO_LINE);
    expect(lineTexts()).toEqual([]);
    expect(byTestId(page(), 'live-resume')?.textContent).toContain('1 new message');

    byTestId(page(), 'live-pause')?.click();
    await harness.fixture.whenStable();
    expect(lineTexts()).toEqual(['hello chat']);
  });

  it('strikes a line through when it is deleted', async () => {
    await open();
    await serverSends(HELLO_LINE, SPAM_LINE);

    socket.send('message_deleted', {
      channelId: CAPTAIN_CHANNEL.id,
      twitchMessageId: SPAM_LINE.twitchMessageId,
      deletedAt: '2026-11-22T10:31:02.000Z',
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();

    const lines = [...page().querySelectorAll<HTMLElement>('[data-testid="live-line"]')];
    expect(lines[1]?.querySelector('.line--deleted')).not.toBeNull();
    expect(lines[1]?.querySelector('[data-testid="line-deleted"]')).not.toBeNull();
    expect(lines[0]?.querySelector('.line--deleted')).toBeNull();
  });

  it('highlights mod actions inline', async () => {
    await open();
    await serverSends(SPAM_LINE);

    socket.send('mod_action', LIVE_TIMEOUT);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();

    const action = byTestId(page(), 'live-mod-action');
    expect(action?.dataset['type']).toBe('timeout');
    expect(action?.textContent).toContain('SpeedrunSally timed out spambot9000 for 10 min');
    expect(action?.textContent).toContain('spam');
  });

  it('says when the server skipped lines this browser could not take', async () => {
    await open();

    socket.send('dropped', 120);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();

    expect(byTestId(page(), 'live-notice')?.textContent).toContain('Skipped 120 lines');
    expect(byTestId(page(), 'live-dropped')?.textContent).toContain('120 lines skipped');
  });

  it('shows that it is reconnecting, and subscribes again once back', async () => {
    await open();
    await vi.waitFor(() => expect(socket.subscriptions).toHaveLength(1));

    socket.drop();
    await harness.fixture.whenStable();
    expect(byTestId(page(), 'live-status')?.dataset['status']).toBe('reconnecting');
    expect(byTestId(page(), 'live-reconnecting')?.textContent).toContain(
      'The connection to the server was lost.',
    );

    socket.accept();
    await vi.waitFor(() => expect(socket.subscriptions).toHaveLength(2));
    await harness.fixture.whenStable();
    expect(byTestId(page(), 'live-status')?.dataset['status']).toBe('live');
    expect(byTestId(page(), 'live-notice')?.textContent).toContain('Reconnected');
  });

  it('says why the server refused the feed, and offers to reconnect', async () => {
    await harness.navigateByUrl('/live');
    http.expectOne(CHANNELS_URL).flush(CHANNELS);

    socket.refuse(LIVE_SIGN_IN_REQUIRED);
    await harness.fixture.whenStable();

    expect(byTestId(page(), 'live-refused')?.textContent).toContain(LIVE_SIGN_IN_REQUIRED);
    buttonNamed(page(), 'Reconnect')?.click();
    expect(socket.active).toBe(true);
  });

  it('filters the shown lines by chatter or text', async () => {
    await open();
    await serverSends(
      HELLO_LINE,
      SPAM_LINE,
      chatLine({ twitchMessageId: 'x', text: 'HELLO again' }),
    );

    const input = byTestId<HTMLInputElement>(page(), 'live-filter');
    if (input) {
      input.value = 'hello';
      input.dispatchEvent(new Event('input'));
    }
    await harness.fixture.whenStable();
    expect(lineTexts()).toEqual(['hello chat', 'HELLO again']);

    if (input) {
      input.value = 'spambot';
      input.dispatchEvent(new Event('input'));
    }
    await harness.fixture.whenStable();
    expect(lineTexts()).toEqual(['buy followers at example.com']);
  });
});
