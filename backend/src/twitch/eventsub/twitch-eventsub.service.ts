import {
  type ChannelRef,
  type EventSubSubscriptionState,
  type EventSubTransportKind,
  type EventSubType,
} from '@integron/contracts';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type DataObject, getRawData } from '@twurple/common';
import { type EventSubSubscription } from '@twurple/eventsub-base';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Counter } from 'prom-client';
import { TokenVault } from '../../auth/token-vault/token-vault.js';
import { type TwitchAccountEntity } from '../../auth/token-vault/twitch-account.entity.js';
import { EventBus } from '../../bus/event-bus.js';
import { scrubSecrets } from '../../logging/secrets.js';
import { TwitchAccountsService } from '../accounts/twitch-accounts.service.js';
import { ChannelSubscriptions } from './channel-subscriptions.js';
import { eventSubEventId } from './eventsub-event-id.js';
import {
  AWAITING_VERIFICATION_DETAIL,
  creationFailure,
  missingScopeDetail,
  notConnectedDetail,
  revocationDetail,
  SOCKET_LOST_DETAIL,
  VERIFICATION_FAILED_DETAIL,
} from './eventsub-details.js';
import { EVENTSUB_NOTIFICATIONS_METRIC } from './eventsub.metrics.js';
import { EVENTSUB_TOPICS, missingScope, type ToEvent } from './eventsub-topics.js';
import { EventSubTransport } from './eventsub-transport.js';
import { type MessageIdListener } from './message-id-listener.js';
import { SubscriptionCalls } from './subscription-calls.js';

/** How long a subscription waits for Twitch to answer its create or delete before going ahead. */
const CALL_TIMEOUT_MS = 10_000;

/** Whose a twurple subscription is. */
interface Owner {
  channelId: string;
  type: EventSubType;
}

/**
 * EventSub for the team's channels, as events on the bus: every active channel whose broadcaster
 * account is connected gets the types its granted scopes allow, for the broadcaster, over the
 * transport chosen at start (WebSocket or webhooks). Channel and account changes add and delete
 * subscriptions; where each stands (pending, enabled, failed, revoked, not connected) is kept for
 * the admin.
 */
