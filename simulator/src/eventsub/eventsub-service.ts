import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { type Happening } from '../twitch/happenings.js';
import { rfc3339Nanos } from '../world/clock.js';
import { SeededRandom } from '../world/random.js';
import { type TwitchWorld } from '../world/twitch-world.js';
import { EVENTSUB_TYPES_BY_KIND, renderEventSub } from './eventsub-render.js';
import { eventSubSignature } from './eventsub-signature.js';
import {
  type EventSubSubscription,
  type RevocationReason,
  type SubscriptionRequest,
  subscriptionJson,
  subscriptionMatches,
  type WebhookSubscription,
  type WebSocketSubscription,
  type WebSocketSubscriptionRequest,
} from './eventsub-subscription.js';
import { endStatus } from './eventsub-ws-close.js';
import { exceededWebSocketLimit, webSocketCost } from './eventsub-ws-limits.js';
import { type WebSocketMessage, webSocketMessage } from './eventsub-ws-message.js';
import { EventSubWebSocketServer, type EventSubWebSocketOptions } from './eventsub-ws-server.js';
import { type WebSocketSession } from './eventsub-ws-session.js';
import {
  conditionProblem,
  isAuthorized,
  isAuthorizedByUserToken,
  subscriptionTypeSpec,
  type UserToken,
} from './subscription-types.js';
import { isSuccess, type MessageType, postWebhook, type WebhookMessage } from './webhook-sender.js';

export interface EventSubServiceOptions {
  world: TwitchWorld;
  /**
   * Where to POST for an advertised callback URL. Twitch accepts only `https://` callbacks on
   * port 443 (PROTOCOL A1), and twurple advertises `https://` even for a plain-HTTP listener:
   * a local receiver is reached by mapping the public callback to its real address here (as a
   * reverse proxy would). By default the same URL is used with `http://`.
   */
  deliveryUrl?: (callback: string) => string;
  /** Pauses before each re-delivery of a message that got no 2xx answer. */
  retryDelaysMs?: readonly number[];
  /**
   * Notifications in a row that got no 2xx answer, even after retries, after which the
   * subscription is revoked with `notification_failures_exceeded` (PROTOCOL A4, A6).
   * Twitch does not publish its threshold; default 10.
   */
  maxConsecutiveFailures?: number;
  /** EventSub over WebSocket's timings. */
  webSocket?: EventSubWebSocketOptions;
}

/** Test hooks: the ways Twitch's deliveries can look to a receiver. */
export interface DeliveryFaults {
  /** Sends the message twice with the same id, as at-least-once delivery may. */
  duplicate?: boolean;
  /** Dates the message this far in the past. */
  staleByMs?: number;
  /** Signs with a secret the receiver does not know (webhooks; WebSocket messages are unsigned). */
  badSignature?: boolean;
}

export interface DeliveryRecord {
  messageId: string;
  messageType: MessageType;
  subscriptionId: string;
  subscriptionType: string;
  /** The last answer's HTTP status; `null` when none came. */
  status: number | null;
  attempts: number;
}

/** One message sent on a WebSocket session. */
export interface WebSocketDeliveryRecord {
  messageId: string;
  messageType: 'notification' | 'revocation';
  subscriptionId: string;
  subscriptionType: string;
  sessionId: string;
  /** Whether the session's connection was open to take it. */
  sent: boolean;
}

