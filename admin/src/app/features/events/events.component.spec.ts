import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  type EventsSettings,
  type LoggedStreamEvent,
  type Page,
  type SessionMember,
} from '@integron/contracts';

import { pageOf } from '../../../testing/archive.fixtures';
import { CHANNELS } from '../../../testing/channels.fixtures';
import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import {
  buttonNamed,
  byTestId,
  overlayElement,
  overlayText,
} from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { ADMIN_PALADIN, MODERATOR_SALLY } from '../../../testing/session.fixtures';
import { signInAs } from '../../../testing/session.testing';
import {
  GIFT_BOMB,
  LOGGED_GIFT_BOMB,
  LOGGED_RAID,
  LOGGED_RESUB,
  LOGGED_TEST_CHEER,
  logged,
} from '../../../testing/stream-events.fixtures';
import { CHANNELS_URL } from '../../core/channels-api.service';
import { EVENTS_SETTINGS_URL, EVENTS_URL, refireUrl } from '../../core/events-api.service';
import { Subject } from 'rxjs';

import { EVENTS_FILTER_DEBOUNCE_MS, EVENTS_POLL_TICKS, EventsComponent } from './events.component';

const KEEP_NOTHING: EventsSettings = { keepLiveOnlyEvents: false };
const NEWEST_FIRST = [LOGGED_TEST_CHEER, LOGGED_GIFT_BOMB, LOGGED_RESUB, LOGGED_RAID];

