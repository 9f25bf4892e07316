import { Injectable, type Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type ArchiveHealth } from '@integron/contracts';
import { catchError, interval, map, of, scan, startWith, switchMap, timeout } from 'rxjs';

import { ArchiveApiService } from '../../core/archive-api.service';
import { type LoadError, toLoadError } from '../../core/load-state';
import { HEALTH_POLL_INTERVAL_MS, HEALTH_REQUEST_TIMEOUT_MS } from './health-monitor.service';

/**
 * What is known of the archive's health: the last answer (kept while a later poll fails, so the
 * numbers do not vanish) and the error of the last poll, if it failed.
 */
export interface ArchiveHealthState {
  health: ArchiveHealth | null;
  error: LoadError | null;
  loading: boolean;
}

const INITIAL: ArchiveHealthState = { health: null, error: null, loading: true };

type Poll = { health: ArchiveHealth } | { error: LoadError };

/**
 * Polls `/api/archive/health` at the dashboard's pace while its owner lives. Provide it in the
 * component that shows it: polling starts and stops with that component.
 */
@Injectable()
export class ArchiveHealthMonitor {
  private readonly api = inject(ArchiveApiService);
  private readonly intervalMs = inject(HEALTH_POLL_INTERVAL_MS);
  private readonly timeoutMs = inject(HEALTH_REQUEST_TIMEOUT_MS);

  readonly state: Signal<ArchiveHealthState> = toSignal(
    interval(this.intervalMs).pipe(
      startWith(0),
      switchMap(() =>
        this.api.health().pipe(
          timeout(this.timeoutMs),
          map((health): Poll => ({ health })),
          catchError((error: unknown) => of<Poll>({ error: toLoadError(error) })),
        ),
      ),
      scan(
        (state: ArchiveHealthState, poll: Poll): ArchiveHealthState =>
          'health' in poll
            ? { health: poll.health, error: null, loading: false }
            : { health: state.health, error: poll.error, loading: false },
        INITIAL,
      ),
    ),
    { initialValue: INITIAL },
  );
}
