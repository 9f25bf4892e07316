import { Injectable, InjectionToken, type Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type HealthInfo, type ReadinessReport } from '@integron/contracts';
import {
  type Observable,
  Subject,
  catchError,
  forkJoin,
  interval,
  map,
  of,
  startWith,
  switchMap,
  timeout,
} from 'rxjs';

import { describeHttpError } from '../../core/api-error.util';
import { HealthApiService } from '../../core/health-api.service';

/** How often the dashboard asks the server; a retry restarts the cycle. */
export const HEALTH_POLL_INTERVAL_MS = new InjectionToken<number>('HEALTH_POLL_INTERVAL_MS', {
  factory: () => 5_000,
});

/** A check still waiting after this long counts as "server unreachable". */
export const HEALTH_REQUEST_TIMEOUT_MS = new InjectionToken<number>('HEALTH_REQUEST_TIMEOUT_MS', {
  factory: () => 4_000,
});

export type HealthState =
  | { kind: 'loading' }
  | { kind: 'answered'; health: HealthInfo; readiness: ReadinessReport; checkedAt: Date }
  | { kind: 'unreachable'; reason: string; checkedAt: Date };

/** What the readiness banner shows; also its `data-status` test hook. */
export type ReadinessView = 'loading' | 'unreachable' | ReadinessReport['status'];

const LOADING: HealthState = { kind: 'loading' };

/**
 * Polls `/api/health` and `/api/health/ready` while its owner lives. Provide it in the component
 * that shows the data: polling starts with that component and stops when it is destroyed.
 */
@Injectable()
export class HealthMonitor {
  private readonly api = inject(HealthApiService);
  private readonly intervalMs = inject(HEALTH_POLL_INTERVAL_MS);
  private readonly timeoutMs = inject(HEALTH_REQUEST_TIMEOUT_MS);
  private readonly retries = new Subject<void>();

  readonly state: Signal<HealthState> = toSignal(
    this.retries.pipe(
      startWith(undefined),
      switchMap(() => interval(this.intervalMs).pipe(startWith(0))),
      switchMap(() => this.check()),
    ),
    { initialValue: LOADING },
  );

  readonly readiness = computed<ReadinessView>(() => {
    const state = this.state();
    return state.kind === 'answered' ? state.readiness.status : state.kind;
  });

  /** Checks right away instead of waiting for the next tick. */
  retryNow(): void {
    this.retries.next();
  }

  private check(): Observable<HealthState> {
    return forkJoin({ health: this.api.getHealth(), readiness: this.api.getReadiness() }).pipe(
      timeout(this.timeoutMs),
      map(({ health, readiness }): HealthState => ({
        kind: 'answered',
        health,
        readiness,
        checkedAt: new Date(),
      })),
      catchError((error: unknown) =>
        of<HealthState>({
          kind: 'unreachable',
          reason: describeHttpError(error),
          checkedAt: new Date(),
        }),
      ),
    );
  }
}
