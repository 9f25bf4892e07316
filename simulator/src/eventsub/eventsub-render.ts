import {
  type BanHappening,
  type GiftHappening,
  type Happening,
  type HappeningKind,
  type HypeTrainHappening,
  type PollHappening,
  type PredictionHappening,
  type RedemptionHappening,
  type SubscriptionHappening,
} from '../twitch/happenings.js';
import { type SimUser, type TwitchWorld } from '../world/twitch-world.js';
import { chatMessageEvent } from './chat-message-event.js';
import { nullableUserFields, timestamp, userFields } from './event-fields.js';
import { type EventSubType, SUBSCRIPTION_TYPES } from './subscription-types.js';

/** One EventSub notification a happening causes, before it is addressed to subscriptions. */
export interface EventSubNotification {
  type: EventSubType;
  version: string;
  /** The ids a subscription's condition must agree with to receive it. */
  condition: Record<string, string>;
  event: Record<string, unknown>;
}

type Broadcaster = ReturnType<typeof userFields<'broadcaster_user'>>;

/** Which notification types each kind of happening can cause (what `renderEventSub` returns). */
export const EVENTSUB_TYPES_BY_KIND: Readonly<Record<HappeningKind, readonly EventSubType[]>> = {
  'chat.message': ['channel.chat.message', 'channel.cheer'],
  'chat.message_delete': ['channel.chat.message_delete'],
  'moderation.ban': ['channel.ban', 'channel.chat.clear_user_messages'],
  'moderation.unban': ['channel.unban'],
  'chat.clear': ['channel.chat.clear'],
  subscription: ['channel.subscribe', 'channel.subscription.message'],
  gift: ['channel.subscription.gift', 'channel.subscribe'],
  raid: ['channel.raid'],
  follow: ['channel.follow'],
  redemption: ['channel.channel_points_custom_reward_redemption.add'],
  'poll.begin': ['channel.poll.begin'],
  'poll.end': ['channel.poll.end'],
  'prediction.begin': ['channel.prediction.begin'],
  'prediction.end': ['channel.prediction.end'],
  'hype_train.begin': ['channel.hype_train.begin'],
  'hype_train.end': ['channel.hype_train.end'],
  shoutout: ['channel.shoutout.create'],
  announcement: [],
  'stream.online': ['stream.online'],
  'stream.offline': ['stream.offline'],
};

