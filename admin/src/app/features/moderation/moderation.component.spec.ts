import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type ModAction, type ModActionContext } from '@integron/contracts';

import {
  BAN_ACTION,
  DELETED_SPAM_MESSAGE,
  HELLO_MESSAGE,
  MOD_ACTION_STATS,
  SPAMBOT,
  TIMEOUT_ACTION,
  pageOf,
} from '../../../testing/archive.fixtures';
import { ChartRecorder } from '../../../testing/chart.testing';
import { CHANNELS } from '../../../testing/channels.fixtures';
import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import { buttonNamed, byTestId, overlayText } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { CHANNELS_URL } from '../../core/channels-api.service';
import {
  MOD_ACTIONS_URL,
  MOD_ACTION_STATS_URL,
  modActionContextUrl,
  reviewModActionUrl,
} from '../../core/mod-actions-api.service';
import { ModerationComponent } from './moderation.component';

const TIMEOUT_CONTEXT: ModActionContext = {
  action: TIMEOUT_ACTION,
  messages: [{ ...HELLO_MESSAGE, user: SPAMBOT }, DELETED_SPAM_MESSAGE],
};

describe(ModerationComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: pageTestProviders([{ path: 'moderation', component: ModerationComponent }]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify();
  });

  function page(): HTMLElement {
    return harness.fixture.nativeElement as HTMLElement;
  }

  async function stable(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function listRequest(): TestRequest {
    return http.expectOne((request) => request.url === MOD_ACTIONS_URL);
  }

  function statsRequest(): TestRequest {
    return http.expectOne((request) => request.url === MOD_ACTION_STATS_URL);
  }

  /** Opens the page at `path`; answers the channels and the stats, returns the list request. */
  async function open(path = '/moderation'): Promise<TestRequest> {
    await harness.navigateByUrl(path);
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    statsRequest().flush(MOD_ACTION_STATS);
    return listRequest();
  }

  async function openWith(actions: ModAction[], path?: string): Promise<void> {
    (await open(path)).flush(pageOf(actions, { limit: 20 }));
    await stable();
  }

  function actionIds(): (string | null)[] {
    return [...page().querySelectorAll('[data-testid="mod-action"]')].map((panel) =>
      panel.getAttribute('data-id'),
    );
  }

  async function expand(id: string): Promise<void> {
    page()
      .querySelector<HTMLElement>(
        `[data-testid="mod-action"][data-id="${id}"] mat-expansion-panel-header`,
      )
      ?.click();
    await stable();
  }

  it('shows the review queue first: pending actions, with a progress bar until they arrive', async () => {
    const request = await open();
    expect(request.request.params.get('status')).toBe('pending');
    expect(request.request.params.get('limit')).toBe('20');
    await stable();
    expect(page().querySelector('[aria-label="Loading the mod actions"]')).not.toBeNull();

    request.flush(pageOf([TIMEOUT_ACTION], { limit: 20 }));
    await stable();

    expect(page().querySelector('[aria-label="Loading the mod actions"]')).toBeNull();
    expect(actionIds()).toEqual([TIMEOUT_ACTION.id]);
    const panel = byTestId(page(), 'mod-action');
    expect(panel?.textContent).toContain('Timeout (10 min)');
    expect(panel?.textContent).toContain('spambot9000');
    expect(panel?.textContent).toContain('SpeedrunSally');
    expect(byTestId(page(), 'action-status')?.textContent.trim()).toBe('Pending review');
    expect(byTestId(page(), 'actions-total')?.textContent).toContain('1 action');
    expect(
      byTestId(page(), 'status-filter')?.querySelector(
        '[aria-pressed="true"], [aria-checked="true"]',
      )?.textContent,
    ).toContain('To review');
  });

  it('filters by what the URL holds, and fills the form from it', async () => {
    const request = await open(
      '/moderation?type=ban&channelId=42&moderatorId=100003&moderator=speedrunsally&targetId=300001&target=lurkerlou&status=all&since=2026-11-20T00:00:00.000Z',
    );

    expect(request.request.params.keys().sort()).toEqual([
      'channelId',
      'limit',
      'moderatorId',
      'offset',
      'since',
      'targetId',
      'type',
    ]);
    expect(request.request.params.get('type')).toBe('ban');
    expect(request.request.params.get('moderatorId')).toBe('100003');
    expect(request.request.params.get('targetId')).toBe('300001');
    request.flush(pageOf([BAN_ACTION], { limit: 20 }));
    await stable();

    expect(byTestId<HTMLInputElement>(page(), 'filter-moderator')?.value).toBe('speedrunsally');
    expect(byTestId<HTMLInputElement>(page(), 'filter-target')?.value).toBe('lurkerlou');
    expect(byTestId<HTMLInputElement>(page(), 'filter-since')?.value).not.toBe('');
    expect(byTestId(page(), 'filter-type')?.textContent).toContain('Ban');
    expect(byTestId(page(), 'filter-channel')?.textContent).toContain('TeamCaptain');
    expect(byTestId(page(), 'filter-clear')).not.toBeNull();
  });

  it('asks for the stats of the filtered channel and range, per hour for short ranges', async () => {
    await harness.navigateByUrl(
      '/moderation?channelId=42&since=2026-11-22T00:00:00.000Z&until=2026-11-23T00:00:00.000Z',
    );
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    const stats = statsRequest();
    listRequest().flush(pageOf([], { limit: 20 }));

    expect(stats.request.params.get('channelId')).toBe('42');
    expect(stats.request.params.get('since')).toBe('2026-11-22T00:00:00.000Z');
    expect(stats.request.params.get('until')).toBe('2026-11-23T00:00:00.000Z');
    expect(stats.request.params.get('bucket')).toBe('hour');
    stats.flush(MOD_ACTION_STATS);
    await stable();

    expect(byTestId(page(), 'stats-scope')?.textContent.trim()).toBe(
      'TeamCaptain, in the chosen time range.',
    );
    const chart = TestBed.inject(ChartRecorder).configIn(byTestId(page(), 'stats-chart'));
    expect(chart?.type).toBe('bar');
    expect(
      page().querySelector('[data-testid="stats-chart"] canvas')?.getAttribute('aria-label'),
    ).toBe('Mod actions per hour, by type');
  });

  it('charts the counts by type per day, and names the most active moderators', async () => {
    await openWith([TIMEOUT_ACTION]);

    expect(byTestId(page(), 'stats-scope')?.textContent.trim()).toBe(
      'All channels, over the last 14 days.',
    );
    const chart = TestBed.inject(ChartRecorder).configIn(byTestId(page(), 'stats-chart'));
    expect(chart?.data.labels).toHaveLength(2);
    expect(chart?.data.datasets.map((dataset) => dataset.label)).toEqual([
      'Ban',
      'Timeout',
      'Message deleted',
      'Chat cleared',
    ]);
    expect(chart?.data.datasets[2]?.data).toEqual([3, 4]);
    expect(
      byTestId(page(), 'stats-by-type')?.querySelector('[data-type="delete"]')?.textContent,
    ).toContain('7');
    const top = byTestId(page(), 'top-moderators');
    expect(top?.textContent).toContain('SpeedrunSally');
    expect(top?.querySelector('a')?.getAttribute('href')).toBe('/users/100003');
    expect(byTestId(page(), 'stats-unattributed')?.textContent).toContain('4 without');
  });

  it('says when there is nothing in the range to count', async () => {
    await harness.navigateByUrl('/moderation');
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    statsRequest().flush({
      byType: { ban: 0, timeout: 0, unban: 0, untimeout: 0, delete: 0, clear: 0 },
      series: [],
      topModerators: [],
      unattributed: 0,
    });
    listRequest().flush(pageOf([], { limit: 20 }));
    await stable();

    expect(byTestId(page(), 'stats-empty')?.textContent).toContain('No mod actions in this range');
    expect(byTestId(page(), 'stats-chart')).toBeNull();
  });

  it('says there is nothing to review, and that nothing matches once filtered', async () => {
    await openWith([]);
    expect(byTestId(page(), 'actions-empty')?.textContent).toContain('Nothing to review');

    byTestId(page(), 'status-flagged')?.querySelector('button')?.click();
    await stable();
    expect(TestBed.inject(Router).url).toBe('/moderation?status=flagged');
    statsRequest().flush(MOD_ACTION_STATS);
    const request = listRequest();
    expect(request.request.params.get('status')).toBe('flagged');
    request.flush(pageOf([], { limit: 20 }));
    await stable();

    expect(byTestId(page(), 'actions-empty')?.textContent).toContain('No mod actions match');
  });

  it('says why the actions could not be loaded, and loads them again on Retry', async () => {
    (await open()).flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await stable();
    expect(byTestId(page(), 'load-error')?.textContent).toContain('Could not load the mod actions');

    buttonNamed(page(), 'Retry')?.click();
    listRequest().flush(pageOf([TIMEOUT_ACTION], { limit: 20 }));
    await stable();

    expect(actionIds()).toEqual([TIMEOUT_ACTION.id]);
  });

  it('says why the stats could not be loaded, and keeps the queue', async () => {
    await harness.navigateByUrl('/moderation');
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    statsRequest().flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    listRequest().flush(pageOf([TIMEOUT_ACTION], { limit: 20 }));
    await stable();

    expect(
      byTestId(byTestId(page(), 'moderation-stats') ?? page(), 'load-error')?.textContent,
    ).toContain('Could not load the stats');
    expect(actionIds()).toEqual([TIMEOUT_ACTION.id]);
  });

  it('applies the filters of the form through the URL, from the first page', async () => {
    await openWith([TIMEOUT_ACTION], '/moderation?offset=20');
    const since = byTestId<HTMLInputElement>(page(), 'filter-since');
    if (since) {
      since.value = '2026-11-21T08:00';
      since.dispatchEvent(new Event('input'));
    }
    await stable();

    byTestId(page(), 'filter-apply')?.click();
    await stable();

    const url = new URL(TestBed.inject(Router).url, 'http://admin.test');
    expect(url.searchParams.get('since')).toBe(new Date('2026-11-21T08:00').toISOString());
    expect(url.searchParams.get('offset')).toBeNull();
    statsRequest().flush(MOD_ACTION_STATS);
    listRequest().flush(pageOf([], { limit: 20 }));
    await stable();

    byTestId(page(), 'filter-clear')?.click();
    await stable();
    expect(TestBed.inject(Router).url).toBe('/moderation');
    statsRequest().flush(MOD_ACTION_STATS);
    listRequest().flush(pageOf([], { limit: 20 }));
  });

  it('turns pages through the URL', async () => {
    (await open()).flush(pageOf([TIMEOUT_ACTION], { total: 45, limit: 20 }));
    await stable();

    page().querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')?.click();
    await stable();

    expect(TestBed.inject(Router).url).toBe('/moderation?offset=20');
    statsRequest().flush(MOD_ACTION_STATS);
    const request = listRequest();
    expect(request.request.params.get('offset')).toBe('20');
    request.flush(pageOf([BAN_ACTION], { total: 45, limit: 20, offset: 20 }));
    await stable();
    expect(page().querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain(
      '21 – 40 of 45',
    );
  });

  it('shows what the target wrote before the action, once opened', async () => {
    await openWith([TIMEOUT_ACTION]);
    http.expectNone(modActionContextUrl(TIMEOUT_ACTION.id));

    await expand(TIMEOUT_ACTION.id);
    http.expectOne(modActionContextUrl(TIMEOUT_ACTION.id)).flush(TIMEOUT_CONTEXT);
    await stable();

    const context = byTestId(page(), 'action-context');
    expect(context?.querySelectorAll('app-chat-message')).toHaveLength(2);
    expect(context?.textContent).toContain('buy followers at example.com');
    expect(context?.querySelector('[data-testid="line-deleted"]')).not.toBeNull();
    expect(byTestId(page(), 'action-reason')?.textContent.trim()).toBe('spam');
  });

  it('says when the archive has nothing of the target before the action', async () => {
    await openWith([TIMEOUT_ACTION]);
    await expand(TIMEOUT_ACTION.id);
    http
      .expectOne(modActionContextUrl(TIMEOUT_ACTION.id))
      .flush({ action: TIMEOUT_ACTION, messages: [] });
    await stable();

    expect(byTestId(page(), 'context-empty')?.textContent).toContain(
      'no messages of spambot9000 before it',
    );
  });

  it('flags an action with a note, and shows who reviewed it', async () => {
    await openWith([TIMEOUT_ACTION]);
    await expand(TIMEOUT_ACTION.id);
    http.expectOne(modActionContextUrl(TIMEOUT_ACTION.id)).flush(TIMEOUT_CONTEXT);
    await stable();

    byTestId(page(), 'review-flagged')?.querySelector('button')?.click();
    const note = byTestId<HTMLTextAreaElement>(page(), 'review-note');
    if (note) {
      note.value = '  Too harsh for a first message.  ';
      note.dispatchEvent(new Event('input'));
    }
    await stable();
    byTestId(page(), 'review-save')?.click();

    const request = http.expectOne(reviewModActionUrl(TIMEOUT_ACTION.id));
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      status: 'flagged',
      note: 'Too harsh for a first message.',
    });
    request.flush({
      ...TIMEOUT_ACTION,
      review: {
        status: 'flagged',
        note: 'Too harsh for a first message.',
        reviewer: { id: '2', login: 'pixelpaladin' },
        reviewedAt: '2026-11-22T11:00:00.000Z',
      },
    });
    await stable();

    expect(byTestId(page(), 'action-status')?.textContent.trim()).toBe('Flagged');
    expect(byTestId(page(), 'reviewed-by')?.textContent).toContain('Flagged by pixelpaladin');
    expect(overlayText()).toContain('Marked Flagged.');
    http.expectNone(modActionContextUrl(TIMEOUT_ACTION.id));
  });

  it('puts a reviewed action back in the queue', async () => {
    await openWith([BAN_ACTION], '/moderation?status=flagged');
    await expand(BAN_ACTION.id);
    http.expectOne(modActionContextUrl(BAN_ACTION.id)).flush({ action: BAN_ACTION, messages: [] });
    await stable();
    expect(byTestId<HTMLTextAreaElement>(page(), 'review-note')?.value).toBe(
      'Lou was joking; unban?',
    );

    byTestId(page(), 'review-reset')?.click();
    const request = http.expectOne(reviewModActionUrl(BAN_ACTION.id));
    expect(request.request.body).toEqual({ status: 'pending', note: 'Lou was joking; unban?' });
    request.flush({
      ...BAN_ACTION,
      review: {
        status: 'pending',
        note: 'Lou was joking; unban?',
        reviewer: null,
        reviewedAt: null,
      },
    });
    await stable();

    expect(byTestId(page(), 'action-status')?.textContent.trim()).toBe('Pending review');
    expect(overlayText()).toContain('Back in the review queue.');
  });

  it('tells when a review could not be saved', async () => {
    await openWith([TIMEOUT_ACTION]);
    await expand(TIMEOUT_ACTION.id);
    http.expectOne(modActionContextUrl(TIMEOUT_ACTION.id)).flush(TIMEOUT_CONTEXT);
    await stable();

    byTestId(page(), 'review-ok')?.querySelector('button')?.click();
    await stable();
    byTestId(page(), 'review-save')?.click();
    http
      .expectOne(reviewModActionUrl(TIMEOUT_ACTION.id))
      .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await stable();

    expect(overlayText()).toContain('Could not save the review: Something broke inside Integron');
    expect(byTestId(page(), 'action-status')?.textContent.trim()).toBe('Pending review');
  });
});
