import { type SimUser, type SubTier } from '../world/twitch-world.js';

/**
 * Something that happens on the simulated Twitch. Each transport renders it as the real Twitch
 * would: chat over IRC (PRIVMSG, CLEARCHAT, USERNOTICE, …) and EventSub as signed webhook
 * notifications, so the two never disagree about what happened.
 */
export type Happening =
  | ChatMessageHappening
  | MessageDeleteHappening
  | BanHappening
  | UnbanHappening
  | ChatClearHappening
  | SubscriptionHappening
  | GiftHappening
  | RaidHappening
  | FollowHappening
  | RedemptionHappening
  | PollHappening
  | PredictionHappening
  | HypeTrainHappening
  | ShoutoutHappening
  | AnnouncementHappening
  | StreamOnlineHappening
  | StreamOfflineHappening;

export type HappeningKind = Happening['kind'];

interface Base<K extends string> {
  kind: K;
  /** The broadcaster whose channel it happens in. */
  channel: SimUser;
  /** Epoch ms. */
  at: number;
}

/** Inclusive code-point offsets into the message text, as Twitch reports them. */
export interface SimEmote {
  id: string;
  start: number;
  end: number;
}

export interface ChatMessageHappening extends Base<'chat.message'> {
  /** The message UUID (IRC `id`, EventSub `message_id`). */
  id: string;
  user: SimUser;
  text: string;
  /** `/me`: IRC wraps it in `\x01ACTION …\x01`. */
  action: boolean;
  /** Bits cheered in this message; 0 when none. Also an EventSub `channel.cheer`. */
  bits: number;
  emotes: SimEmote[];
  reply: {
    parentId: string;
    parentUser: SimUser;
    parentText: string;
    threadParentId: string;
    threadParentUser: SimUser;
  } | null;
  firstMessage: boolean;
  returningChatter: boolean;
  /** Set for a channel-points redemption that carries text. */
  customRewardId: string | null;
}

export interface MessageDeleteHappening extends Base<'chat.message_delete'> {
  messageId: string;
  user: SimUser;
  text: string;
  /** The deleted message was a `/me`: CLEARMSG keeps its `\x01ACTION …\x01` wrapper. */
  action: boolean;
  moderator: SimUser;
}

/** A timeout when `durationSeconds` is a number, a permanent ban when it is `null`. */
export interface BanHappening extends Base<'moderation.ban'> {
  user: SimUser;
  moderator: SimUser;
  reason: string;
  durationSeconds: number | null;
}

export interface UnbanHappening extends Base<'moderation.unban'> {
  user: SimUser;
  moderator: SimUser;
}

export interface ChatClearHappening extends Base<'chat.clear'> {
  moderator: SimUser;
}

/** A new subscription (`cumulativeMonths` 1) or a shared resub (more). */
export interface SubscriptionHappening extends Base<'subscription'> {
  user: SimUser;
  tier: SubTier;
  isPrime: boolean;
  cumulativeMonths: number;
  /** `null` when the user does not share their streak. */
  streakMonths: number | null;
  durationMonths: number;
  message: { text: string; emotes: SimEmote[] } | null;
}

/**
 * Gifted subscriptions. Without `communityGiftId`: a `subgift` per recipient; with it, a mystery
 * gift (of any count, even one): one `submysterygift` and one `subgift` per recipient sharing the id.
 */
export interface GiftHappening extends Base<'gift'> {
  /** `null` for an anonymous gifter. */
  gifter: SimUser | null;
  recipients: SimUser[];
  tier: SubTier;
  communityGiftId: string | null;
  /** The gifter's lifetime gift count in this channel after this gift; `null` if anonymous. */
  gifterTotal: number | null;
}

export interface RaidHappening extends Base<'raid'> {
  from: SimUser;
  viewers: number;
}

export interface FollowHappening extends Base<'follow'> {
  user: SimUser;
}

export interface RedemptionHappening extends Base<'redemption'> {
  id: string;
  user: SimUser;
  reward: { id: string; title: string; cost: number; prompt: string };
  userInput: string;
  status: 'unfulfilled' | 'fulfilled' | 'canceled' | 'unknown';
}

export interface PollChoice {
  id: string;
  title: string;
  votes: number;
  channelPointsVotes: number;
}

export interface PollHappening extends Base<'poll.begin' | 'poll.end'> {
  id: string;
  title: string;
  choices: PollChoice[];
  channelPointsVoting: { isEnabled: boolean; amountPerVote: number };
  startedAt: number;
  /** `poll.begin`: when it will end; `poll.end`: when it ended. */
  endsAt: number;
  status: 'active' | 'completed' | 'archived' | 'terminated';
}

export interface PredictionOutcome {
  id: string;
  title: string;
  color: 'blue' | 'pink';
  users: number;
  channelPoints: number;
  topPredictors: { user: SimUser; channelPointsUsed: number; channelPointsWon: number | null }[];
}

export interface PredictionHappening extends Base<'prediction.begin' | 'prediction.end'> {
  id: string;
  title: string;
  outcomes: PredictionOutcome[];
  startedAt: number;
  /** `prediction.begin`: when it locks; `prediction.end`: when it ended. */
  locksAt: number;
  winningOutcomeId: string | null;
  status: 'active' | 'resolved' | 'canceled';
}

export interface HypeTrainContribution {
  user: SimUser;
  type: 'bits' | 'subscription' | 'other';
  total: number;
}

export interface HypeTrainHappening extends Base<'hype_train.begin' | 'hype_train.end'> {
  id: string;
  level: number;
  total: number;
  progress: number;
  goal: number;
  topContributions: HypeTrainContribution[];
  startedAt: number;
  /** `begin`: when it expires; `end`: when it ended. */
  endsAt: number;
  cooldownEndsAt: number;
  allTimeHighLevel: number;
  allTimeHighTotal: number;
}

export interface ShoutoutHappening extends Base<'shoutout'> {
  moderator: SimUser;
  to: SimUser;
  viewerCount: number;
  cooldownEndsAt: number;
  targetCooldownEndsAt: number;
}

export interface AnnouncementHappening extends Base<'announcement'> {
  id: string;
  user: SimUser;
  text: string;
  color: 'PRIMARY' | 'BLUE' | 'GREEN' | 'ORANGE' | 'PURPLE';
}

export interface StreamOnlineHappening extends Base<'stream.online'> {
  streamId: string;
  startedAt: number;
}

export type StreamOfflineHappening = Base<'stream.offline'>;
