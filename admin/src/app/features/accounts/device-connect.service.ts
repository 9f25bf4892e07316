import { Injectable, InjectionToken, type Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type DeviceConnectFlow, type TwitchAccountPurpose } from '@integron/contracts';
import {
  type Observable,
  Subject,
  catchError,
  concat,
  exhaustMap,
  filter,
  map,
  of,
  share,
  startWith,
  switchMap,
  takeWhile,
  timer,
} from 'rxjs';

import { describeHttpError } from '../../core/api-error.util';
import { TwitchAccountsApiService } from './twitch-accounts-api.service';

/** How often a pending device-code connection is asked about; Twitch's own pace is about 5 s. */
export const DEVICE_POLL_INTERVAL_MS = new InjectionToken<number>('DEVICE_POLL_INTERVAL_MS', {
  factory: () => 3_000,
});

export type DeviceConnectState =
  | { kind: 'idle' }
  | { kind: 'starting'; purpose: TwitchAccountPurpose }
  /** Started: `pending` while waiting for the person, then how it ended. */
  | { kind: 'flow'; flow: DeviceConnectFlow }
  /** It could not be started, or the server lost track of it. */
  | { kind: 'failed'; purpose: TwitchAccountPurpose; message: string };

const IDLE: DeviceConnectState = { kind: 'idle' };

function isFinishedFlow(
  state: DeviceConnectState,
): state is Extract<DeviceConnectState, { kind: 'flow' }> {
  return state.kind === 'flow' && state.flow.status !== 'pending';
}

/**
 * One device-code connection at a time: starts it, then polls its flow while it is pending.
 * Provide it in the component that shows it: polling stops when that component is destroyed.
 */
@Injectable()
export class DeviceConnect {
  private readonly api = inject(TwitchAccountsApiService);
  private readonly pollMs = inject(DEVICE_POLL_INTERVAL_MS);
  private readonly requests = new Subject<TwitchAccountPurpose | null>();
  private readonly states = this.requests.pipe(
    switchMap((purpose) => (purpose === null ? of(IDLE) : this.run(purpose))),
    share(),
  );

  readonly state: Signal<DeviceConnectState> = toSignal(this.states, { initialValue: IDLE });
  /** True from the start until the flow has ended: no second one starts meanwhile. */
  readonly inProgress = computed(() => {
    const state = this.state();
    return state.kind === 'starting' || (state.kind === 'flow' && state.flow.status === 'pending');
  });
  /** Each flow once it has ended, whichever way. */
  readonly finished: Observable<DeviceConnectFlow> = this.states.pipe(
    filter(isFinishedFlow),
    map((state) => state.flow),
  );

  start(purpose: TwitchAccountPurpose): void {
    this.requests.next(purpose);
  }

  /** Stops polling and hides the flow; on Twitch's side an unused code simply expires. */
  close(): void {
    this.requests.next(null);
  }

  private run(purpose: TwitchAccountPurpose): Observable<DeviceConnectState> {
    return this.api.startDeviceConnect({ purpose }).pipe(
      switchMap((flow) =>
        concat(of(flow), flow.status === 'pending' ? this.poll(flow.flowId) : of()),
      ),
      map((flow): DeviceConnectState => ({ kind: 'flow', flow })),
      startWith<DeviceConnectState>({ kind: 'starting', purpose }),
      catchError((error: unknown) =>
        of<DeviceConnectState>({ kind: 'failed', purpose, message: describeHttpError(error) }),
      ),
    );
  }

  /** The flow as the server sees it, every `pollMs`, until it is no longer pending. */
  private poll(flowId: string): Observable<DeviceConnectFlow> {
    return timer(this.pollMs, this.pollMs).pipe(
      exhaustMap(() => this.api.deviceFlow(flowId)),
      takeWhile((flow) => flow.status === 'pending', true),
    );
  }
}

/** What the person reads once a flow has ended. */
export function deviceOutcomeMessage(flow: DeviceConnectFlow): string {
  switch (flow.status) {
    case 'pending':
      return 'Waiting for you to enter the code on Twitch…';
    case 'connected':
      return flow.account
        ? `Connected ${flow.account.displayName} (${flow.account.login}).`
        : 'Connected.';
    case 'expired':
      return 'The code expired before it was entered on Twitch.';
    case 'denied':
      return 'The connection was declined on Twitch.';
    case 'failed':
      return flow.error ?? 'Twitch did not connect the account.';
  }
}
