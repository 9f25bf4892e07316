import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DOCUMENT, DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  InjectionToken,
  LOCALE_ID,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatChipAvatar, MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ADMIN_ROUTES,
  type EventsSettings,
  type LoggedStreamEvent,
  PAGE_OFFSET_MAX,
  type Page,
  STREAM_EVENT_TYPES,
  type StreamEventType,
  type TestFireTarget,
} from '@integron/contracts';
import {
  EMPTY,
  type Observable,
  catchError,
  debounceTime,
  exhaustMap,
  filter,
  finalize,
  interval,
  map,
  switchMap,
  tap,
} from 'rxjs';

import { TEST_PANEL_LINK } from '../../core/admin-links';
import { BusyIds } from '../../core/busy-ids';
import { ChannelsApiService } from '../../core/channels-api.service';
import { fromLocalInput, toLocalInput } from '../../core/datetime-input.util';
import { EventsApiService } from '../../core/events-api.service';
import { type LoadError, toLoadError } from '../../core/load-state';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { formatCount, formatTotal } from '../../core/page-format.util';
import { formatRelative } from '../../core/relative-time.util';
import { SessionService } from '../../core/session.service';
import { CappedPaginatorIntl, provideCappedPaginator } from '../../shared/capped-paginator-intl';
import { LoadErrorComponent } from '../../shared/load-error.component';
import {
  describeStreamEvent,
  streamEventDetail,
  streamEventTypeIcon,
  streamEventTypeLabel,
} from '../../shared/stream-event.util';
import {
  EVENTS_PAGE_SIZE,
  type EventsFilter,
  NO_EVENTS_FILTER,
  USER_PREFIX_PATTERN,
  filterFromParams,
  filterToParams,
  isFiltered,
  listQuery,
  sameFilters,
} from './events-filter.util';

/** How often the open page asks for new events while "Live" is on. */
export const EVENTS_POLL_INTERVAL_MS = new InjectionToken<number>('EVENTS_POLL_INTERVAL_MS', {
  factory: () => 5_000,
});

/** What makes the page poll while "Live" is on: a timer (a token, so specs tick it by hand). */
export const EVENTS_POLL_TICKS = new InjectionToken<Observable<unknown>>('EVENTS_POLL_TICKS', {
  factory: () => interval(inject(EVENTS_POLL_INTERVAL_MS)),
});

/** Filters apply once typing or clicking pauses this long. */
export const EVENTS_FILTER_DEBOUNCE_MS = new InjectionToken<number>('EVENTS_FILTER_DEBOUNCE_MS', {
  factory: () => 300,
});

/** How often "5 minutes ago" is brought up to date. */
const CLOCK_TICK_MS = 15_000;

function userPrefix(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || USER_PREFIX_PATTERN.test(value) ? null : { userPrefix: true };
}

/**
 * The events log: subs, gifts, cheers, raids… of the team's channels, newest first, filtered by
 * type, channel, user and time (in the URL). While "Live" is on the first page takes new events in
 * as they are logged; rows on screen stay where they are. Admins re-fire an event as a test and
 * choose whether polls, predictions and shoutouts are kept.
 */
