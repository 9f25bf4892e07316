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
} from './eventsub-subscription.js';
import { conditionProblem, isAuthorized, subscriptionTypeSpec } from './subscription-types.js';
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
}

/** Test hooks: the ways Twitch's deliveries can look to a receiver. */
export interface DeliveryFaults {
  /** Sends the message twice with the same id, as at-least-once delivery may. */
  duplicate?: boolean;
  /** Dates the message this far in the past. */
  staleByMs?: number;
  /** Signs with a secret the receiver does not know. */
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

export class SubscriptionRejectedError extends Error {
  constructor(
    readonly reason: 'invalid' | 'unauthorized' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_RETRY_DELAYS_MS = [250, 1_000, 4_000];
const DEFAULT_MAX_CONSECUTIVE_FAILURES = 10;
const SUBSCRIPTION_ID_STREAM = 0x65766e74;

/** Twitch's EventSub over webhooks: the subscriptions, their challenges and signed deliveries. */
export class EventSubService {
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

  constructor(options: EventSubServiceOptions) {
    this.world = options.world;
    this.ids = new SeededRandom(options.world.random.seed ^ SUBSCRIPTION_ID_STREAM);
    this.deliveryUrl = options.deliveryUrl ?? ((callback) => callback.replace(/^https:/, 'http:'));
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.maxConsecutiveFailures =
      options.maxConsecutiveFailures ?? DEFAULT_MAX_CONSECUTIVE_FAILURES;
  }

  /**
   * Stores a subscription pending verification and sends its callback the signed challenge;
   * `settled()` tells how that went. Throws `SubscriptionRejectedError` for what Twitch refuses.
   */
  create(request: SubscriptionRequest): EventSubSubscription {
    const cost = this.validate(request);
    const subscription: EventSubSubscription = {
      ...request,
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

  /** The subscription once its callback has answered the challenge, or failed to. */
  async settled(subscriptionId: string): Promise<EventSubSubscription> {
    await this.verifications.get(subscriptionId);
    return { ...this.find(subscriptionId) };
  }

  subscriptions(): EventSubSubscription[] {
    return [...this.stored.values()].map((subscription) => ({ ...subscription }));
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
    const deliveries = renderEventSub(happening, this.world).flatMap((notification) =>
      enabled
        .filter((s) => subscriptionMatches(s, notification))
        .map((s) => this.deliver(s.id, notification.event)),
    );
    await Promise.all(deliveries);
  }

  /** Sends one notification carrying `event` to a subscription, whatever its type or status. */
  async deliver(
    subscriptionId: string,
    event: Record<string, unknown>,
    faults: DeliveryFaults = {},
  ): Promise<DeliveryRecord[]> {
    const subscription = this.find(subscriptionId);
    const body = { subscription: subscriptionJson(subscription), event };
    const message = this.message(subscription, 'notification', body, faults);
    const records = [(await this.send(subscription, message)).record];
    if (faults.duplicate) records.push((await this.send(subscription, message)).record);
    await this.countFailures(subscription, records);
    return records;
  }

  /** Revokes a subscription whose callback has failed too many notifications in a row. */
  private async countFailures(
    subscription: EventSubSubscription,
    records: readonly DeliveryRecord[],
  ): Promise<void> {
    let inARow = this.failuresInARow.get(subscription.id) ?? 0;
    for (const record of records) inARow = isSuccess(record.status) ? 0 : inARow + 1;
    this.failuresInARow.set(subscription.id, inARow);
    if (inARow >= this.maxConsecutiveFailures && subscription.status === 'enabled') {
      await this.revoke(subscription.id, 'notification_failures_exceeded');
    }
  }

  /** Revokes a subscription as Twitch does: its status becomes the reason, and the callback is told. */
  async revoke(subscriptionId: string, reason: RevocationReason): Promise<DeliveryRecord> {
    const subscription = this.find(subscriptionId);
    subscription.status = reason;
    const body = { subscription: subscriptionJson(subscription) };
    const { record } = await this.send(
      subscription,
      this.message(subscription, 'revocation', body),
    );
    return record;
  }

  deliveries(): readonly DeliveryRecord[] {
    return [...this.log];
  }

  /** Checks a request as Twitch would; returns its cost. */
  private validate(request: SubscriptionRequest): number {
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
    if (this.isDuplicate(request)) {
      throw new SubscriptionRejectedError('conflict', 'subscription already exists');
    }
    return spec.cost;
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

  private isDuplicate(request: SubscriptionRequest): boolean {
    const key = conditionKey(request.condition);
    return [...this.stored.values()].some(
      (s) =>
        (s.status === 'enabled' || s.status === 'webhook_callback_verification_pending') &&
        s.clientId === request.clientId &&
        s.type === request.type &&
        s.version === request.version &&
        conditionKey(s.condition) === key,
    );
  }

  private async verify(subscription: EventSubSubscription): Promise<void> {
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
    subscription: EventSubSubscription,
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
    subscription: EventSubSubscription,
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
}

function conditionKey(condition: Readonly<Record<string, string>>): string {
  const named = Object.entries(condition).filter(([, value]) => value !== '');
  return JSON.stringify(named.sort(([a], [b]) => a.localeCompare(b)));
}
