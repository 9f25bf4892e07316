import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  InjectionToken,
  computed,
  inject,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import {
  MatCard,
  MatCardActions,
  MatCardAvatar,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type EventsSummary, STREAM_EVENT_TYPES, type StreamEventType } from '@integron/contracts';
import { catchError, interval, map, of, scan, startWith, switchMap, timeout } from 'rxjs';

import { EVENTS_LINK } from '../../core/admin-links';
import { EventsApiService } from '../../core/events-api.service';
import { type LoadError, toLoadError } from '../../core/load-state';
import { ChartComponent, type ChartSpec } from '../../shared/chart.component';
import { streamEventTypeIcon, streamEventTypeLabel } from '../../shared/stream-event.util';
import { HEALTH_REQUEST_TIMEOUT_MS } from './health-monitor.service';

/** How often the card asks for today's counts while the dashboard is open. */
export const EVENTS_SUMMARY_POLL_INTERVAL_MS = new InjectionToken<number>(
  'EVENTS_SUMMARY_POLL_INTERVAL_MS',
  { factory: () => 30_000 },
);

/** The last answer (kept while a later poll fails) and the error of the last poll, if any. */
interface EventsTodayState {
  summary: EventsSummary | null;
  error: LoadError | null;
  loading: boolean;
}

const INITIAL: EventsTodayState = { summary: null, error: null, loading: true };

type Poll = { summary: EventsSummary } | { error: LoadError };

/** Midnight of the browser's day: "today" as the person looking at the dashboard means it. */
export function startOfLocalDay(now: Date): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

/** Today's stream events by type, test events left out; each links to them in the events log. */
@Component({
  selector: 'app-events-today-card',
  imports: [
    ChartComponent,
    DecimalPipe,
    MatButton,
    MatCard,
    MatCardActions,
    MatCardAvatar,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
    MatProgressBar,
    RouterLink,
  ],
  template: `
    <mat-card appearance="outlined" data-testid="events-today">
      <mat-card-header>
        <mat-icon matCardAvatar>celebration</mat-icon>
        <mat-card-title>Today's events</mat-card-title>
        <mat-card-subtitle>Since midnight, tests left out</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        @if (state().loading) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading today's events" />
        }
        @if (state().error; as error) {
          <p class="error-text" role="alert" data-testid="events-today-error">
            Could not count today's events: {{ error.message }}
          </p>
        }
        @if (state().summary; as summary) {
          <p class="total">
            <strong data-testid="events-today-total">{{ summary.total | number }}</strong>
            {{ summary.total === 1 ? 'event' : 'events' }}
          </p>
          @if (summary.total === 0) {
            <p class="muted" data-testid="events-today-empty">
              No follows, subs, cheers or raids yet today.
            </p>
          } @else {
            @if (chart(); as chart) {
              <app-chart
                data-testid="events-today-chart"
                label="Today's events by type"
                [height]="140"
                [spec]="chart"
              />
            }
            <ul
              class="counts"
              aria-label="Today's events by type"
              data-testid="events-today-counts"
            >
              @for (row of rows(); track row.type) {
                <li [attr.data-type]="row.type">
                  <mat-icon aria-hidden="true">{{ row.icon }}</mat-icon>
                  <a [routerLink]="eventsLink" [queryParams]="eventsQuery(summary, row.type)">{{
                    row.label
                  }}</a>
                  <strong>{{ row.count | number }}</strong>
                </li>
              }
            </ul>
          }
        }
      </mat-card-content>
      @if (state().summary; as summary) {
        <mat-card-actions>
          <a
            matButton
            data-testid="events-today-link"
            [routerLink]="eventsLink"
            [queryParams]="eventsQuery(summary)"
            >Open the events log</a
          >
        </mat-card-actions>
      }
    </mat-card>
  `,
  styles: `
    .total {
      margin: 12px 0 8px;
      font: var(--mat-sys-body-large);

      strong {
        font: var(--mat-sys-headline-small);
      }
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
      gap: 4px 16px;
      margin: 12px 0 0;
      padding: 0;
      list-style: none;

      li {
        display: flex;
        align-items: center;
        gap: 6px;
      }

      mat-icon {
        width: 18px;
        height: 18px;
        font-size: 18px;
        color: var(--mat-sys-on-surface-variant);
      }

      a {
        flex: 1 1 auto;
        color: var(--mat-sys-primary);
      }
    }
    .error-text {
      color: var(--mat-sys-error);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventsTodayCardComponent {
  private readonly api = inject(EventsApiService);
  private readonly intervalMs = inject(EVENTS_SUMMARY_POLL_INTERVAL_MS);
  private readonly timeoutMs = inject(HEALTH_REQUEST_TIMEOUT_MS);

  protected readonly eventsLink = EVENTS_LINK;

  protected readonly state = toSignal(
    interval(this.intervalMs).pipe(
      startWith(0),
      // "Today" is asked for anew each time, so the card rolls over at midnight.
      switchMap(() =>
        this.api.summary(startOfLocalDay(new Date())).pipe(
          timeout(this.timeoutMs),
          map((summary): Poll => ({ summary })),
          catchError((error: unknown) => of<Poll>({ error: toLoadError(error) })),
        ),
      ),
      scan(
        (state: EventsTodayState, poll: Poll): EventsTodayState =>
          'summary' in poll
            ? { summary: poll.summary, error: null, loading: false }
            : { summary: state.summary, error: poll.error, loading: false },
        INITIAL,
      ),
    ),
    { initialValue: INITIAL },
  );

  /** The types that happened today, in the usual order. */
  protected readonly rows = computed(() => {
    const summary = this.state().summary;
    return summary
      ? STREAM_EVENT_TYPES.filter((type) => summary.counts[type] > 0).map((type) => ({
          type,
          label: streamEventTypeLabel(type),
          icon: streamEventTypeIcon(type),
          count: summary.counts[type],
        }))
      : [];
  });

  protected readonly chart = computed((): ChartSpec | null => {
    const rows = this.rows();
    return rows.length === 0
      ? null
      : {
          kind: 'bar',
          labels: rows.map((row) => row.label),
          series: [{ label: 'Events', values: rows.map((row) => row.count), tone: 'primary' }],
        };
  });

  protected eventsQuery(summary: EventsSummary, type?: StreamEventType): Record<string, string> {
    return {
      since: summary.since,
      includeTests: 'false',
      ...(type ? { types: type } : {}),
    };
  }
}