/** Every EventSub notification Twitch sends when `h` happens; none for an announcement. */
export function renderEventSub(h: Happening, world: TwitchWorld): EventSubNotification[] {
  const inChannel = { broadcaster_user_id: h.channel.id };
  const broadcaster = userFields('broadcaster_user', h.channel);
  const notification = (
    type: EventSubType,
    event: Record<string, unknown>,
    condition: Record<string, string> = inChannel,
  ): EventSubNotification => ({
    type,
    version: SUBSCRIPTION_TYPES[type].version,
    condition,
    event,
  });

  switch (h.kind) {
    case 'stream.online':
      return [
        notification('stream.online', {
          id: h.streamId,
          ...broadcaster,
          type: 'live',
          started_at: timestamp(h.startedAt),
        }),
      ];
    case 'stream.offline':
      return [notification('stream.offline', broadcaster)];
    case 'follow':
      return [
        notification('channel.follow', {
          ...userFields('user', h.user),
          ...broadcaster,
          followed_at: timestamp(h.at),
        }),
      ];
    case 'subscription':
      return h.cumulativeMonths === 1
        ? [notification('channel.subscribe', subscribeEvent(h.user, broadcaster, h.tier, false))]
        : [notification('channel.subscription.message', resubscriptionEvent(h, broadcaster))];
    case 'gift':
      return [
        notification('channel.subscription.gift', giftEvent(h, broadcaster)),
        ...h.recipients.map((recipient) =>
          notification('channel.subscribe', subscribeEvent(recipient, broadcaster, h.tier, true)),
        ),
      ];
    case 'chat.message': {
      const chat = notification('channel.chat.message', chatMessageEvent(h, world));
      if (h.bits === 0) return [chat];
      const cheer = {
        is_anonymous: false,
        ...userFields('user', h.user),
        ...broadcaster,
        message: h.text,
        bits: h.bits,
      };
      return [chat, notification('channel.cheer', cheer)];
    }
    case 'raid': {
      const raid = {
        ...userFields('from_broadcaster_user', h.from),
        ...userFields('to_broadcaster_user', h.channel),
        viewers: h.viewers,
      };
      const sides = { from_broadcaster_user_id: h.from.id, to_broadcaster_user_id: h.channel.id };
      return [notification('channel.raid', raid, sides)];
    }
    case 'redemption':
      return [
        notification(
          'channel.channel_points_custom_reward_redemption.add',
          redemptionEvent(h, broadcaster),
          { ...inChannel, reward_id: h.reward.id },
        ),
      ];
    case 'hype_train.begin':
    case 'hype_train.end':
      return [notification(`channel.${h.kind}`, hypeTrainEvent(h, broadcaster))];
    case 'poll.begin':
    case 'poll.end':
      return [notification(`channel.${h.kind}`, pollEvent(h, broadcaster))];
    case 'prediction.begin':
    case 'prediction.end':
      return [notification(`channel.${h.kind}`, predictionEvent(h, broadcaster))];
    case 'shoutout':
      return [
        notification('channel.shoutout.create', {
          ...broadcaster,
          ...userFields('to_broadcaster_user', h.to),
          ...userFields('moderator_user', h.moderator),
          viewer_count: h.viewerCount,
          started_at: timestamp(h.at),
          cooldown_ends_at: timestamp(h.cooldownEndsAt),
          target_cooldown_ends_at: timestamp(h.targetCooldownEndsAt),
        }),
      ];
    case 'moderation.ban':
      return [
        notification('channel.ban', banEvent(h, broadcaster)),
        notification('channel.chat.clear_user_messages', targetEvent(broadcaster, h.user)),
      ];
    case 'moderation.unban':
      return [
        notification('channel.unban', {
          ...userFields('user', h.user),
          ...broadcaster,
          ...userFields('moderator_user', h.moderator),
        }),
      ];
    case 'chat.message_delete': {
      const deletion = { ...targetEvent(broadcaster, h.user), message_id: h.messageId };
      return [notification('channel.chat.message_delete', deletion)];
    }
    case 'chat.clear':
      return [notification('channel.chat.clear', broadcaster)];
    case 'announcement':
      return [];
  }
}

function subscribeEvent(user: SimUser, broadcaster: Broadcaster, tier: string, isGift: boolean) {
  return { ...userFields('user', user), ...broadcaster, tier, is_gift: isGift };
}

function resubscriptionEvent(h: SubscriptionHappening, broadcaster: Broadcaster) {
  const emotes = h.message?.emotes ?? [];
  return {
    ...userFields('user', h.user),
    ...broadcaster,
    tier: h.tier,
    message: {
      text: h.message?.text ?? '',
      emotes: emotes.length
        ? emotes.map(({ id, start, end }) => ({ begin: start, end, id }))
        : null,
    },
    cumulative_months: h.cumulativeMonths,
    streak_months: h.streakMonths,
    duration_months: h.durationMonths,
  };
}

function giftEvent(h: GiftHappening, broadcaster: Broadcaster) {
  return {
    ...nullableUserFields('user', h.gifter),
    ...broadcaster,
    total: h.recipients.length,
    tier: h.tier,
    cumulative_total: h.gifter ? h.gifterTotal : null,
    is_anonymous: h.gifter === null,
  };
}

function redemptionEvent(h: RedemptionHappening, broadcaster: Broadcaster) {
  const { id, title, cost, prompt } = h.reward;
  return {
    id: h.id,
    ...broadcaster,
    ...userFields('user', h.user),
    user_input: h.userInput,
    status: h.status,
    reward: { id, title, cost, prompt },
    redeemed_at: timestamp(h.at),
  };
}