@Injectable()
export class TwitchEventSub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TwitchEventSub');
  private readonly listener: MessageIdListener;
  /** By the broadcaster's Twitch id. */
  private readonly channels = new Map<string, ChannelSubscriptions>();
  private readonly owners = new Map<EventSubSubscription, Owner>();
  private readonly calls = new SubscriptionCalls();
  private work: Promise<void> = Promise.resolve();
  private stopped = false;
  private warnedAboutMessageIds = false;

  constructor(
    private readonly transport: EventSubTransport,
    private readonly vault: TokenVault,
    accounts: TwitchAccountsService,
    private readonly bus: EventBus,
    @InjectMetric(EVENTSUB_NOTIFICATIONS_METRIC) private readonly notifications: Counter<'type'>,
  ) {
    this.listener = transport.listener;
    this.watchListener();
    accounts.onChange(async (account) => {
      if (account.purpose !== 'broadcaster') return;
      const entry = this.channels.get(account.twitchUserId);
      if (entry) await this.enqueue(() => this.sync(entry, { newGrant: true }));
    });
  }

  onApplicationBootstrap(): void {
    this.transport.start({
      connected: (userId) => this.logger.log(`EventSub connected as ${this.loginOf(userId)}`),
      lost: (userId, error) => this.connectionLost(userId, error),
      verified: (subscription, success) => {
        if (success) this.update(subscription, 'enabled', null);
        else this.update(subscription, 'failed', VERIFICATION_FAILED_DETAIL);
      },
      ready: () => void this.enqueue(() => this.enableResumed()),
    });
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.transport.stop();
  }

  /** The channels to receive events of; the subscriptions of channels no longer listed go. */
  follow(channels: readonly ChannelRef[]): Promise<void> {
    return this.enqueue(async () => {
      const wanted = new Set(channels.map((channel) => channel.id));
      for (const [id, entry] of this.channels) {
        if (wanted.has(id)) continue;
        this.channels.delete(id);
        await this.stopAll(entry);
      }
      for (const channel of channels) {
        const entry = this.channels.get(channel.id) ?? new ChannelSubscriptions(channel);
        entry.channel = channel;
        this.channels.set(channel.id, entry);
        await this.sync(entry);
      }
    });
  }

  /** Deletes a followed channel's subscriptions and makes them again (the admin's "re-create"). */
  recreate(twitchId: string): Promise<void> {
    return this.enqueue(async () => {
      const entry = this.channels.get(twitchId);
      if (entry) await this.sync(entry, { force: true });
    });
  }

  /** Where a channel's subscriptions stand; none while it is not followed. */
  statusOf(twitchId: string): {
    transport: EventSubTransportKind;
    connected: boolean;
    subscriptions: EventSubSubscriptionState[];
  } {
    const entry = this.channels.get(twitchId);
    const userId = entry?.userId ?? null;
    return {
      transport: this.transport.kind,
      connected: userId !== null && this.transport.isConnected(userId),
      subscriptions: entry?.view() ?? [],
    };
  }

  /** One change at a time: a subscription is never made again while its previous one is out. */
  private enqueue(task: () => Promise<void> | void): Promise<void> {
    this.work = this.work
      .then(() => (this.stopped ? undefined : task()))
      .catch((error: unknown) =>
        this.logger.error(
          `Updating EventSub subscriptions failed: ${error instanceof Error ? error.message : String(error)}`,
          error instanceof Error ? error.stack : undefined,
        ),
      );
    return this.work;
  }

  /**
   * Makes the channel's subscriptions fit its broadcaster account: unchanged while the account,
   * its state and scopes are; all made again with `force`, or with `newGrant` once it was
   * connected again (a revoked subscription then comes back).
   */
  private async sync(
    entry: ChannelSubscriptions,
    { force = false, newGrant = false }: { force?: boolean; newGrant?: boolean } = {},
  ): Promise<void> {
    const account = await this.vault.findGrant('broadcaster', entry.channel.id);
    const basis = basisOf(account);
    const grantId = account ? `${account.twitchUserId}@${account.obtainedAt.getTime()}` : null;
    const regrant = newGrant && grantId !== entry.grantId;
    if (!force && !regrant && basis === entry.basis) return;
    await this.stopAll(entry);
    entry.basis = basis;
    entry.grantId = grantId;
    if (account?.status !== 'connected') {
      entry.userId = null;
      const detail = notConnectedDetail(entry.channel, account?.problem);
      for (const topic of EVENTSUB_TOPICS) entry.set(topic.type, 'not_connected', detail, null);
      return;
    }
    entry.userId = account.twitchUserId;
    for (const topic of EVENTSUB_TOPICS) {
      const scope = missingScope(topic, account.scopes, this.transport.kind);
      if (scope) {
        entry.set(topic.type, 'failed', missingScopeDetail(scope), null);
        continue;
      }
      const subscription = topic.subscribe(
        this.listener,
        entry.channel.id,
        (type, event, toEvent) => {
          // Not for a subscription deleted here already, of which Twitch had not heard yet.
          if (this.owners.has(subscription)) this.receive(entry, type, event, toEvent);
        },
      );
      this.owners.set(subscription, { channelId: entry.channel.id, type: topic.type });
      // Resumed from what Twitch already holds (webhooks, after a restart): nothing more is told.
      entry.set(topic.type, subscription.verified ? 'enabled' : 'pending', null, subscription);
    }
  }

  /** Subscriptions twurple resumed once the transport was ready: Twitch holds them enabled. */
  private enableResumed(): void {
    for (const entry of this.channels.values())
      for (const { subscription } of entry.held())
        if (subscription.verified) this.update(subscription, 'enabled', null);
  }

  /** Deletes every subscription twurple holds for the channel, once Twitch answered what is out. */
  private async stopAll(entry: ChannelSubscriptions): Promise<void> {
    const held = entry.held();
    for (const { subscription } of held) this.owners.delete(subscription);
    await Promise.all(
      held.map(async ({ subscription }) => {
        await this.calls.settled(subscription, CALL_TIMEOUT_MS);
        subscription.stop();
        await this.calls.settled(subscription, CALL_TIMEOUT_MS);
      }),
    );
  }

  private receive(
    entry: ChannelSubscriptions,
    type: EventSubType,
    event: object,
    toEvent: ToEvent,
  ): void {
    const messageId = this.listener.deliveringMessageId;
    if (messageId === null && !this.warnedAboutMessageIds) {
      this.warnedAboutMessageIds = true;
      this.logger.warn(
        'twurple did not say which EventSub message it delivered: event ids are digests of the events from now on',
      );
    }
    try {
      const eventId = eventSubEventId(type, messageId, () =>
        getRawData(event as DataObject<unknown>),
      );
      const base = {
        eventId,
        channel: entry.channel,
        occurredAt: new Date().toISOString(),
        source: 'eventsub' as const,
      };
      this.bus.publish(toEvent(base));
      this.notifications.inc({ type });
    } catch (error) {
      this.logger.error(
        `A ${type} notification for #${entry.channel.login} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private watchListener(): void {
    const { listener, calls } = this;
    listener.onSubscriptionActivate((subscription) => calls.begin(subscription));
    listener.onSubscriptionDeactivate((subscription) => calls.begin(subscription));
    listener.onSubscriptionCreateSuccess((subscription, created) => {
      calls.end(subscription);
      // A webhook's is enabled once Twitch's challenge was answered, which may come first.
      if (created.status === 'enabled' || subscription.verified)
        this.update(subscription, 'enabled', null);
      else this.update(subscription, 'pending', AWAITING_VERIFICATION_DETAIL);
    });
    listener.onSubscriptionCreateFailure((subscription, error) => {
      calls.end(subscription);
      const owner = this.update(subscription, 'failed', creationFailure(error));
      if (owner)
        this.logger.warn(
          `Subscribing to ${owner.type} for #${owner.login} failed: ${creationFailure(error)}`,
        );
    });
    listener.onSubscriptionDeleteSuccess((subscription) => calls.end(subscription));
    listener.onSubscriptionDeleteFailure((subscription) => calls.end(subscription));
    listener.onRevoke((subscription, status) => {
      const owner = this.update(subscription, 'revoked', revocationDetail(status));
      this.owners.delete(subscription);
      if (owner) this.logger.warn(`Twitch revoked ${owner.type} for #${owner.login} (${status})`);
    });
  }

  private connectionLost(userId: string, error: Error | undefined): void {
    if (this.stopped) return;
    const why = error ? scrubSecrets(error.message) : 'closed';
    this.logger.warn(`EventSub connection of ${this.loginOf(userId)} lost (${why}); reconnecting`);
    // twurple asks for every subscription it holds again once the new connection is welcomed.
    for (const entry of this.channels.values()) {
      if (entry.userId !== userId) continue;
      for (const { type } of entry.held()) entry.set(type, 'pending', SOCKET_LOST_DETAIL);
    }
  }

  /** Sets the status of a subscription made here; its owner, or `undefined` for a foreign one. */
  private update(
    subscription: EventSubSubscription,
    status: 'pending' | 'enabled' | 'failed' | 'revoked',
    detail: string | null,
  ): (Owner & { login: string }) | undefined {
    const owner = this.owners.get(subscription);
    const entry = owner && this.channels.get(owner.channelId);
    if (!owner || !entry) return undefined;
    // twurple forgets a revoked subscription: nothing is left to delete.
    entry.set(owner.type, status, detail, status === 'revoked' ? null : subscription);
    return { ...owner, login: entry.channel.login };
  }

  private loginOf(userId: string): string {
    for (const entry of this.channels.values())
      if (entry.userId === userId) return entry.channel.login;
    return userId;
  }
}

/** What a channel's subscriptions depend on: unchanged by a token refresh. */
function basisOf(account: TwitchAccountEntity | null): string {
  if (!account) return 'none';
  if (account.status !== 'connected') return `${account.status}:${account.problem ?? ''}`;
  return `connected:${account.twitchUserId}:${[...account.scopes].sort().join(' ')}`;
}