@Component({
  selector: 'app-events',
  imports: [
    DatePipe,
    LoadErrorComponent,
    MatButton,
    MatChipAvatar,
    MatChipListbox,
    MatChipOption,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatSlideToggle,
    MatTableModule,
    MatTooltip,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideCappedPaginator()],
  templateUrl: './events.component.html',
  styleUrl: './events.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventsComponent {
  private readonly api = inject(EventsApiService);
  private readonly channelsApi = inject(ChannelsApiService);
  private readonly session = inject(SessionService);
  private readonly notify = inject(NotifyService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly locale = inject(LOCALE_ID);
  private readonly paginatorIntl = inject(CappedPaginatorIntl);

  protected readonly title = ADMIN_ROUTES.events.title;
  protected readonly testPanelLink = TEST_PANEL_LINK;
  protected readonly types = STREAM_EVENT_TYPES;
  protected readonly pollSeconds = Math.round(inject(EVENTS_POLL_INTERVAL_MS) / 1000);
  protected readonly isAdmin = computed(() => this.session.hasRole('admin'));
  protected readonly columns = computed(() =>
    this.isAdmin()
      ? ['occurredAt', 'channel', 'event', 'actions']
      : ['occurredAt', 'channel', 'event'],
  );

  protected readonly channels = pageData(this.channelsApi.list());
  protected readonly events = pageData<Page<LoggedStreamEvent>>();
  protected readonly settings = pageData<EventsSettings>(this.api.settings());
  protected readonly filter = signal<EventsFilter>(NO_EVENTS_FILTER);
  protected readonly filtered = computed(() => isFiltered(this.filter()));
  protected readonly live = signal(true);
  /** When the last poll answered, and why the last one failed (if it did). */
  protected readonly polledAt = signal<Date | null>(null);
  protected readonly pollError = signal<LoadError | null>(null);
  /** Rows that came in while the page was open, marked for a moment. */
  protected readonly fresh = signal<ReadonlySet<string>>(new Set());
  /** On an older page: how many events were logged since it was loaded. */
  protected readonly newer = signal(0);
  protected readonly now = signal(Date.now());
  protected readonly refiring = new BusyIds();
  protected readonly savingSettings = signal(false);

  protected readonly form = new FormGroup({
    types: new FormControl<StreamEventType[]>([], { nonNullable: true }),
    channelId: new FormControl('', { nonNullable: true }),
    user: new FormControl('', { nonNullable: true, validators: [userPrefix] }),
    since: new FormControl('', { nonNullable: true }),
    until: new FormControl('', { nonNullable: true }),
    includeTests: new FormControl(true, { nonNullable: true }),
  });

  protected readonly totalLabel = computed(() => {
    const page = this.events.value();
    return page ? formatTotal(page) : '';
  });

  /** The paginator stops where the server stops serving pages. */
  protected readonly pageLength = computed(() => {
    const page = this.events.value();
    return page ? Math.min(page.total, PAGE_OFFSET_MAX + page.limit) : 0;
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const filter = filterFromParams(params);
      this.filter.set(filter);
      this.form.setValue(
        {
          types: filter.types,
          channelId: filter.channelId ?? '',
          user: filter.user ?? '',
          since: toLocalInput(filter.since),
          until: toLocalInput(filter.until),
          includeTests: filter.includeTests,
        },
        { emitEvent: false },
      );
      this.fresh.set(new Set());
      this.newer.set(0);
      this.pollError.set(null);
      this.events.load(this.api.list(listQuery(filter)));
    });

    this.form.valueChanges
      .pipe(
        debounceTime(inject(EVENTS_FILTER_DEBOUNCE_MS)),
        filter(() => this.form.valid),
        map(() => this.filterFromForm()),
        filter((next) => !sameFilters(next, this.filter())),
        takeUntilDestroyed(),
      )
      .subscribe((next) => this.go(next));

    const ticks = inject(EVENTS_POLL_TICKS);
    toObservable(this.live)
      .pipe(
        // Turning "Live" off drops a poll under way too.
        switchMap((live) => (live ? ticks.pipe(exhaustMap(() => this.poll())) : EMPTY)),
        takeUntilDestroyed(),
      )
      .subscribe();

    interval(CLOCK_TICK_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.now.set(Date.now()));

    // The paginator's "of 10,000+" follows the page on screen.
    effect(() => {
      this.paginatorIntl.capped = this.events.value()?.totalCapped ?? false;
    });
  }

  protected setLive(live: boolean): void {
    this.live.set(live);
    if (live) {
      this.pollError.set(null);
    }
  }

  protected turnPage(event: PageEvent): void {
    this.go({ ...this.filter(), offset: event.pageIndex * event.pageSize });
  }

  protected clearFilters(): void {
    this.go(NO_EVENTS_FILTER);
  }

  protected showNewest(): void {
    this.go({ ...this.filter(), offset: 0 });
  }

  protected refire(row: LoggedStreamEvent, target: TestFireTarget): void {
    this.refiring.track(row.id, this.api.refire(row.id, target)).subscribe({
      next: ({ event }) =>
        this.notify.done(
          target === 'pipeline'
            ? `Re-fired as a test through the pipeline: ${describeStreamEvent(event)}.`
            : `Shown again on the overlays only, as a test: ${describeStreamEvent(event)}.`,
        ),
      error: (error: unknown) => this.notify.failed('Could not re-fire the event', error),
    });
  }

  /** `toggle` goes back to the saved state when the server refuses. */
  protected setKeepLiveOnly(keep: boolean, toggle: MatSlideToggle): void {
    this.savingSettings.set(true);
    this.api
      .updateSettings({ keepLiveOnlyEvents: keep })
      .pipe(finalize(() => this.savingSettings.set(false)))
      .subscribe({
        next: (saved) => {
          this.settings.update(() => saved);
          this.notify.done(
            saved.keepLiveOnlyEvents
              ? 'Polls, predictions and shoutouts are kept in the log from now on.'
              : 'Polls, predictions and shoutouts are shown live only from now on.',
          );
        },
        error: (error: unknown) => {
          toggle.checked = !keep;
          this.notify.failed('Could not change what the log keeps', error);
        },
      });
  }

  protected typeLabel = streamEventTypeLabel;
  protected typeIcon = streamEventTypeIcon;
  protected describe = describeStreamEvent;
  protected detail = streamEventDetail;
  protected trackRow = (_index: number, row: LoggedStreamEvent): string => row.id;

  protected relative(iso: string): string {
    return formatRelative(iso, this.now(), this.locale);
  }

  protected pageIndex(page: Page<unknown>): number {
    return page.limit ? Math.floor(page.offset / page.limit) : 0;
  }

  /**
   * The first page is replaced by the newest one, rows tracked by id so those still on it stay
   * put; an older page is left alone (its rows would shift) and only counts what is newer.
   */
  private poll(): Observable<unknown> {
    // Nobody looks at a hidden tab, and a page that failed to load waits for Retry.
    if (this.document.visibilityState === 'hidden' || this.events.state().status !== 'loaded') {
      return EMPTY;
    }
    const asked = this.filter();
    const firstPage = asked.offset === 0;
    return this.api.list(listQuery({ ...asked, offset: 0 }, firstPage ? EVENTS_PAGE_SIZE : 1)).pipe(
      tap((page) => {
        // The filters changed meanwhile: the page now shows another list.
        if (this.filter() !== asked) {
          return;
        }
        this.pollError.set(null);
        this.polledAt.set(new Date());
        this.now.set(Date.now());
        if (firstPage) {
          this.takeIn(page);
        } else {
          this.countNewer(page);
        }
      }),
      catchError((error: unknown) => {
        if (this.filter() === asked) {
          this.pollError.set(toLoadError(error));
        }
        return EMPTY;
      }),
    );
  }

  private takeIn(page: Page<LoggedStreamEvent>): void {
    const shown = this.events.value();
    if (!shown) {
      return;
    }
    const known = new Set(shown.items.map((row) => row.id));
    const arrived = page.items.filter((row) => !known.has(row.id)).map((row) => row.id);
    if (arrived.length > 0) {
      // Only rows still on the page stay marked.
      const onPage = new Set(page.items.map((row) => row.id));
      this.fresh.update((ids) => new Set([...ids, ...arrived].filter((id) => onPage.has(id))));
      void this.announcer.announce(
        arrived.length === 1 ? '1 new event' : `${formatCount(arrived.length)} new events`,
      );
    }
    this.events.update(() => page);
  }

  private countNewer(page: Page<LoggedStreamEvent>): void {
    const shown = this.events.value();
    if (shown && !page.totalCapped && !shown.totalCapped) {
      this.newer.set(Math.max(0, page.total - shown.total));
    }
  }

  private filterFromForm(): EventsFilter {
    const value = this.form.getRawValue();
    return {
      types: STREAM_EVENT_TYPES.filter((type) => value.types.includes(type)),
      channelId: value.channelId || undefined,
      user: value.user.trim().toLowerCase() || undefined,
      since: fromLocalInput(value.since),
      until: fromLocalInput(value.until),
      includeTests: value.includeTests,
      offset: 0,
    };
  }

  private go(filter: EventsFilter): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: filterToParams(filter) });
  }
}
