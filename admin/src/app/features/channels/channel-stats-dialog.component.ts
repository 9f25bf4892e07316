import { DecimalPipe, formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  type MatDialogRef,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { type Channel, MOD_ACTION_TYPES } from '@integron/contracts';

import { ChannelsApiService } from '../../core/channels-api.service';
import { pageData } from '../../core/page-data';
import { ChartComponent, type ChartSpec } from '../../shared/chart.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { modActionTypeLabel } from '../../shared/mod-action.util';

export const STATS_RANGES = [
  { hours: 24, label: '24 hours' },
  { hours: 168, label: '7 days' },
] as const;

/** A channel's activity: messages per hour, active chatters, mod actions. */
@Component({
  selector: 'app-channel-stats-dialog',
  imports: [
    ChartComponent,
    DecimalPipe,
    LoadErrorComponent,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatProgressBar,
  ],
  template: `
    <h2 mat-dialog-title>{{ channel.displayName }}</h2>
    <mat-dialog-content data-testid="channel-stats">
      <mat-button-toggle-group
        hideSingleSelectionIndicator
        aria-label="Time range"
        [value]="hours()"
        (change)="showHours($event.value)"
      >
        @for (range of ranges; track range.hours) {
          <mat-button-toggle [value]="range.hours">{{ range.label }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      <div class="app-progress">
        @if (stats.busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the channel's stats" />
        }
      </div>
      @if (stats.error(); as error) {
        <app-load-error what="Could not load the stats" [error]="error" (retry)="stats.reload()" />
      } @else if (stats.value(); as stats) {
        <dl class="facts">
          <div>
            <dt>Messages archived</dt>
            <dd data-testid="stats-total">{{ stats.totalMessages | number }}</dd>
          </div>
          <div>
            <dt>Chatters, last hour</dt>
            <dd>{{ stats.activeUsers.lastHour | number }}</dd>
          </div>
          <div>
            <dt>Chatters, last 24 h</dt>
            <dd>{{ stats.activeUsers.lastDay | number }}</dd>
          </div>
        </dl>
        @if (chart(); as chart) {
          <app-chart [spec]="chart" [label]="'Messages per hour, last ' + rangeLabel()" />
        }
        <h3>Mod actions</h3>
        <ul class="actions" data-testid="stats-mod-actions">
          @for (type of types; track type) {
            <li>
              <span class="app-muted">{{ typeLabel(type) }}</span>
              <strong>{{ stats.modActions[type] | number }}</strong>
            </li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
      gap: 12px;
      margin: 0 0 16px;
      dt {
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 2px 0 0;
        font: var(--mat-sys-title-large);
      }
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
    .actions {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 4px 16px;
      margin: 0;
      padding: 0;
      list-style: none;
      li {
        display: flex;
        justify-content: space-between;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelStatsDialogComponent {
  protected readonly channel = inject<Channel>(MAT_DIALOG_DATA);
  private readonly api = inject(ChannelsApiService);
  private readonly locale = inject(LOCALE_ID);

  protected readonly ranges = STATS_RANGES;
  protected readonly types = MOD_ACTION_TYPES;
  protected readonly hours = signal<number>(STATS_RANGES[0].hours);
  protected readonly rangeLabel = computed(
    () => STATS_RANGES.find((range) => range.hours === this.hours())?.label ?? '',
  );
  protected readonly stats = pageData(this.api.stats(this.channel.id, this.hours()));

  protected readonly chart = computed((): ChartSpec | null => {
    const stats = this.stats.value();
    if (!stats) {
      return null;
    }
    const format = this.hours() > 24 ? 'EEE HH:mm' : 'HH:mm';
    return {
      kind: 'bar',
      labels: stats.messagesPerHour.map((point) => formatDate(point.at, format, this.locale)),
      series: [
        {
          label: 'Messages',
          values: stats.messagesPerHour.map((point) => point.messages),
          tone: 'primary',
        },
      ],
    };
  });

  protected showHours(hours: number): void {
    this.hours.set(hours);
    this.stats.load(this.api.stats(this.channel.id, hours));
  }

  protected typeLabel = modActionTypeLabel;
}

export function showChannelStats(
  dialog: MatDialog,
  channel: Channel,
): MatDialogRef<ChannelStatsDialogComponent> {
  return dialog.open<ChannelStatsDialogComponent, Channel>(ChannelStatsDialogComponent, {
    data: channel,
    width: '720px',
    maxWidth: 'calc(100vw - 32px)',
  });
}
