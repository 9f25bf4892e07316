import { DestroyRef, Injectable, InjectionToken, inject, signal } from '@angular/core';
import {
  type ChatLine,
  LIVE_NAMESPACE,
  type LiveAck,
  type LiveChannelState,
  type LiveClientToServerEvents,
  type LiveMessageDeleted,
  type LiveModAction,
  type LiveServerToClientEvents,
  type LiveSubscription,
} from '@integron/contracts';
import { Subject } from 'rxjs';
import { type Socket, io } from 'socket.io-client';

export type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/**
 * Opens the admin's live feed socket: same origin, so the session cookie signs it in. WebSocket
 * only, so replicas behind a load balancer need no sticky sessions. A token, so specs can hand
 * the client a fake socket.
 */
export const LIVE_SOCKET_FACTORY = new InjectionToken<() => LiveSocket>('LIVE_SOCKET_FACTORY', {
  factory: () => () =>
    io(LIVE_NAMESPACE, { withCredentials: true, autoConnect: false, transports: ['websocket'] }),
});

/** A subscription not confirmed in this long is asked for again on a fresh connection. */
export const LIVE_ACK_TIMEOUT_MS = new InjectionToken<number>('LIVE_ACK_TIMEOUT_MS', {
  factory: () => 5_000,
});

export type LiveStatus =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'live'; channels: string[] | 'all' }
  /** Lost; socket.io reconnects with backoff and the subscription is sent again. */
  | { kind: 'reconnecting'; reason: string; attempt: number }
  /** The server said no (signed out, subscription refused, closed by the server): no retrying. */
  | { kind: 'refused'; reason: string };

export type LiveEvent =
  | { type: 'message'; line: ChatLine }
  | { type: 'mod_action'; action: LiveModAction }
  | { type: 'message_deleted'; deleted: LiveMessageDeleted }
  | { type: 'channel_state'; state: LiveChannelState }
  | { type: 'dropped'; count: number }
  /** Connected again after a loss: what happened meanwhile was not sent. */
  | { type: 'reconnected' };

const CLOSED_BY_SERVER = 'io server disconnect';
const CLOSED_BY_US = 'io client disconnect';

/**
 * The `/live` socket of one page: provide it in the component, call `follow`, read `events`.
 * Every (re)connection sends the last subscription again, since the server forgets it with the
 * connection. The socket closes with the component.
 */
@Injectable()
export class LiveClient {
  private readonly createSocket = inject(LIVE_SOCKET_FACTORY);
  private readonly ackTimeoutMs = inject(LIVE_ACK_TIMEOUT_MS);
  private readonly current = signal<LiveStatus>({ kind: 'idle' });
  private readonly stream = new Subject<LiveEvent>();
  private socket: LiveSocket | null = null;
  private subscription: LiveSubscription | null = null;
  private everConnected = false;

  readonly status = this.current.asReadonly();
  readonly events = this.stream.asObservable();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.socket?.disconnect();
      this.socket = null;
      this.stream.complete();
    });
  }

  /** Follows `subscription` from now on, connecting first when needed. */
  follow(subscription: LiveSubscription): void {
    this.subscription = subscription;
    const socket = this.socket ?? this.open();
    if (socket.connected) {
      void this.subscribe(socket, subscription);
    } else if (!socket.active) {
      this.current.set({ kind: 'connecting' });
      socket.connect();
    }
  }

  /** After a refusal: tries again from scratch. */
  reconnect(): void {
    const socket = this.socket ?? this.open();
    socket.disconnect();
    this.current.set({ kind: 'connecting' });
    socket.connect();
  }

  private open(): LiveSocket {
    const socket = this.createSocket();
    this.socket = socket;
    socket.on('connect', () => {
      if (this.everConnected) {
        this.stream.next({ type: 'reconnected' });
      }
      this.everConnected = true;
      if (this.subscription) {
        void this.subscribe(socket, this.subscription);
      }
    });
    socket.on('disconnect', (reason) => {
      if (reason === CLOSED_BY_US) {
        return;
      }
      if (reason === CLOSED_BY_SERVER) {
        this.current.set({
          kind: 'refused',
          reason: 'The server closed this live feed (it may be open in too many tabs).',
        });
        return;
      }
      this.current.set({ kind: 'reconnecting', reason: lostReason(reason), attempt: 0 });
    });
    socket.on('connect_error', (error) => {
      if (!socket.active) {
        // Refused by the server's middleware (e.g. no session): socket.io does not retry.
        this.current.set({ kind: 'refused', reason: error.message });
        return;
      }
      const status = this.current();
      this.current.set({
        kind: 'reconnecting',
        reason: `Cannot reach the server (${error.message}).`,
        attempt: status.kind === 'reconnecting' ? status.attempt : 0,
      });
    });
    socket.io.on('reconnect_attempt', (attempt) => {
      const status = this.current();
      if (status.kind === 'reconnecting') {
        this.current.set({ ...status, attempt });
      }
    });
    socket.on('message', (line) => this.stream.next({ type: 'message', line }));
    socket.on('mod_action', (action) => this.stream.next({ type: 'mod_action', action }));
    socket.on('message_deleted', (deleted) =>
      this.stream.next({ type: 'message_deleted', deleted }),
    );
    socket.on('channel_state', (state) => this.stream.next({ type: 'channel_state', state }));
    socket.on('dropped', (count) => this.stream.next({ type: 'dropped', count }));
    return socket;
  }

  private async subscribe(socket: LiveSocket, subscription: LiveSubscription): Promise<void> {
    let answer: LiveAck;
    try {
      // socket.io's typings lose the ack's type through `timeout()`.
      answer = (await socket
        .timeout(this.ackTimeoutMs)
        .emitWithAck('subscribe', subscription)) as LiveAck;
    } catch {
      if (subscription === this.subscription && this.socket === socket) {
        // Unconfirmed: a fresh connection asks again.
        this.current.set({
          kind: 'reconnecting',
          reason: 'The server did not confirm the subscription.',
          attempt: 0,
        });
        socket.disconnect().connect();
      }
      return;
    }
    if (subscription !== this.subscription) {
      return;
    }
    this.current.set(
      answer.ok
        ? { kind: 'live', channels: answer.channelIds }
        : { kind: 'refused', reason: answer.error },
    );
  }
}

function lostReason(reason: string): string {
  switch (reason) {
    case 'ping timeout':
      return 'The server stopped answering.';
    case 'transport close':
    case 'transport error':
      return 'The connection to the server was lost.';
    default:
      return `The connection was lost (${reason}).`;
  }
}
