import {
  type EventSubTransportKind,
  type EventSubType,
  type TwitchEvent,
} from '@integron/contracts';
import { type EventSubBase, type EventSubSubscription } from '@twurple/eventsub-base';
import * as events from './eventsub-events.js';
import { type EventSubEventBase } from './eventsub-events.js';

/** How one notification becomes its event, once the service knows its id and channel. */
export type ToEvent = (base: EventSubEventBase) => TwitchEvent;

/** Where a topic hands each notification: twurple's event object, and how to map it. */
export type Receive = (type: EventSubType, event: object, toEvent: ToEvent) => void;

/** One EventSub type Integron subscribes to for a channel, as its broadcaster. */
export interface EventSubTopic {
  type: EventSubType;
  /**
   * Any one of these lets the broadcaster's token subscribe; none is needed when empty. The first
   * is the one Integron asks for when an account is connected (`TWITCH_ACCOUNT_SCOPES`).
   */
  scopes: readonly string[];
  /**
   * Needed as well over webhooks, where Twitch judges the application's token by what the
   * broadcaster granted it rather than the broadcaster's own token.
   */
  webhookScopes: readonly string[];
  subscribe(listener: EventSubBase, broadcasterId: string, receive: Receive): EventSubSubscription;
}

type Subscribe<E> = (
  listener: EventSubBase,
  broadcasterId: string,
  handler: (event: E) => void,
) => EventSubSubscription;

function topic<E extends object>(
  type: EventSubType,
  scopes: readonly string[],
  subscribe: Subscribe<E>,
  toEvent: (event: E, base: EventSubEventBase) => TwitchEvent,
  webhookScopes: readonly string[] = [],
): EventSubTopic {
  return {
    type,
    scopes,
    webhookScopes,
    subscribe: (listener, broadcasterId, receive) =>
      subscribe(listener, broadcasterId, (event) =>
        receive(type, event, (base) => toEvent(event, base)),
      ),
  };
}

const SUBSCRIPTIONS = ['channel:read:subscriptions'];
/**
 * Chat types read the chat as a user: the broadcaster here. Over webhooks Twitch wants that user
 * to have granted `user:bot` too (`channel:bot` is not needed: the reader owns the channel).
 */
const CHAT_READER = ['user:read:chat'];
const CHAT_READER_OVER_WEBHOOKS = ['user:bot'];

/**
 * Every type, with the scopes twurple's Helix client checks before asking Twitch (the same ones
 * Twitch's subscription-types reference lists). Types with a moderator or reading user in their
 * condition name the broadcaster: their own account is the moderator and the reader.
 */
export const EVENTSUB_TOPICS: readonly EventSubTopic[] = [
  topic('stream.online', [], (l, id, h) => l.onStreamOnline(id, h), events.streamOnlineEvent),
  topic('stream.offline', [], (l, id, h) => l.onStreamOffline(id, h), events.streamOfflineEvent),
  topic(
    'channel.follow',
    ['moderator:read:followers'],
    (l, id, h) => l.onChannelFollow(id, id, h),
    events.followEvent,
  ),
  topic(
    'channel.subscribe',
    SUBSCRIPTIONS,
    (l, id, h) => l.onChannelSubscription(id, h),
    events.subscribeEvent,
  ),
  topic(
    'channel.subscription.message',
    SUBSCRIPTIONS,
    (l, id, h) => l.onChannelSubscriptionMessage(id, h),
    events.subscriptionMessageEvent,
  ),
  topic(
    'channel.subscription.gift',
    SUBSCRIPTIONS,
    (l, id, h) => l.onChannelSubscriptionGift(id, h),
    events.subscriptionGiftEvent,
  ),
  topic('channel.cheer', ['bits:read'], (l, id, h) => l.onChannelCheer(id, h), events.cheerEvent),
  topic('channel.raid', [], (l, id, h) => l.onChannelRaidTo(id, h), events.raidEvent),
  topic(
    'channel.channel_points_custom_reward_redemption.add',
    ['channel:read:redemptions', 'channel:manage:redemptions'],
    (l, id, h) => l.onChannelRedemptionAdd(id, h),
    events.redemptionEvent,
  ),
  // Version 2: Twitch deprecated version 1 of both.
  topic(
    'channel.hype_train.begin',
    ['channel:read:hype_train'],
    (l, id, h) => l.onChannelHypeTrainBeginV2(id, h),
    events.hypeTrainBeginEvent,
  ),
  topic(
    'channel.hype_train.end',
    ['channel:read:hype_train'],
    (l, id, h) => l.onChannelHypeTrainEndV2(id, h),
    events.hypeTrainEndEvent,
  ),
  topic(
    'channel.poll.begin',
    ['channel:read:polls', 'channel:manage:polls'],
    (l, id, h) => l.onChannelPollBegin(id, h),
    events.pollBeginEvent,
  ),
  topic(
    'channel.poll.end',
    ['channel:read:polls', 'channel:manage:polls'],
    (l, id, h) => l.onChannelPollEnd(id, h),
    events.pollEndEvent,
  ),
  topic(
    'channel.prediction.begin',
    ['channel:read:predictions', 'channel:manage:predictions'],
    (l, id, h) => l.onChannelPredictionBegin(id, h),
    events.predictionBeginEvent,
  ),
  topic(
    'channel.prediction.end',
    ['channel:read:predictions', 'channel:manage:predictions'],
    (l, id, h) => l.onChannelPredictionEnd(id, h),
    events.predictionEndEvent,
  ),
  topic(
    'channel.shoutout.create',
    ['moderator:read:shoutouts', 'moderator:manage:shoutouts'],
    (l, id, h) => l.onChannelShoutoutCreate(id, id, h),
    events.shoutoutEvent,
  ),
  topic('channel.ban', ['channel:moderate'], (l, id, h) => l.onChannelBan(id, h), events.banEvent),
  topic(
    'channel.unban',
    ['channel:moderate'],
    (l, id, h) => l.onChannelUnban(id, h),
    events.unbanEvent,
  ),
  topic(
    'channel.chat.message_delete',
    CHAT_READER,
    (l, id, h) => l.onChannelChatMessageDelete(id, id, h),
    events.messageDeleteEvent,
    CHAT_READER_OVER_WEBHOOKS,
  ),
  topic(
    'channel.chat.clear',
    CHAT_READER,
    (l, id, h) => l.onChannelChatClear(id, id, h),
    events.chatClearEvent,
    CHAT_READER_OVER_WEBHOOKS,
  ),
];

/** The scope a grant lacks for `topic` over `transport`, or `null` when it may subscribe. */
export function missingScope(
  topic: EventSubTopic,
  granted: readonly string[],
  transport: EventSubTransportKind,
): string | null {
  const anyOf = topic.scopes.length === 0 || topic.scopes.some((scope) => granted.includes(scope));
  if (!anyOf) return topic.scopes[0] ?? null;
  if (transport === 'websocket') return null;
  return topic.webhookScopes.find((scope) => !granted.includes(scope)) ?? null;
}