describe(EventsComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  /** The poll timer, ticked by hand. */
  let ticks: Subject<void>;

  beforeEach(async () => {
    ticks = new Subject<void>();
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([{ path: 'events', component: EventsComponent }]),
        { provide: EVENTS_POLL_TICKS, useValue: ticks },
        { provide: EVENTS_FILTER_DEBOUNCE_MS, useValue: 0 },
      ],
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
    return http.expectOne((request) => request.url === EVENTS_URL);
  }

  /** Opens the page at `path` as `member`; answers channels and settings, returns the list request. */
  async function open(
    path = '/events',
    member: SessionMember = ADMIN_PALADIN,
  ): Promise<TestRequest> {
    await signInAs(member);
    await harness.navigateByUrl(path);
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    http.expectOne(EVENTS_SETTINGS_URL).flush(KEEP_NOTHING);
    return listRequest();
  }

  async function openWith(
    items: LoggedStreamEvent[],
    options: {
      path?: string;
      member?: SessionMember;
      page?: Partial<Page<LoggedStreamEvent>>;
    } = {},
  ): Promise<void> {
    (await open(options.path, options.member)).flush(pageOf(items, { limit: 25, ...options.page }));
    await stable();
  }

  function rows(): HTMLElement[] {
    return [...page().querySelectorAll<HTMLElement>('[data-testid="event-row"]')];
  }

  function lines(): string[] {
    return rows().map((row) => byTestId(row, 'event-line')?.textContent.trim() ?? '');
  }

  describe('the log', () => {
    it('shows each event as a readable line, newest first, tests marked', async () => {
      const request = await open();
      expect(request.request.params.get('limit')).toBe('25');
      expect(request.request.params.has('types')).toBe(false);
      await stable();
      expect(page().querySelector('[aria-label="Loading the events"]')).not.toBeNull();

      request.flush(pageOf(NEWEST_FIRST, { limit: 25 }));
      await stable();

      expect(lines()).toEqual([
        'CozyCat cheered 500 bits: Cheer500 great play',
        'PixelWolf gifted 5 Tier 1 subs',
        'NightOwl resubscribed for 12 months: A whole year already!',
        'Raid from LagSpike with 120 viewers',
      ]);
      expect(rows().map((row) => row.dataset['test'])).toEqual(['true', 'false', 'false', 'false']);
      expect(byTestId(rows()[0]!, 'event-test-badge')?.textContent.trim()).toBe('Test');
      expect(byTestId(rows()[1]!, 'event-test-badge')).toBeNull();
      expect(byTestId(rows()[1]!, 'event-detail')?.textContent).toContain(
        'To NightOwl, CozyCat, LagSpike',
      );
      const time = byTestId(rows()[1]!, 'event-time');
      expect(time?.getAttribute('datetime')).toBe(GIFT_BOMB.occurredAt);
      expect(time?.textContent).toMatch(/Nov 22, \d\d:58:00/);
      expect(byTestId(rows()[1]!, 'event-ago')?.textContent).toMatch(/ago$/);
      expect(byTestId(page(), 'events-total')?.textContent).toContain('4 events');
    });

    it('filters by what the URL holds, and fills the form from it', async () => {
      const request = await open(
        '/events?types=gift,sub&channelId=42&user=Pixel&includeTests=false&offset=25',
      );

      expect(request.request.params.get('types')).toBe('sub,gift');
      expect(request.request.params.get('channelId')).toBe('42');
      expect(request.request.params.get('user')).toBe('pixel');
      expect(request.request.params.get('includeTests')).toBe('false');
      expect(request.request.params.get('offset')).toBe('25');
      request.flush(pageOf([LOGGED_GIFT_BOMB], { total: 26, limit: 25, offset: 25 }));
      await stable();

      const selected = [...page().querySelectorAll('mat-chip-option.mat-mdc-chip-selected')];
      expect(selected.map((chip) => chip.getAttribute('data-testid'))).toEqual([
        'type-sub',
        'type-gift',
      ]);
      expect(byTestId<HTMLInputElement>(page(), 'filter-user')?.value).toBe('pixel');
      expect(
        byTestId(page(), 'filter-include-tests')
          ?.querySelector('button')
          ?.getAttribute('aria-checked'),
      ).toBe('false');
      expect(page().querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain(
        '26 – 26 of 26',
      );
    });

    it('applies a type chip at once and goes back to the first page', async () => {
      await openWith(NEWEST_FIRST, { path: '/events?offset=25', page: { total: 30, offset: 25 } });

      byTestId(page(), 'type-raid')?.querySelector('button')?.click();
      await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/events?types=raid'));

      const request = listRequest();
      expect(request.request.params.get('types')).toBe('raid');
      expect(request.request.params.get('offset')).toBe('0');
      request.flush(pageOf([LOGGED_RAID], { limit: 25 }));
      await stable();
      expect(lines()).toEqual(['Raid from LagSpike with 120 viewers']);
    });

    it('refuses a user that is not (the start of) a login, and keeps the list', async () => {
      await openWith(NEWEST_FIRST);

      const user = byTestId<HTMLInputElement>(page(), 'filter-user');
      if (user) {
        user.value = 'pixel wolf!';
        user.dispatchEvent(new Event('input'));
        user.dispatchEvent(new Event('blur'));
      }
      await stable();

      expect(page().textContent).toContain('A Twitch login: letters, digits and _ only.');
      expect(TestBed.inject(Router).url).toBe('/events');
      http.expectNone(EVENTS_URL);
    });

    it('says when nothing matches, and clears the filters', async () => {
      await openWith([], { path: '/events?types=raid' });

      expect(byTestId(page(), 'events-empty')?.textContent).toContain('No events match');
      byTestId(page(), 'filter-clear')?.click();
      await stable();

      expect(TestBed.inject(Router).url).toBe('/events');
      listRequest().flush(pageOf([], { limit: 25 }));
      await stable();
      expect(byTestId(page(), 'events-empty')?.textContent).toContain('No stream events yet');
      expect(byTestId(page(), 'filter-clear')).toBeNull();
    });

    it('says why the log could not be loaded, and loads it again on Retry', async () => {
      (await open()).flush(INTERNAL_ERROR_BODY, {
        status: 500,
        statusText: 'Internal Server Error',
      });
      await stable();
      expect(byTestId(page(), 'load-error')?.textContent).toContain('Could not load the events');

      buttonNamed(byTestId(page(), 'load-error') ?? page(), 'Retry')?.click();
      listRequest().flush(pageOf(NEWEST_FIRST, { limit: 25 }));
      await stable();

      expect(rows()).toHaveLength(4);
    });

    it('turns pages through the URL', async () => {
      await openWith(NEWEST_FIRST, { page: { total: 60 } });

      page().querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')?.click();
      await stable();

      expect(TestBed.inject(Router).url).toBe('/events?offset=25');
      expect(listRequest().request.params.get('offset')).toBe('25');
    });

    it('lets an admin re-fire an event as a test, through the pipeline or to the overlays', async () => {
      await openWith(NEWEST_FIRST);

      byTestId(rows()[1]!, 'event-refire')?.click();
      await stable();
      overlayElement().querySelector<HTMLButtonElement>('[data-testid="refire-overlays"]')?.click();

      const request = http.expectOne(refireUrl(LOGGED_GIFT_BOMB.id));
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ target: 'overlays' });
      request.flush({ event: { ...GIFT_BOMB, eventId: 'test:1', source: 'test' } });
      await stable();

      expect(overlayText()).toContain(
        'Shown again on the overlays only, as a test: PixelWolf gifted 5 Tier 1 subs.',
      );
    });

    it('tells when a re-fire failed', async () => {
      await openWith(NEWEST_FIRST);

      byTestId(rows()[2]!, 'event-refire')?.click();
      await stable();
      overlayElement().querySelector<HTMLButtonElement>('[data-testid="refire-pipeline"]')?.click();
      http
        .expectOne(refireUrl(LOGGED_RESUB.id))
        .flush(
          { statusCode: 404, code: 'NOT_FOUND', message: 'The events log has no event 102.' },
          { status: 404, statusText: 'Not Found' },
        );
      await stable();

      expect(overlayText()).toContain(
        'Could not re-fire the event: The events log has no event 102.',
      );
    });

    it('lets an admin keep polls, predictions and shoutouts', async () => {
      await openWith(NEWEST_FIRST);

      byTestId(page(), 'keep-live-only')?.querySelector('button')?.click();
      const request = http.expectOne(EVENTS_SETTINGS_URL);
      expect(request.request.method).toBe('PUT');
      expect(request.request.body).toEqual({ keepLiveOnlyEvents: true });
      request.flush({ keepLiveOnlyEvents: true });
      await stable();

      expect(overlayText()).toContain('Polls, predictions and shoutouts are kept in the log');
    });

    it('puts the setting back when saving it fails', async () => {
      await openWith(NEWEST_FIRST);

      const toggle = byTestId(page(), 'keep-live-only')?.querySelector('button');
      toggle?.click();
      http
        .expectOne(EVENTS_SETTINGS_URL)
        .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
      await stable();

      expect(toggle?.getAttribute('aria-checked')).toBe('false');
      expect(overlayText()).toContain('Could not change what the log keeps');
    });

    it('shows a moderator the log without re-fire, and the setting without the switch', async () => {
      await openWith(NEWEST_FIRST, { member: MODERATOR_SALLY });

      expect(byTestId(page(), 'event-refire')).toBeNull();
      expect(byTestId(page(), 'keep-live-only')).toBeNull();
      expect(byTestId(page(), 'keep-live-only-state')?.textContent).toContain(
        'show on the overlays live only',
      );
    });
  });

  describe('live', () => {
    function poll(): TestRequest {
      ticks.next();
      return listRequest();
    }

    it('takes new events in at the top, keeping the rows already on screen', async () => {
      await openWith([LOGGED_GIFT_BOMB, LOGGED_RESUB]);
      const [giftRow, resubRow] = rows();

      const request = poll();
      expect(request.request.params.get('offset')).toBe('0');
      request.flush(pageOf([LOGGED_TEST_CHEER, LOGGED_GIFT_BOMB, LOGGED_RESUB], { limit: 25 }));
      await stable();

      expect(lines()[0]).toBe('CozyCat cheered 500 bits: Cheer500 great play');
      expect(rows()[1]).toBe(giftRow);
      expect(rows()[2]).toBe(resubRow);
      expect(rows()[0]?.classList.contains('fresh')).toBe(true);
      expect(giftRow?.classList.contains('fresh')).toBe(false);
      expect(byTestId(page(), 'live-status')?.textContent).toContain('Updated');

      byTestId(page(), 'live-toggle')?.querySelector('button')?.click();
      await stable();
      ticks.next();
      http.expectNone(EVENTS_URL);
      expect(byTestId(page(), 'live-status')?.textContent.trim()).toBe('Paused');
    });

    it('leaves an older page as it is and counts what is newer', async () => {
      await openWith([LOGGED_RESUB, LOGGED_RAID], {
        path: '/events?offset=25',
        page: { total: 27, offset: 25 },
      });
      const before = rows();

      const request = poll();
      expect(request.request.params.get('offset')).toBe('0');
      expect(request.request.params.get('limit')).toBe('1');
      request.flush(pageOf([logged('105', GIFT_BOMB)], { total: 30, limit: 1 }));
      await stable();

      expect(rows()).toEqual(before);
      expect(byTestId(page(), 'newer-events')?.textContent).toContain('3 newer events');
      buttonNamed(byTestId(page(), 'newer-events') ?? page(), 'Show the newest')?.click();
      await stable();
      expect(TestBed.inject(Router).url).toBe('/events');
      listRequest().flush(pageOf([LOGGED_GIFT_BOMB], { limit: 25 }));
    });

    it('says when live updates fail, and keeps what it shows', async () => {
      await openWith([LOGGED_RESUB]);

      poll().flush(INTERNAL_ERROR_BODY, {
        status: 500,
        statusText: 'Internal Server Error',
      });
      await stable();

      expect(byTestId(page(), 'poll-error')?.textContent).toContain(
        'Something broke inside Integron',
      );
      expect(lines()).toEqual(['NightOwl resubscribed for 12 months: A whole year already!']);

      poll().flush(pageOf([LOGGED_RESUB], { limit: 25 }));
      await stable();
      expect(byTestId(page(), 'poll-error')).toBeNull();
    });

    it('does not poll a page that failed to load', async () => {
      (await open()).flush(INTERNAL_ERROR_BODY, {
        status: 500,
        statusText: 'Internal Server Error',
      });
      await stable();

      ticks.next();
      http.expectNone(EVENTS_URL);
    });
  });
});