export class SubscriptionRejectedError extends Error {
  constructor(
    readonly reason: 'invalid' | 'unauthorized' | 'conflict' | 'limit',
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_RETRY_DELAYS_MS = [250, 1_000, 4_000];
const DEFAULT_MAX_CONSECUTIVE_FAILURES = 10;
const SUBSCRIPTION_ID_STREAM = 0x65766e74;

/**
 * Twitch's EventSub: the subscriptions, over webhooks (challenges and signed deliveries) and
 * over WebSocket sessions (`webSocket`, which the API server's `/ws` upgrades to).
 */
export class EventSubService {
  readonly webSocket: EventSubWebSocketServer;
  private readonly world: TwitchWorld;
  /** Seeded apart from the world's generator, so subscribing never shifts the traffic it draws. */
  private readonly ids: SeededRandom;
  private readonly deliveryUrl: (callback: string) => string;
  private readonly retryDelaysMs: readonly number[];
  private readonly maxConsecutiveFailures: number;
  /** Subscription id → notifications in a row that failed. */
  private readonly failuresInARow = new Map<string, number>();
  private readonly stored = new Map<string, EventSubSubscription>();
  private readonly verifications = new Map<string, Promise<void>>();
  private readonly log: DeliveryRecord[] = [];
  private readonly webSocketLog: WebSocketDeliveryRecord[] = [];

  constructor(options: EventSubServiceOptions) {
    this.world = options.world;
    this.ids = new SeededRandom(options.world.random.seed ^ SUBSCRIPTION_ID_STREAM);
    this.deliveryUrl = options.deliveryUrl ?? ((callback) => callback.replace(/^https:/, 'http:'));
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.maxConsecutiveFailures =
      options.maxConsecutiveFailures ?? DEFAULT_MAX_CONSECUTIVE_FAILURES;
    this.webSocket = new EventSubWebSocketServer(
      {
        handedOver: (from, to) => this.handOver(from, to),
        closed: (session) => this.disconnect(session),
      },
      options.webSocket,
    );
  }

  /**
   * Stores a subscription pending verification and sends its callback the signed challenge;
   * `settled()` tells how that went. Throws `SubscriptionRejectedError` for what Twitch refuses.
   */
  create(request: SubscriptionRequest): WebhookSubscription {
    const cost = this.validate(request);
    const subscription: WebhookSubscription = {
      ...request,
      method: 'webhook',
      condition: { ...request.condition },
      id: this.ids.uuid(),
      status: 'webhook_callback_verification_pending',
      cost,
      createdAt: rfc3339Nanos(this.world.clock.now()),
    };
    this.stored.set(subscription.id, subscription);
    this.verifications.set(subscription.id, this.verify(subscription));
    return { ...subscription };
  }

  /**
   * Stores an enabled subscription on an open WebSocket session, made with `token` (a user
   * access token). Throws `SubscriptionRejectedError` for what Twitch refuses.
   */
  createWebSocket(
    request: WebSocketSubscriptionRequest,
    token: Pick<UserToken, 'scopes'>,
  ): WebSocketSubscription {
    const { session, cost } = this.validateWebSocket(request, { userId: request.userId, ...token });
    const subscription: WebSocketSubscription = {
      ...request,
      method: 'websocket',
      condition: { ...request.condition },
      id: this.ids.uuid(),
      status: 'enabled',
      cost,
      createdAt: rfc3339Nanos(this.world.clock.now()),
      connectedAt: session.connectedAt,
      disconnectedAt: null,
    };
    this.stored.set(subscription.id, subscription);
    session.subscribedBy({ clientId: request.clientId, userId: request.userId });
    return { ...subscription };
  }

  /** The subscription once its callback has answered the challenge, or failed to. */
  async settled(subscriptionId: string): Promise<EventSubSubscription> {
    await this.verifications.get(subscriptionId);
    return { ...this.find(subscriptionId) };
  }

  subscriptions(): EventSubSubscription[] {
    return [...this.stored.values()].map((subscription) => ({ ...subscription }));
  }

  /**
   * What one token sees, as Twitch keeps the two apart: an app token (`userId` null) its
   * application's webhook subscriptions, a user token the WebSocket ones made with that user's.
   */
  subscriptionsOf(clientId: string, userId: string | null): EventSubSubscription[] {
    return this.subscriptions().filter((s) => ownerOf(s) === owner(clientId, userId));
  }

  delete(subscriptionId: string): boolean {
    this.verifications.delete(subscriptionId);
    this.failuresInARow.delete(subscriptionId);
    return this.stored.delete(subscriptionId);
  }

  /** Delivers every notification `happening` causes to each enabled subscription it matches. */
  async publish(happening: Happening): Promise<void> {
    const enabled = [...this.stored.values()].filter((s) => s.status === 'enabled');
    // Rendering is the costly part of a chat line: skip it when nobody listens for its types.
    const types = EVENTSUB_TYPES_BY_KIND[happening.kind];
    if (!enabled.some((s) => (types as readonly string[]).includes(s.type))) return;
    const webhookDeliveries: Promise<DeliveryRecord[]>[] = [];
    for (const notification of renderEventSub(happening, this.world)) {
      for (const s of enabled.filter((s) => subscriptionMatches(s, notification))) {
        if (s.method === 'webhook') webhookDeliveries.push(this.deliver(s.id, notification.event));
        else this.deliverOverWebSocket(s.id, notification.event);
      }
    }
    await Promise.all(webhookDeliveries);
  }

  /** Sends one notification carrying `event` to a webhook subscription, whatever its status. */
  async deliver(
    subscriptionId: string,
    event: Record<string, unknown>,
    faults: DeliveryFaults = {},
  ): Promise<DeliveryRecord[]> {
    const subscription = this.find(subscriptionId);
    if (subscription.method !== 'webhook') {
      throw new Error(`${subscriptionId} is a WebSocket subscription: use deliverOverWebSocket()`);
    }
    const body = { subscription: subscriptionJson(subscription), event };
    const message = this.message(subscription, 'notification', body, faults);
    const records = [(await this.send(subscription, message)).record];
    if (faults.duplicate) records.push((await this.send(subscription, message)).record);
    await this.countFailures(subscription, records);
    return records;
  }

  /**
   * Sends one notification carrying `event` to a WebSocket subscription, on its session's
   * connection whatever its type or status; `badSignature` does not apply.
   */
  deliverOverWebSocket(
    subscriptionId: string,
    event: Record<string, unknown>,
    faults: Omit<DeliveryFaults, 'badSignature'> = {},
  ): WebSocketDeliveryRecord[] {
    const subscription = this.findWebSocket(subscriptionId);
    const payload = { subscription: subscriptionJson(subscription), event };
    const message = webSocketMessage('notification', payload, subscription, faults.staleByMs);
    const records = [this.sendOnSession(subscription, message)];
    if (faults.duplicate) records.push(this.sendOnSession(subscription, message));
    return records;
  }

  /** Revokes a subscription whose callback has failed too many notifications in a row. */
  private async countFailures(
    subscription: WebhookSubscription,
    records: readonly DeliveryRecord[],
  ): Promise<void> {
    let inARow = this.failuresInARow.get(subscription.id) ?? 0;
    for (const record of records) inARow = isSuccess(record.status) ? 0 : inARow + 1;
    this.failuresInARow.set(subscription.id, inARow);
    if (inARow >= this.maxConsecutiveFailures && subscription.status === 'enabled') {
      await this.revoke(subscription.id, 'notification_failures_exceeded');
    }
  }

  /**
   * Revokes a subscription as Twitch does: its status becomes the reason, and the callback (or
   * the WebSocket session) is told.
   */
  async revoke(
    subscriptionId: string,
    reason: RevocationReason,
  ): Promise<DeliveryRecord | WebSocketDeliveryRecord> {
    const subscription = this.find(subscriptionId);
    subscription.status = reason;
    const body = { subscription: subscriptionJson(subscription) };
    if (subscription.method === 'websocket') {
      return this.sendOnSession(subscription, webSocketMessage('revocation', body, subscription));
    }
    const { record } = await this.send(
      subscription,
      this.message(subscription, 'revocation', body),
    );
    return record;
  }

  /** Webhook deliveries, oldest first. */
  deliveries(): readonly DeliveryRecord[] {
    return [...this.log];
  }

  /** Messages sent on WebSocket sessions for subscriptions, oldest first. */
  webSocketDeliveries(): readonly WebSocketDeliveryRecord[] {
    return [...this.webSocketLog];
  }

  /** Checks what every transport's request must get right; returns the type's spec. */
  private validateType(request: WebSocketSubscriptionRequest | SubscriptionRequest) {
    const spec = subscriptionTypeSpec(request.type);
    if (spec?.version !== request.version) {
      throw new SubscriptionRejectedError(
        'invalid',
        `unsupported subscription type ${request.type} version ${request.version}`,
      );
    }
    const problem = conditionProblem(spec, request.condition);
    if (problem) throw new SubscriptionRejectedError('invalid', problem);
    const unknownUser = Object.entries(request.condition).find(
      ([key, id]) => key.endsWith('user_id') && id !== '' && !this.world.users.has(id),
    );
    if (unknownUser) {
      throw new SubscriptionRejectedError('invalid', `invalid ${unknownUser[0]} ${unknownUser[1]}`);
    }
    return spec;
  }

  /** Checks a webhook request as Twitch would; returns its cost. */
  private validate(request: SubscriptionRequest): number {
    const spec = this.validateType(request);
    if (request.secret.length < 10 || request.secret.length > 100) {
      throw new SubscriptionRejectedError(
        'invalid',
        'secret must be between 10 and 100 characters',
      );
    }
    const callback = URL.canParse(request.callback) ? new URL(request.callback) : null;
    if (callback?.protocol !== 'https:') {
      throw new SubscriptionRejectedError('invalid', 'callback must be an https URL');
    }
    // Twitch only calls port 443 (PROTOCOL A1); `deliveryUrl` maps it to a local listener.
    if (callback.port !== '') {
      throw new SubscriptionRejectedError('invalid', 'callback must use port 443');
    }
    if (!isAuthorized(spec, request.condition, this.authorizationFacts(request.clientId))) {
      throw new SubscriptionRejectedError(
        'unauthorized',
        'subscription missing proper authorization',
      );
    }
    if (this.isDuplicate(owner(request.clientId, null), request)) {
      throw new SubscriptionRejectedError('conflict', 'subscription already exists');
    }
    return spec.cost;
  }

  /** Checks a WebSocket request as Twitch would; returns its cost. */
  private validateWebSocket(
    request: WebSocketSubscriptionRequest,
    token: UserToken,
  ): { session: WebSocketSession; cost: number } {
    const spec = this.validateType(request);
    const session = this.webSocket.session(request.sessionId);
    const sessionOwner = session?.owner ?? request;
    // Another application's session is as unknown to this one as a closed one.
    if (session?.status !== 'connected' || sessionOwner.clientId !== request.clientId) {
      throw new SubscriptionRejectedError(
        'invalid',
        'websocket transport session does not exist or has already disconnected',
      );
    }
    if (sessionOwner.userId !== request.userId) {
      throw new SubscriptionRejectedError(
        'invalid',
        'websocket transport cannot have subscriptions created by different users',
      );
    }
    if (!isAuthorizedByUserToken(spec, request.condition, token)) {
      throw new SubscriptionRejectedError(
        'unauthorized',
        'subscription missing proper authorization',
      );
    }
    if (this.isDuplicate(owner(request.clientId, request.userId), request)) {
      throw new SubscriptionRejectedError('conflict', 'subscription already exists');
    }
    const cost = webSocketCost(spec, request);
    const enabled = [...this.stored.values()].filter(
      (s): s is WebSocketSubscription => s.method === 'websocket' && s.status === 'enabled',
    );
    const exceeded = exceededWebSocketLimit(enabled, request, cost);
    if (exceeded) throw new SubscriptionRejectedError('limit', exceeded);
    return { session, cost };
  }

  private authorizationFacts(clientId: string) {
    const { world } = this;
    return {
      grantedScopes: (userId: string) => world.tokens.grantedScopes(userId, clientId),
      moderates: (userId: string, broadcasterId: string) =>
        userId === broadcasterId ||
        (world.channels.get(broadcasterId)?.moderators.has(userId) ?? false),
    };
  }

  /** Whether `ownerKey` already has a live subscription to the same type and condition. */
  private isDuplicate(
    ownerKey: string,
    request: SubscriptionRequest | WebSocketSubscriptionRequest,
  ): boolean {
    const key = conditionKey(request.condition);
    return [...this.stored.values()].some(
      (s) =>
        (s.status === 'enabled' || s.status === 'webhook_callback_verification_pending') &&
        ownerOf(s) === ownerKey &&
        s.type === request.type &&
        s.version === request.version &&
        conditionKey(s.condition) === key,
    );
  }

  /** The client reconnected: the subscriptions move to its new session, and keep working. */
  private handOver(from: WebSocketSession, to: WebSocketSession): void {
    for (const subscription of this.stored.values()) {
      if (
        subscription.method === 'websocket' &&
        subscription.sessionId === from.id &&
        subscription.status === 'enabled'
      ) {
        subscription.sessionId = to.id;
        subscription.connectedAt = to.connectedAt;
      }
    }
  }

  /** A session's connection ended: its enabled subscriptions stop, with why as their status. */
  private disconnect(session: WebSocketSession): void {
    const disconnectedAt = rfc3339Nanos(Date.now(), randomInt(1_000_000));
    for (const subscription of this.stored.values()) {
      if (
        subscription.method === 'websocket' &&
        subscription.sessionId === session.id &&
        subscription.status === 'enabled'
      ) {
        subscription.status = endStatus(session.closedWith);
        subscription.disconnectedAt = disconnectedAt;
      }
    }
  }

  private sendOnSession(
    subscription: WebSocketSubscription,
    message: WebSocketMessage,
  ): WebSocketDeliveryRecord {
    const session = this.webSocket.session(subscription.sessionId);
    const record: WebSocketDeliveryRecord = {
      messageId: message.metadata.message_id,
      messageType: message.metadata.message_type === 'revocation' ? 'revocation' : 'notification',
      subscriptionId: subscription.id,
      subscriptionType: subscription.type,
      sessionId: subscription.sessionId,
      sent: session?.send(message) ?? false,
    };
    this.webSocketLog.push(record);
    return record;
  }

  private async verify(subscription: WebhookSubscription): Promise<void> {
    const challenge = randomBytes(24).toString('base64url');
    const body = { challenge, subscription: subscriptionJson(subscription) };
    const message = this.message(subscription, 'webhook_callback_verification', body);
    const { record, text } = await this.send(subscription, message, []);
    subscription.status =
      isSuccess(record.status) && text === challenge
        ? 'enabled'
        : 'webhook_callback_verification_failed';
  }

  private message(
    subscription: WebhookSubscription,
    type: MessageType,
    body: object,
    faults: DeliveryFaults = {},
  ): WebhookMessage {
    const id = randomUUID();
    // Receivers judge freshness by their own wall clock, whatever time the world is at.
    const timestamp = rfc3339Nanos(Date.now() - (faults.staleByMs ?? 0), randomInt(1_000_000));
    const json = JSON.stringify(body);
    const secret = faults.badSignature ? `not-${subscription.secret}` : subscription.secret;
    return {
      id,
      type,
      timestamp,
      signature: eventSubSignature(secret, id, timestamp, json),
      subscriptionType: subscription.type,
      subscriptionVersion: subscription.version,
      body: json,
    };
  }

  private async send(
    subscription: WebhookSubscription,
    message: WebhookMessage,
    retryDelaysMs = this.retryDelaysMs,
  ): Promise<{ record: DeliveryRecord; text: string }> {
    const url = this.deliveryUrl(subscription.callback);
    const answer = await postWebhook(url, message, retryDelaysMs);
    const record: DeliveryRecord = {
      messageId: message.id,
      messageType: message.type,
      subscriptionId: subscription.id,
      subscriptionType: subscription.type,
      status: answer.status,
      attempts: answer.attempts,
    };
    this.log.push(record);
    return { record, text: answer.text };
  }

  private find(subscriptionId: string): EventSubSubscription {
    const subscription = this.stored.get(subscriptionId);
    if (!subscription) throw new Error(`No EventSub subscription ${subscriptionId}`);
    return subscription;
  }

  private findWebSocket(subscriptionId: string): WebSocketSubscription {
    const subscription = this.find(subscriptionId);
    if (subscription.method !== 'websocket') {
      throw new Error(`${subscriptionId} is a webhook subscription: use deliver()`);
    }
    return subscription;
  }
}

/** Whose subscriptions they are: an application's (app token) or one of its users' (user token). */
function owner(clientId: string, userId: string | null): string {
  return userId === null ? clientId : `${clientId} ${userId}`;
}

function ownerOf(subscription: EventSubSubscription): string {
  return owner(
    subscription.clientId,
    subscription.method === 'websocket' ? subscription.userId : null,
  );
}

function conditionKey(condition: Readonly<Record<string, string>>): string {
  const named = Object.entries(condition).filter(([, value]) => value !== '');
  return JSON.stringify(named.sort(([a], [b]) => a.localeCompare(b)));
}
