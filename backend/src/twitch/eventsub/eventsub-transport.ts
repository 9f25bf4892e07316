import { type EventSubTransportKind } from '@integron/contracts';
import { type EventSubSubscription } from '@twurple/eventsub-base';
import { type IRouter } from 'express';
import { type MessageIdListener } from './message-id-listener.js';

/** What a transport tells of itself, beyond what every twurple listener tells. */
export interface TransportWatcher {
  /** WebSocket: the connection of `userId` opened. */
  connected(userId: string): void;
  /** WebSocket: it closed; twurple subscribes again once it is back. */
  lost(userId: string, error: Error | undefined): void;
  /** Webhooks: Twitch's challenge for `subscription` came, properly signed or not. */
  verified(subscription: EventSubSubscription, success: boolean): void;
  /** Webhooks: deliveries are taken; subscriptions Twitch already held are resumed, verified. */
  ready(): void;
}

/**
 * How EventSub reaches Integron: chosen once from the endpoints (see `eventsub-transport.provider`).
 * Everything else — topics, statuses, events — is the same for every transport.
 */
export abstract class EventSubTransport {
  abstract readonly kind: EventSubTransportKind;
  abstract readonly listener: MessageIdListener;

  /** Adds the routes Twitch posts to, before any body parser reads a request's body. */
  abstract mount(app: IRouter): void;

  abstract start(watcher: TransportWatcher): void;

  abstract stop(): void;

  /** Whether deliveries for the subscriptions made as `userId` can arrive now. */
  abstract isConnected(userId: string): boolean;
}
