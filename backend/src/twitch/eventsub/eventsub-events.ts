import {
  type ChannelRef,
  type ChatClearedEvent,
  type ChatMessageDeletedEvent,
  type ChatUserBannedEvent,
  type ChatUserTimedOutEvent,
  type ChatUserUnbannedEvent,
  type CheerEvent,
  type EmoteRange,
  type FollowEvent,
  type GiftEvent,
  type HypeTrainEvent,
  type PollEvent,
  type PredictionEvent,
  type RaidEvent,
  type RedemptionEvent,
  type ResubEvent,
  type ShoutoutEvent,
  type StreamOfflineEvent,
  type StreamOnlineEvent,
  type SubEvent,
  type UserRef,
} from '@integron/contracts';
import {
  type EventSubChannelBanEvent,
  type EventSubChannelChatClearEvent,
  type EventSubChannelChatMessageDeleteEvent,
  type EventSubChannelCheerEvent,
  type EventSubChannelFollowEvent,
  type EventSubChannelHypeTrainBeginV2Event,
  type EventSubChannelHypeTrainContribution,
  type EventSubChannelHypeTrainEndV2Event,
  type EventSubChannelPollBeginEvent,
  type EventSubChannelPollEndEvent,
  type EventSubChannelPredictionBeginEvent,
  type EventSubChannelPredictionEndEvent,
  type EventSubChannelRaidEvent,
  type EventSubChannelRedemptionAddEvent,
  type EventSubChannelShoutoutCreateEvent,
  type EventSubChannelSubscriptionEvent,
  type EventSubChannelSubscriptionGiftEvent,
  type EventSubChannelSubscriptionMessageEvent,
  type EventSubChannelUnbanEvent,
  type EventSubStreamOfflineEvent,
  type EventSubStreamOnlineEvent,
} from '@twurple/eventsub-base';

/**
 * What every event from one EventSub notification shares. `occurredAt` is when it arrived; a
 * mapper replaces it with the event's own time where the payload has one.
 */
export interface EventSubEventBase {
  eventId: string;
  channel: ChannelRef;
  occurredAt: string;
  source: 'eventsub';
}

const REDEMPTION_STATUSES = ['unfulfilled', 'fulfilled', 'canceled', 'unknown'] as const;

export function followEvent(
  event: EventSubChannelFollowEvent,
  base: EventSubEventBase,
): FollowEvent {
  return {
    ...base,
    type: 'follow',
    occurredAt: event.followDate.toISOString(),
    user: user(event.userId, event.userName, event.userDisplayName),
  };
}

/**
 * A first subscription is a `sub`. A gifted one (`is_gift`) is one recipient of a gift whose
 * gifter EventSub does not name here: a `gift` of 1 with that recipient and `gifter: null`, which
 * the events module folds into the `channel.subscription.gift` it belongs to.
 */
export function subscribeEvent(
  event: EventSubChannelSubscriptionEvent,
  base: EventSubEventBase,
): SubEvent | GiftEvent {
  const subscriber = user(event.userId, event.userName, event.userDisplayName);
  if (!event.isGift) return { ...base, type: 'sub', user: subscriber, plan: event.tier };
  return {
    ...base,
    type: 'gift',
    gifter: null,
    plan: event.tier,
    count: 1,
    recipients: [subscriber],
    gifterTotal: null,
  };
}

/** "N gifts are coming": EventSub never names their recipients here (`recipients: []`). */
export function subscriptionGiftEvent(
  event: EventSubChannelSubscriptionGiftEvent,
  base: EventSubEventBase,
): GiftEvent {
  const gifter =
    event.isAnonymous || event.gifterId === null
      ? null
      : user(event.gifterId, event.gifterName ?? '', event.gifterDisplayName ?? '');
  return {
    ...base,
    type: 'gift',
    gifter,
    plan: event.tier,
    count: event.amount,
    recipients: [],
    gifterTotal: gifter ? event.cumulativeAmount : null,
  };
}

export function subscriptionMessageEvent(
  event: EventSubChannelSubscriptionMessageEvent,
  base: EventSubEventBase,
): ResubEvent {
  return {
    ...base,
    type: 'resub',
    user: user(event.userId, event.userName, event.userDisplayName),
    plan: event.tier,
    cumulativeMonths: event.cumulativeMonths,
    streakMonths: event.streakMonths,
    durationMonths: event.durationMonths,
    message:
      event.messageText === ''
        ? null
        : { text: event.messageText, emotes: emoteRanges(event.emoteOffsets) },
  };
}