function hypeTrainEvent(h: HypeTrainHappening, broadcaster: Broadcaster) {
  const head = { id: h.id, ...broadcaster, total: h.total };
  const topContributions = h.topContributions.map(({ user, type, total }) => ({
    ...userFields('user', user),
    type,
    total,
  }));
  const shared = { shared_train_participants: null, started_at: timestamp(h.startedAt) };
  const tail = { is_shared_train: false, type: 'regular' };
  if (h.kind === 'hype_train.begin') {
    return {
      ...head,
      progress: h.progress,
      goal: h.goal,
      top_contributions: topContributions,
      level: h.level,
      all_time_high_level: h.allTimeHighLevel,
      all_time_high_total: h.allTimeHighTotal,
      ...shared,
      expires_at: timestamp(h.endsAt),
      ...tail,
    };
  }
  return {
    ...head,
    top_contributions: topContributions,
    level: h.level,
    ...shared,
    ended_at: timestamp(h.endsAt),
    cooldown_ends_at: timestamp(h.cooldownEndsAt),
    ...tail,
  };
}

function pollEvent(h: PollHappening, broadcaster: Broadcaster) {
  const head = { id: h.id, ...broadcaster, title: h.title };
  const voting = {
    bits_voting: { is_enabled: false, amount_per_vote: 0 },
    channel_points_voting: {
      is_enabled: h.channelPointsVoting.isEnabled,
      amount_per_vote: h.channelPointsVoting.amountPerVote,
    },
  };
  if (h.kind === 'poll.begin') {
    return {
      ...head,
      choices: h.choices.map(({ id, title }) => ({ id, title })),
      ...voting,
      started_at: timestamp(h.startedAt),
      ends_at: timestamp(h.endsAt),
    };
  }
  return {
    ...head,
    choices: h.choices.map(({ id, title, votes, channelPointsVotes }) => ({
      id,
      title,
      bits_votes: 0,
      channel_points_votes: channelPointsVotes,
      votes,
    })),
    ...voting,
    status: h.status === 'active' ? 'completed' : h.status,
    started_at: timestamp(h.startedAt),
    ended_at: timestamp(h.endsAt),
  };
}

function predictionEvent(h: PredictionHappening, broadcaster: Broadcaster) {
  const head = { id: h.id, ...broadcaster, title: h.title };
  if (h.kind === 'prediction.begin') {
    return {
      ...head,
      outcomes: h.outcomes.map(({ id, title, color }) => ({ id, title, color })),
      started_at: timestamp(h.startedAt),
      locks_at: timestamp(h.locksAt),
    };
  }
  return {
    ...head,
    winning_outcome_id: h.winningOutcomeId,
    outcomes: h.outcomes.map((outcome) => ({
      id: outcome.id,
      title: outcome.title,
      color: outcome.color,
      users: outcome.users,
      channel_points: outcome.channelPoints,
      top_predictors: outcome.topPredictors.map(
        ({ user, channelPointsWon, channelPointsUsed }) => ({
          user_name: user.displayName,
          user_login: user.login,
          user_id: user.id,
          channel_points_won: channelPointsWon,
          channel_points_used: channelPointsUsed,
        }),
      ),
    })),
    status: h.status === 'active' ? 'resolved' : h.status,
    started_at: timestamp(h.startedAt),
    ended_at: timestamp(h.locksAt),
  };
}

function banEvent(h: BanHappening, broadcaster: Broadcaster) {
  const { durationSeconds } = h;
  return {
    ...userFields('user', h.user),
    ...broadcaster,
    ...userFields('moderator_user', h.moderator),
    reason: h.reason,
    banned_at: timestamp(h.at),
    ends_at: durationSeconds === null ? null : timestamp(h.at + durationSeconds * 1000),
    is_permanent: durationSeconds === null,
  };
}

function targetEvent(broadcaster: Broadcaster, target: SimUser) {
  return { ...broadcaster, ...userFields('target_user', target) };
}
