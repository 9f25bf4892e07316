import { type Provider } from '@angular/core';
import {
  type LiveAck,
  type LiveServerToClientEvents,
  type LiveSubscription,
} from '@integron/contracts';

import { LIVE_SOCKET_FACTORY, type LiveSocket } from '../app/core/live-client';

type Listener = (...args: never[]) => void;

/**
 * Stands in for the `/live` socket.io socket: records subscriptions and answers them, and lets
 * a spec play the server (`accept`, `send`, `drop`, `refuse`).
 */
export class FakeLiveSocket {
  connected = false;
  active = false;
  readonly subscriptions: LiveSubscription[] = [];
  /** How the server answers `subscribe`. */
  answer: (subscription: LiveSubscription) => LiveAck = (subscription) => ({
    ok: true,
    channelIds: 'all' in subscription ? 'all' : subscription.channelIds,
  });

  private readonly listeners = new Map<string, Listener[]>();
  private readonly managerListeners = new Map<string, Listener[]>();

  readonly io = {
    on: (event: string, listener: Listener) => {
      this.managerListeners.set(event, [...(this.managerListeners.get(event) ?? []), listener]);
      return this.io;
    },
  };

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  /** Starts connecting; the connection opens when the spec calls `accept`. */
  connect(): this {
    this.active = true;
    return this;
  }

  disconnect(): this {
    const wasConnected = this.connected;
    this.active = false;
    this.connected = false;
    if (wasConnected) {
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }

  timeout(): this {
    return this;
  }

  emitWithAck(event: 'subscribe', subscription: LiveSubscription): Promise<LiveAck> {
    this.subscriptions.push(subscription);
    return Promise.resolve(this.answer(subscription));
  }

  // The server's side.

  accept(): void {
    this.active = true;
    this.connected = true;
    this.fire('connect');
  }

  refuse(message: string): void {
    this.active = false;
    this.fire('connect_error', new Error(message));
  }

  /** The connection drops; socket.io would reconnect by itself. */
  drop(reason = 'transport close'): void {
    this.connected = false;
    this.fire('disconnect', reason);
    this.fireManager('reconnect_attempt', 1);
  }

  send<E extends keyof LiveServerToClientEvents>(
    event: E,
    ...args: Parameters<LiveServerToClientEvents[E]>
  ): void {
    this.fire(event, ...args);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...values: unknown[]) => void)(...args);
    }
  }

  private fireManager(event: string, ...args: unknown[]): void {
    for (const listener of this.managerListeners.get(event) ?? []) {
      (listener as (...values: unknown[]) => void)(...args);
    }
  }
}

/** Every `/live` socket the page opens is `socket`. */
export function provideFakeLiveSocket(socket: FakeLiveSocket): Provider {
  return { provide: LIVE_SOCKET_FACTORY, useValue: () => socket as unknown as LiveSocket };
}
