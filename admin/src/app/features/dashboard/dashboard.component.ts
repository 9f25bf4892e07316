import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatCard,
  MatCardAvatar,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ADMIN_ROUTES } from '@integron/contracts';

import { ArchiveHealthCardComponent } from './archive-health-card.component';
import { ArchiveHealthMonitor } from './archive-health-monitor.service';
import { ArchiveOverviewComponent } from './archive-overview.component';
import { EventsTodayCardComponent } from './events-today-card.component';
import { databaseKindLabel, formatUptime, runModeLabel } from './health-format.util';
import { HEALTH_POLL_INTERVAL_MS, HealthMonitor } from './health-monitor.service';

/**
 * The server's and the archive's health, live (polled only while on screen), today's stream
 * events, and what the archive holds.
 */
@Component({
  selector: 'app-dashboard',
  imports: [
    ArchiveHealthCardComponent,
    ArchiveOverviewComponent,
    DatePipe,
    EventsTodayCardComponent,
    MatButton,
    MatCard,
    MatCardAvatar,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
    MatProgressSpinner,
  ],
  providers: [ArchiveHealthMonitor, HealthMonitor],
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardComponent {
  protected readonly monitor = inject(HealthMonitor);
  protected readonly archiveHealth = inject(ArchiveHealthMonitor);
  protected readonly title = ADMIN_ROUTES.dashboard.title;
  protected readonly pollSeconds = Math.round(inject(HEALTH_POLL_INTERVAL_MS) / 1000);
  protected readonly readiness = this.monitor.readiness;

  protected readonly checkedAt = computed(() => {
    const state = this.monitor.state();
    return state.kind === 'loading' ? null : state.checkedAt;
  });

  protected readonly unreachableReason = computed(() => {
    const state = this.monitor.state();
    return state.kind === 'unreachable' ? state.reason : null;
  });

  protected readonly service = computed(() => {
    const state = this.monitor.state();
    if (state.kind !== 'answered') {
      return null;
    }
    const { name, version, mode, uptimeSeconds, startedAt } = state.health;
    return {
      name,
      version,
      mode: runModeLabel(mode),
      uptime: formatUptime(uptimeSeconds),
      startedAt,
    };
  });

  protected readonly database = computed(() => {
    const state = this.monitor.state();
    if (state.kind !== 'answered') {
      return null;
    }
    const check = state.readiness.checks.database;
    return {
      status: check.status,
      statusLabel: check.status === 'up' ? 'Up' : 'Down',
      kind: databaseKindLabel(check.kind),
      latency: check.latencyMs === undefined ? '—' : `${Math.round(check.latencyMs)} ms`,
      error: check.status === 'down' ? (check.error ?? 'No error reported.') : null,
    };
  });

  protected readonly failingChecks = computed(() => {
    const state = this.monitor.state();
    if (state.kind !== 'answered') {
      return '';
    }
    const failing = Object.entries(state.readiness.checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    return failing.length > 0 ? `down: ${failing.join(', ')}` : 'a check is failing';
  });
}