/** Anonymous cheers name nobody (`user_*` all null). EventSub gives no emote positions. */
export function cheerEvent(event: EventSubChannelCheerEvent, base: EventSubEventBase): CheerEvent {
  const cheerer =
    event.isAnonymous || event.userId === null
      ? null
      : user(event.userId, event.userName ?? '', event.userDisplayName ?? '');
  return {
    ...base,
    type: 'cheer',
    user: cheerer,
    bits: event.bits,
    message: { text: event.message, emotes: [] },
  };
}

export function raidEvent(event: EventSubChannelRaidEvent, base: EventSubEventBase): RaidEvent {
  return {
    ...base,
    type: 'raid',
    from: user(
      event.raidingBroadcasterId,
      event.raidingBroadcasterName,
      event.raidingBroadcasterDisplayName,
    ),
    viewers: event.viewers,
  };
}

export function redemptionEvent(
  event: EventSubChannelRedemptionAddEvent,
  base: EventSubEventBase,
): RedemptionEvent {
  const status = REDEMPTION_STATUSES.find((known) => known === event.status) ?? 'unknown';
  return {
    ...base,
    type: 'redemption',
    occurredAt: event.redemptionDate.toISOString(),
    redemptionId: event.id,
    user: user(event.userId, event.userName, event.userDisplayName),
    reward: {
      id: event.rewardId,
      title: event.rewardTitle,
      cost: event.rewardCost,
      prompt: event.rewardPrompt,
    },
    userInput: event.input,
    status,
  };
}

export function hypeTrainBeginEvent(
  event: EventSubChannelHypeTrainBeginV2Event,
  base: EventSubEventBase,
): HypeTrainEvent {
  return {
    ...base,
    type: 'hype_train.begin',
    occurredAt: event.startDate.toISOString(),
    trainId: event.id,
    level: event.level,
    total: event.total,
    progress: event.progress,
    goal: event.goal,
    topContributors: event.topContributors.map(contribution),
  };
}

/** The end says nothing of progress or goal: both 0. */
export function hypeTrainEndEvent(
  event: EventSubChannelHypeTrainEndV2Event,
  base: EventSubEventBase,
): HypeTrainEvent {
  return {
    ...base,
    type: 'hype_train.end',
    occurredAt: event.endDate.toISOString(),
    trainId: event.id,
    level: event.level,
    total: event.total,
    progress: 0,
    goal: 0,
    topContributors: event.topContributors.map(contribution),
  };
}

export function pollBeginEvent(
  event: EventSubChannelPollBeginEvent,
  base: EventSubEventBase,
): PollEvent {
  return {
    ...base,
    type: 'poll.begin',
    occurredAt: event.startDate.toISOString(),
    pollId: event.id,
    title: event.title,
    choices: event.choices.map(({ id, title }) => ({ id, title, votes: 0 })),
    endsAt: event.endDate.toISOString(),
    status: 'active',
  };
}

export function pollEndEvent(
  event: EventSubChannelPollEndEvent,
  base: EventSubEventBase,
): PollEvent {
  const ended = event.endDate.toISOString();
  return {
    ...base,
    type: 'poll.end',
    occurredAt: ended,
    pollId: event.id,
    title: event.title,
    choices: event.choices.map(({ id, title, totalVotes }) => ({ id, title, votes: totalVotes })),
    endsAt: ended,
    status: event.status,
  };
}

export function predictionBeginEvent(
  event: EventSubChannelPredictionBeginEvent,
  base: EventSubEventBase,
): PredictionEvent {
  return {
    ...base,
    type: 'prediction.begin',
    occurredAt: event.startDate.toISOString(),
    predictionId: event.id,
    title: event.title,
    outcomes: event.outcomes.map(({ id, title, color }) => ({
      id,
      title,
      color,
      users: 0,
      channelPoints: 0,
    })),
    locksAt: event.lockDate.toISOString(),
    winningOutcomeId: null,
    status: 'active',
  };
}

export function predictionEndEvent(
  event: EventSubChannelPredictionEndEvent,
  base: EventSubEventBase,
): PredictionEvent {
  const ended = event.endDate.toISOString();
  return {
    ...base,
    type: 'prediction.end',
    occurredAt: ended,
    predictionId: event.id,
    title: event.title,
    outcomes: event.outcomes.map(({ id, title, color, users, channelPoints }) => ({
      id,
      title,
      color,
      users,
      channelPoints,
    })),
    locksAt: ended,
    winningOutcomeId: event.winningOutcomeId,
    status: event.status,
  };
}

