import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  MatCard,
  MatCardAvatar,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';

import { type ArchiveHealthState } from './archive-health-monitor.service';
import {
  archiveHealthLabel,
  archiveHealthStatus,
  bufferShare,
  formatBytes,
  formatLag,
  formatRate,
} from './archive-health.util';

/** Whether every chat line reaches Postgres: ingest rate, buffer, journal and lag. */
@Component({
  selector: 'app-archive-health-card',
  imports: [
    DatePipe,
    DecimalPipe,
    MatCard,
    MatCardAvatar,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
    MatProgressBar,
  ],
  template: `
    <mat-card appearance="outlined" data-testid="archive-health" [attr.data-status]="status()">
      <mat-card-header>
        <mat-icon matCardAvatar>inventory_2</mat-icon>
        <mat-card-title>Archive</mat-card-title>
        <mat-card-subtitle>Chat lines on their way to Postgres</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        @if (state().loading) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the archive's health" />
        }
        @if (state().error; as error) {
          <p class="error-text" role="alert" data-testid="archive-health-error">
            Could not read the archive's health: {{ error.message }}
          </p>
        }
        @if (view(); as view) {
          <p
            data-testid="archive-health-status"
            [class]="'status-line status-line--' + view.status"
            role="status"
          >
            <mat-icon aria-hidden="true">{{ view.icon }}</mat-icon>
            {{ view.label }}
          </p>
          <dl class="facts">
            <div>
              <dt>Ingest rate</dt>
              <dd data-testid="archive-ingest-rate">{{ view.rate }}</dd>
            </div>
            <div>
              <dt>Lag</dt>
              <dd data-testid="archive-lag">{{ view.lag }}</dd>
            </div>
            <div class="wide">
              <dt>Buffer</dt>
              <dd data-testid="archive-buffer">
                {{ view.health.buffer.rows | number }} of {{ view.health.buffer.capacity | number }}
                lines
                <mat-progress-bar
                  mode="determinate"
                  aria-label="Buffer filled"
                  [value]="view.bufferPercent"
                />
              </dd>
            </div>
            <div>
              <dt>Journal</dt>
              <dd data-testid="archive-journal">
                @if (view.health.journal.rows === 0) {
                  Empty
                } @else {
                  {{ view.health.journal.rows | number }} lines in
                  {{ view.health.journal.files | number }}
                  {{ view.health.journal.files === 1 ? 'file' : 'files' }} ({{ view.journalSize }})
                }
              </dd>
            </div>
            <div>
              <dt>Written</dt>
              <dd data-testid="archive-written">
                {{ view.health.writtenTotal | number }} lines
                @if (view.health.lastFlushAt; as at) {
                  <span class="muted">(last at {{ at | date: 'mediumTime' }})</span>
                }
              </dd>
            </div>
            @if (view.health.lastError; as error) {
              <div class="wide">
                <dt>Last error</dt>
                <dd class="error-text" data-testid="archive-last-error">{{ error }}</dd>
              </div>
            }
          </dl>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 12px 16px;
      margin: 12px 0 0;

      dt {
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
      }

      dd {
        margin: 2px 0 0;
        font: var(--mat-sys-body-large);
      }

      mat-progress-bar {
        margin-top: 6px;
      }
    }
    .wide {
      grid-column: 1 / -1;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .status-line {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 16px 0 0;
      font-weight: 500;

      &--ok mat-icon {
        color: var(--app-success);
      }
      &--behind mat-icon {
        color: var(--app-warning);
      }
      &--journaling mat-icon {
        color: var(--mat-sys-error);
      }
    }
    .error-text {
      color: var(--mat-sys-error);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArchiveHealthCardComponent {
  readonly state = input.required<ArchiveHealthState>();

  protected readonly status = computed(() => {
    const { health, error } = this.state();
    if (health) {
      return archiveHealthStatus(health);
    }
    return error ? 'unknown' : 'loading';
  });

  protected readonly view = computed(() => {
    const { health } = this.state();
    if (!health) {
      return null;
    }
    const status = archiveHealthStatus(health);
    return {
      health,
      status,
      label: archiveHealthLabel(status),
      icon: status === 'ok' ? 'check_circle' : status === 'behind' ? 'hourglass_top' : 'save',
      rate: formatRate(health.ingestRatePerSecond),
      lag: formatLag(health.lagMs),
      bufferPercent: Math.round(bufferShare(health) * 100),
      journalSize: formatBytes(health.journal.bytes),
    };
  });
}
