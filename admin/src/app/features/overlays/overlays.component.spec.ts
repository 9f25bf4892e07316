import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  type AlertQueueReport,
  type Channel,
  type ChannelAlertQueue,
  type LoggedStreamEvent,
  type Page,
} from '@integron/contracts';

import { CAPTAIN_CHANNEL, ISSUED_CHAT_KEY } from '../../../testing/channels.fixtures';
import { byTestId } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { logged, RAID } from '../../../testing/stream-events.fixtures';
import { CHANNELS_URL } from '../../core/channels-api.service';
import { EVENTS_URL } from '../../core/events-api.service';
import { channelOverlayKeysUrl } from '../overlay-keys/overlay-keys-api.service';
import { alertQueueUrl } from './alert-queue-api.service';
import { OverlaysComponent } from './overlays.component';

const REPORT: AlertQueueReport = {
  paused: false,
  showing: { eventId: 'e1', type: 'raid', headline: 'PixelWolf raided with 12 viewers' },
  waiting: [{ eventId: 'e2', type: 'follow', headline: 'NightOwl followed' }],
};

function queueOf(paused: boolean, reports: AlertQueueReport[] = [REPORT]): ChannelAlertQueue {
  return {
    channelId: CAPTAIN_CHANNEL.id,
    paused,
    overlays: reports.map((queue, index) => ({
      id: `socket-${index}`,
      source: 'Main scene alerts',
      preview: false,
      connectedAt: '2026-11-22T10:00:00.000Z',
      queue,
    })),
  };
}

const RECENT: Page<LoggedStreamEvent> = {
  items: [logged('31', RAID)],
  total: 1,
  totalCapped: false,
  limit: 10,
  offset: 0,
};

describe(OverlaysComponent.name, () => {
  let fixture: ComponentFixture<OverlaysComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [OverlaysComponent],
      providers: [...pageTestProviders()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture.destroy();
    // The queue is asked again every few seconds; a slow run may have asked once more.
    http.match(alertQueueUrl(CAPTAIN_CHANNEL.id));
    http.verify();
  });

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (testId: string) => byTestId(page(), testId)?.textContent.trim() ?? null;

  async function render(
    channels: Channel[] = [CAPTAIN_CHANNEL],
    queue = queueOf(false),
  ): Promise<void> {
    fixture = TestBed.createComponent(OverlaysComponent);
    fixture.detectChanges();
    http.expectOne(CHANNELS_URL).flush(channels);
    await fixture.whenStable();
    if (channels.length === 0) return;
    http.expectOne(recentEvents).flush(RECENT);
    await new Promise((resolve) => setTimeout(resolve, 10));
    http.expectOne(alertQueueUrl(CAPTAIN_CHANNEL.id)).flush(queue);
    await fixture.whenStable();
  }

  const recentEvents = (request: { url: string; params: { get(name: string): string | null } }) =>
    request.url === EVENTS_URL && request.params.get('channelId') === CAPTAIN_CHANNEL.id;

  async function typeKey(key: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(page(), 'overlay-key-input');
    input!.value = key;
    input!.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('points to adding a channel when there are none', async () => {
    await render([]);

    expect(text('channels-empty')).toContain('No channels yet — add one first');
  });

  it('builds the OBS URL from the key and the settings, and says what is missing', async () => {
    await render();
    expect(text('obs-url-missing-alerts')).toBe('Paste or create a key above to get the URL.');

    await typeKey(' ovk_mine ');
    expect(text('obs-url-alerts')).toBe('http://localhost:3000/overlay/alerts?key=ovk_mine');

    const duration = byTestId<HTMLInputElement>(page(), 'alerts-duration')!;
    duration.value = '8';
    duration.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(text('obs-url-alerts')).toBe(
      'http://localhost:3000/overlay/alerts?duration=8000&key=ovk_mine',
    );

    duration.value = '0.2';
    duration.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(text('obs-url-missing-alerts')).toBe('Fix the settings above to get the URL.');
  });

  it('previews each page by the session: the channel in the URL, no key', async () => {
    await render();
    await typeKey('ovk_mine');

    const preview = byTestId<HTMLIFrameElement>(page(), 'overlay-preview-alerts')!;
    expect(preview.getAttribute('src')).toBe('http://localhost:3000/overlay/alerts?preview=42');
  });

  it('creates a key for OBS and puts it in the URLs', async () => {
    await render();

    byTestId<HTMLButtonElement>(page(), 'create-overlay-key')!.click();
    const created = http.expectOne(channelOverlayKeysUrl(CAPTAIN_CHANNEL.id));
    expect(created.request.method).toBe('POST');
    created.flush(ISSUED_CHAT_KEY);
    await fixture.whenStable();

    expect(text('obs-url-alerts')).toBe(
      `http://localhost:3000/overlay/alerts?key=${ISSUED_CHAT_KEY.key}`,
    );
  });

  it('shows what each alert box holds, and pauses and resumes them', async () => {
    await render();
    expect(text('alert-queue-status')).toBe('Running');
    expect(text('alert-showing')).toContain('On screen: PixelWolf raided with 12 viewers');
    expect(text('alert-waiting')).toContain('NightOwl followed');

    byTestId<HTMLButtonElement>(page(), 'alerts-pause')!.click();
    const paused: TestRequest = http.expectOne(`${alertQueueUrl(CAPTAIN_CHANNEL.id)}/actions`);
    expect(paused.request.body).toEqual({ action: 'pause' });
    paused.flush(queueOf(true, [{ ...REPORT, paused: true }]));
    await fixture.whenStable();
    expect(text('alert-queue-status')).toBe('Paused');

    byTestId<HTMLButtonElement>(page(), 'alerts-resume')!.click();
    const resumed = http.expectOne(`${alertQueueUrl(CAPTAIN_CHANNEL.id)}/actions`);
    expect(resumed.request.body).toEqual({ action: 'resume' });
    resumed.flush(queueOf(false));
    await fixture.whenStable();
    expect(text('alert-queue-status')).toBe('Running');
  });

  it('says when no alert box is open', async () => {
    await render([CAPTAIN_CHANNEL], queueOf(false, []));

    expect(text('alert-queue-empty')).toContain('No alert box of TeamCaptain is open');
  });

  it('replays a recent event of the channel', async () => {
    await render();

    byTestId<HTMLButtonElement>(page(), 'replay-31')!.click();
    const replay = http.expectOne(`${alertQueueUrl(CAPTAIN_CHANNEL.id)}/replay`);
    expect(replay.request.body).toEqual({ logId: '31' });
    replay.flush({ event: RAID });
  });
});