export function shoutoutEvent(
  event: EventSubChannelShoutoutCreateEvent,
  base: EventSubEventBase,
): ShoutoutEvent {
  return {
    ...base,
    type: 'shoutout',
    occurredAt: event.startDate.toISOString(),
    to: user(
      event.shoutedOutBroadcasterId,
      event.shoutedOutBroadcasterName,
      event.shoutedOutBroadcasterDisplayName,
    ),
    moderator: user(event.moderatorId, event.moderatorName, event.moderatorDisplayName),
    viewerCount: event.viewerCount,
  };
}

export function streamOnlineEvent(
  event: EventSubStreamOnlineEvent,
  base: EventSubEventBase,
): StreamOnlineEvent {
  const startedAt = event.startDate.toISOString();
  return { ...base, type: 'stream.online', occurredAt: startedAt, streamId: event.id, startedAt };
}

export function streamOfflineEvent(
  _event: EventSubStreamOfflineEvent,
  base: EventSubEventBase,
): StreamOfflineEvent {
  return { ...base, type: 'stream.offline' };
}

/** A ban with an end is a timeout. Twitch sends `reason: ""` when the moderator gave none. */
export function banEvent(
  event: EventSubChannelBanEvent,
  base: EventSubEventBase,
): ChatUserBannedEvent | ChatUserTimedOutEvent {
  const common = {
    ...base,
    occurredAt: event.startDate.toISOString(),
    rawIrc: null,
    user: user(event.userId, event.userName, event.userDisplayName),
    moderator: user(event.moderatorId, event.moderatorName, event.moderatorDisplayName),
    reason: event.reason === '' ? null : event.reason,
  };
  const ends = event.endDate;
  if (event.isPermanent || ends === null) return { ...common, type: 'chat.user_banned' };
  const durationSeconds = Math.max(
    1,
    Math.round((ends.getTime() - event.startDate.getTime()) / 1000),
  );
  return { ...common, type: 'chat.user_timed_out', durationSeconds };
}

/** EventSub does not say whether the unban ended a timeout: `wasTimeout` is false. */
export function unbanEvent(
  event: EventSubChannelUnbanEvent,
  base: EventSubEventBase,
): ChatUserUnbannedEvent {
  return {
    ...base,
    type: 'chat.user_unbanned',
    rawIrc: null,
    user: user(event.userId, event.userName, event.userDisplayName),
    moderator: user(event.moderatorId, event.moderatorName, event.moderatorDisplayName),
    wasTimeout: false,
  };
}

/** EventSub names neither the moderator nor the deleted text (the archive has the text). */
export function messageDeleteEvent(
  event: EventSubChannelChatMessageDeleteEvent,
  base: EventSubEventBase,
): ChatMessageDeletedEvent {
  return {
    ...base,
    type: 'chat.message_deleted',
    rawIrc: null,
    messageId: event.messageId,
    user: user(event.userId, event.userName, event.userDisplayName),
    text: '',
    moderator: null,
  };
}

/**
 * The chat's CLEARCHAT without a user, as EventSub tells it: it does not name the moderator. The
 * archive makes one clear of this and the IRC line.
 */
export function chatClearEvent(
  _event: EventSubChannelChatClearEvent,
  base: EventSubEventBase,
): ChatClearedEvent {
  return { ...base, type: 'chat.cleared', rawIrc: null, moderator: null };
}

function user(id: string, login: string, displayName: string): UserRef {
  return { id, login, displayName };
}

function contribution(entry: EventSubChannelHypeTrainContribution) {
  return {
    user: user(entry.userId, entry.userName, entry.userDisplayName),
    type: entry.type,
    total: entry.total,
  };
}

/** twurple groups emotes by id as `"begin-end"` strings; the contracts list them by position. */
function emoteRanges(offsets: Map<string, string[]>): EmoteRange[] {
  const ranges = [...offsets].flatMap(([id, spans]) =>
    spans.map((span) => {
      const [start, end] = span.split('-').map(Number);
      return { id, start: start ?? 0, end: end ?? 0 };
    }),
  );
  return ranges.sort((a, b) => a.start - b.start);
}
