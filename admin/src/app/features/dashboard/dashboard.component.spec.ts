import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import {
  EMPTY_OVERVIEW,
  HEALTHY_ARCHIVE,
  JOURNALING_ARCHIVE,
  OVERVIEW,
} from '../../../testing/archive.fixtures';
import { ChartRecorder } from '../../../testing/chart.testing';
import {
  DATABASE_DOWN_REPORT,
  DEMO_HEALTH,
  INTERNAL_ERROR_BODY,
  READY_REPORT,
  SERVICE_UNAVAILABLE,
} from '../../../testing/health.fixtures';
import { buttonNamed } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { summaryOf } from '../../../testing/stream-events.fixtures';
import { ARCHIVE_HEALTH_URL, ARCHIVE_OVERVIEW_URL } from '../../core/archive-api.service';
import { EVENTS_SUMMARY_URL } from '../../core/events-api.service';
import { HEALTH_URL, READINESS_URL } from '../../core/health-api.service';
import { DashboardComponent } from './dashboard.component';
import { startOfLocalDay } from './events-today-card.component';

describe(DashboardComponent.name, () => {
  let fixture: ComponentFixture<DashboardComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      imports: [DashboardComponent],
      providers: pageTestProviders(),
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DashboardComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  function byTestId(id: string): HTMLElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`);
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  /** Answers the server's health checks, ready. */
  function answerHealth(): void {
    http.expectOne(HEALTH_URL).flush(DEMO_HEALTH);
    http.expectOne(READINESS_URL).flush(READY_REPORT);
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  it('shows the loading state before the first answer', () => {
    expect(byTestId('readiness')?.dataset['status']).toBe('loading');
    expect(byTestId('service-version')).toBeNull();
    expect(text()).toContain('Checking the Integron server');
  });

  it('shows version, mode, uptime and an Up database for a ready server', () => {
    http.expectOne(HEALTH_URL).flush(DEMO_HEALTH);
    http.expectOne(READINESS_URL).flush(READY_REPORT);
    fixture.detectChanges();

    expect(byTestId('readiness')?.dataset['status']).toBe('ready');
    expect(byTestId('service-version')?.textContent.trim()).toBe('1.4.2');
    expect(byTestId('service-mode')?.textContent.trim()).toBe(
      'Demo mode — simulated Twitch & Discord',
    );
    expect(byTestId('database-status')?.dataset['status']).toBe('up');
    expect(text()).toContain('1 d 2 h');
    expect(text()).toContain('Embedded Postgres');
    expect(text()).toContain('3 ms');
    expect(text()).toContain('Last checked');
  });

  it('shows a 503 report as not ready with the database Down and its error', () => {
    http.expectOne(HEALTH_URL).flush({ ...DEMO_HEALTH, mode: 'live' });
    http.expectOne(READINESS_URL).flush(DATABASE_DOWN_REPORT, SERVICE_UNAVAILABLE);
    fixture.detectChanges();

    expect(byTestId('readiness')?.dataset['status']).toBe('not_ready');
    expect(byTestId('database-status')?.dataset['status']).toBe('down');
    expect(byTestId('database-status')?.textContent.trim()).toBe('Down');
    expect(byTestId('service-mode')?.textContent.trim()).toBe('Live');
    expect(text()).toContain('External Postgres');
    expect(text()).toContain('connect ECONNREFUSED 10.0.0.7:5432');
  });

  it('says the server cannot be reached and retries at once on Retry', () => {
    http.expectOne(HEALTH_URL).error(new ProgressEvent('error'));
    http.expectOne(READINESS_URL);
    fixture.detectChanges();

    expect(byTestId('readiness')?.dataset['status']).toBe('unreachable');
    expect(text()).toContain('Cannot reach the Integron server');
    const retry = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find(
      (button) => button.textContent.trim() === 'Retry',
    );
    expect(retry).toBeDefined();

    retry?.click();
    http.expectOne(HEALTH_URL).flush(DEMO_HEALTH);
    http.expectOne(READINESS_URL).flush(READY_REPORT);
    fixture.detectChanges();

    expect(byTestId('readiness')?.dataset['status']).toBe('ready');
  });

  it('stops polling when the page is left', () => {
    http.expectOne(HEALTH_URL).flush(DEMO_HEALTH);
    http.expectOne(READINESS_URL).flush(READY_REPORT);

    vi.advanceTimersByTime(5_000);
    expect(http.match(HEALTH_URL)).toHaveLength(1);
    http.match(READINESS_URL);

    expect(http.match(ARCHIVE_HEALTH_URL)).toHaveLength(2);

    fixture.destroy();
    vi.advanceTimersByTime(30_000);

    http.expectNone(HEALTH_URL);
    http.expectNone(READINESS_URL);
    http.expectNone(ARCHIVE_HEALTH_URL);
  });

  describe('archive health', () => {
    it('shows the ingest rate, lag, buffer and journal of a healthy archive', () => {
      expect(byTestId('archive-health')?.dataset['status']).toBe('loading');
      http.expectOne(ARCHIVE_HEALTH_URL).flush(HEALTHY_ARCHIVE);
      fixture.detectChanges();

      expect(byTestId('archive-health')?.dataset['status']).toBe('ok');
      expect(byTestId('archive-health-status')?.textContent).toContain('Every line is archived');
      expect(byTestId('archive-ingest-rate')?.textContent.trim()).toBe('42.5/s');
      expect(byTestId('archive-lag')?.textContent.trim()).toBe('180 ms');
      expect(byTestId('archive-buffer')?.textContent).toContain('120 of 50,000');
      expect(byTestId('archive-journal')?.textContent.trim()).toBe('Empty');
      expect(byTestId('archive-written')?.textContent).toContain('1,250,000 lines');
      expect(byTestId('archive-last-error')).toBeNull();
    });

    it('says lines wait in the journal while Postgres refuses writes', () => {
      http.expectOne(ARCHIVE_HEALTH_URL).flush(JOURNALING_ARCHIVE);
      fixture.detectChanges();

      expect(byTestId('archive-health')?.dataset['status']).toBe('journaling');
      expect(byTestId('archive-health-status')?.textContent).toContain('on-disk journal');
      expect(byTestId('archive-journal')?.textContent).toContain(
        '24,000 lines in 3 files (5.0 MB)',
      );
      expect(byTestId('archive-lag')?.textContent.trim()).toBe('1 min 5 s');
      expect(byTestId('archive-last-error')?.textContent).toContain('ECONNREFUSED');
    });

    it('keeps the last numbers, and says why, when a later poll fails', () => {
      http.expectOne(ARCHIVE_HEALTH_URL).flush(HEALTHY_ARCHIVE);
      answerHealth();
      vi.advanceTimersByTime(5_000);
      http
        .expectOne(ARCHIVE_HEALTH_URL)
        .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
      fixture.detectChanges();

      expect(byTestId('archive-health-error')?.textContent).toContain(
        'Something broke inside Integron',
      );
      expect(byTestId('archive-ingest-rate')?.textContent.trim()).toBe('42.5/s');
    });
  });

  describe('archive overview', () => {
    it('shows the totals, messages per hour, recent mod actions and the busiest', () => {
      http.expectOne(ARCHIVE_OVERVIEW_URL).flush(OVERVIEW);
      fixture.detectChanges();

      expect(byTestId('total-messages')?.textContent.trim()).toBe('1,250,000');
      expect(byTestId('total-chatters')?.textContent.trim()).toBe('8,400');
      expect(byTestId('total-mod-actions')?.textContent.trim()).toBe('312');
      expect(byTestId('total-channels')?.textContent.trim()).toBe('3');
      expect(byTestId('pending-reviews')?.querySelector('a')?.getAttribute('href')).toBe(
        '/moderation',
      );
      const chart = TestBed.inject(ChartRecorder).configIn(byTestId('messages-per-hour'));
      expect(chart?.type).toBe('line');
      expect(chart?.data.datasets[0]?.data).toEqual(
        OVERVIEW.messagesPerHour.map((point) => point.messages),
      );
      const actions = byTestId('recent-mod-actions')?.querySelectorAll('li');
      expect(actions).toHaveLength(2);
      expect(actions?.[0]?.textContent).toContain('SpeedrunSally timed out spambot9000 for 10 min');
      expect(actions?.[1]?.textContent).toContain('A moderator banned LurkerLou');
      expect(actions?.[1]?.textContent).toContain('Flagged');
      expect(byTestId('active-channels')?.querySelector('a')?.getAttribute('href')).toBe(
        '/messages?channelId=42',
      );
      expect(byTestId('active-chatters')?.querySelector('a')?.getAttribute('href')).toBe(
        '/users/300001',
      );
    });

    it('says nothing is archived yet, pointing to the channels', () => {
      http.expectOne(ARCHIVE_OVERVIEW_URL).flush(EMPTY_OVERVIEW);
      fixture.detectChanges();

      const empty = byTestId('overview-empty');
      expect(empty?.textContent).toContain('Nothing archived yet');
      expect(empty?.querySelector('a')?.getAttribute('href')).toBe('/team-channels');
      expect(byTestId('messages-per-hour')).toBeNull();
    });

    it('says why the overview could not be loaded, and loads it again on Retry', () => {
      http
        .expectOne(ARCHIVE_OVERVIEW_URL)
        .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
      fixture.detectChanges();
      expect(byTestId('load-error')?.textContent).toContain('Could not load the archive overview');

      buttonNamed(byTestId('load-error') ?? page(), 'Retry')?.click();
      http.expectOne(ARCHIVE_OVERVIEW_URL).flush(OVERVIEW);
      fixture.detectChanges();

      expect(byTestId('total-messages')?.textContent.trim()).toBe('1,250,000');
    });

    it('asks again on Refresh', () => {
      http.expectOne(ARCHIVE_OVERVIEW_URL).flush(EMPTY_OVERVIEW);
      fixture.detectChanges();

      byTestId('overview-refresh')?.click();
      http.expectOne(ARCHIVE_OVERVIEW_URL).flush(OVERVIEW);
      fixture.detectChanges();

      expect(byTestId('total-messages')?.textContent.trim()).toBe('1,250,000');
    });
  });

  describe("today's events", () => {
    function summaryRequest() {
      return http.expectOne((request) => request.url === EVENTS_SUMMARY_URL);
    }

    function link(element: Element | null | undefined): URL {
      return new URL(element?.getAttribute('href') ?? '', 'http://admin.test');
    }

    it('counts them by type since local midnight, charted, each type linking to the log', () => {
      const request = summaryRequest();
      const since = startOfLocalDay(new Date());
      expect(request.request.params.get('since')).toBe(since);
      request.flush(summaryOf({ gift: 3, sub: 5, raid: 1 }, since));
      fixture.detectChanges();

      expect(byTestId('events-today-total')?.textContent.trim()).toBe('9');
      const counts = [...(byTestId('events-today-counts')?.querySelectorAll('li') ?? [])];
      expect(counts.map((li) => li.dataset['type'])).toEqual(['sub', 'gift', 'raid']);
      expect(counts[0]?.textContent).toContain('Sub');
      expect(counts[0]?.textContent).toContain('5');
      const subs = link(counts[0]?.querySelector('a'));
      expect(subs.pathname).toBe('/events');
      expect(subs.searchParams.get('types')).toBe('sub');
      expect(subs.searchParams.get('since')).toBe(since);
      expect(subs.searchParams.get('includeTests')).toBe('false');
      const chart = TestBed.inject(ChartRecorder).configIn(byTestId('events-today-chart'));
      expect(chart?.type).toBe('bar');
      expect(chart?.data.labels).toEqual(['Sub', 'Gift', 'Raid']);
      expect(chart?.data.datasets[0]?.data).toEqual([5, 3, 1]);
      expect(link(byTestId('events-today-link')).searchParams.has('types')).toBe(false);
    });

    it('says when nothing happened yet today', () => {
      summaryRequest().flush(summaryOf({}));
      fixture.detectChanges();

      expect(byTestId('events-today-total')?.textContent.trim()).toBe('0');
      expect(byTestId('events-today-empty')?.textContent).toContain('No follows, subs');
      expect(byTestId('events-today-chart')).toBeNull();
    });

    it('keeps the last counts, and says why, when a later poll fails', () => {
      summaryRequest().flush(summaryOf({ follow: 2 }));
      vi.advanceTimersByTime(30_000);
      summaryRequest().flush(INTERNAL_ERROR_BODY, {
        status: 500,
        statusText: 'Internal Server Error',
      });
      fixture.detectChanges();

      expect(byTestId('events-today-error')?.textContent).toContain(
        'Something broke inside Integron',
      );
      expect(byTestId('events-today-total')?.textContent.trim()).toBe('2');
    });
  });
});
