import { type SimUser, type SubTier, type TwitchWorld } from '../world/twitch-world.js';
import {
  type AnnouncementHappening,
  type BanHappening,
  type ChatClearHappening,
  type ChatMessageHappening,
  type FollowHappening,
  type GiftHappening,
  type HypeTrainContribution,
  type HypeTrainHappening,
  type MessageDeleteHappening,
  type PollHappening,
  type PredictionHappening,
  type RaidHappening,
  type RedemptionHappening,
  type ShoutoutHappening,
  type SimEmote,
  type StreamOfflineHappening,
  type StreamOnlineHappening,
  type SubscriptionHappening,
  type UnbanHappening,
} from './happenings.js';

export type ChatMessageOptions = Partial<
  Pick<
    ChatMessageHappening,
    'action' | 'bits' | 'emotes' | 'firstMessage' | 'returningChatter' | 'customRewardId'
  >
>;

export interface SubscriptionOptions {
  tier?: SubTier;
  isPrime?: boolean;
  cumulativeMonths?: number;
  /** `null`: the user does not share a streak. */
  streakMonths?: number | null;
  message?: { text: string; emotes?: SimEmote[] } | null;
}

export interface GiftOptions {
  /** A gift to the community, its recipients picked by Twitch; default: more than one recipient. */
  mystery?: boolean;
}

const MINUTE = 60_000;

/**
 * Builds happenings with fresh ids (from the world's seeded random) and the world's clock, so
 * tests and the traffic generator say what happens and not how Twitch numbers it.
 */
export class HappeningFactory {
  constructor(private readonly world: TwitchWorld) {}

  chatMessage(
    channel: SimUser,
    user: SimUser,
    text: string,
    options: ChatMessageOptions = {},
  ): ChatMessageHappening {
    return {
      kind: 'chat.message',
      channel: channel,
      at: this.world.clock.now(),
      id: this.world.random.uuid(),
      user,
      text,
      action: options.action ?? false,
      bits: options.bits ?? 0,
      emotes: options.emotes ?? [],
      reply: null,
      firstMessage: options.firstMessage ?? false,
      returningChatter: options.returningChatter ?? false,
      customRewardId: options.customRewardId ?? null,
    };
  }

  /** A reply: Twitch prefixes the text with `@ParentDisplayName `. */
  reply(parent: ChatMessageHappening, user: SimUser, text: string): ChatMessageHappening {
    const thread = parent.reply;
    return {
      ...this.chatMessage(parent.channel, user, `@${parent.user.displayName} ${text}`),
      reply: {
        parentId: parent.id,
        parentUser: parent.user,
        parentText: parent.text,
        threadParentId: thread?.threadParentId ?? parent.id,
        threadParentUser: thread?.threadParentUser ?? parent.user,
      },
    };
  }

  deleteMessage(message: ChatMessageHappening, moderator: SimUser): MessageDeleteHappening {
    return {
      kind: 'chat.message_delete',
      channel: message.channel,
      at: this.world.clock.now(),
      messageId: message.id,
      user: message.user,
      text: message.text,
      action: message.action,
      moderator,
    };
  }

  timeout(
    channel: SimUser,
    user: SimUser,
    moderator: SimUser,
    seconds: number,
    reason = '',
  ): BanHappening {
    return {
      kind: 'moderation.ban',
      channel: channel,
      at: this.world.clock.now(),
      user,
      moderator,
      reason,
      durationSeconds: seconds,
    };
  }

  ban(channel: SimUser, user: SimUser, moderator: SimUser, reason = ''): BanHappening {
    return {
      kind: 'moderation.ban',
      channel: channel,
      at: this.world.clock.now(),
      user,
      moderator,
      reason,
      durationSeconds: null,
    };
  }

  unban(channel: SimUser, user: SimUser, moderator: SimUser): UnbanHappening {
    return {
      kind: 'moderation.unban',
      channel: channel,
      at: this.world.clock.now(),
      user,
      moderator,
    };
  }

  clearChat(channel: SimUser, moderator: SimUser): ChatClearHappening {
    return { kind: 'chat.clear', channel: channel, at: this.world.clock.now(), moderator };
  }

  subscription(
    channel: SimUser,
    user: SimUser,
    options: SubscriptionOptions = {},
  ): SubscriptionHappening {
    const cumulativeMonths = options.cumulativeMonths ?? 1;
    return {
      kind: 'subscription',
      channel: channel,
      at: this.world.clock.now(),
      user,
      tier: options.tier ?? '1000',
      isPrime: options.isPrime ?? false,
      cumulativeMonths,
      streakMonths: options.streakMonths === undefined ? cumulativeMonths : options.streakMonths,
      durationMonths: 1,
      message: options.message
        ? { text: options.message.text, emotes: options.message.emotes ?? [] }
        : null,
    };
  }

  /**
   * A single gift (IRC `subgift`) or a mystery gift to the community ("gift bomb"): one
   * `submysterygift` and a `subgift` per recipient, sharing one id. Several recipients are a
   * mystery gift unless `mystery` says otherwise; a community gift of one needs `mystery: true`.
   */
  gift(
    channel: SimUser,
    gifter: SimUser | null,
    recipients: SimUser[],
    tier: SubTier = '1000',
    options: GiftOptions = {},
  ): GiftHappening {
    const mystery = options.mystery ?? recipients.length > 1;
    const previousGifts = gifter
      ? [...(this.world.channels.get(channel.id)?.subscriptions.values() ?? [])].filter(
          (subscription) => subscription.gifterId === gifter.id,
        ).length
      : 0;
    return {
      kind: 'gift',
      channel: channel,
      at: this.world.clock.now(),
      gifter,
      recipients,
      tier,
      communityGiftId: mystery ? this.world.random.digits(19) : null,
      gifterTotal: gifter ? previousGifts + recipients.length : null,
    };
  }

  raid(channel: SimUser, from: SimUser, viewers: number): RaidHappening {
    return { kind: 'raid', channel: channel, at: this.world.clock.now(), from, viewers };
  }

  follow(channel: SimUser, user: SimUser): FollowHappening {
    return { kind: 'follow', channel: channel, at: this.world.clock.now(), user };
  }

  redemption(
    channel: SimUser,
    user: SimUser,
    reward: RedemptionHappening['reward'],
    userInput = '',
  ): RedemptionHappening {
    return {
      kind: 'redemption',
      channel: channel,
      at: this.world.clock.now(),
      id: this.world.random.uuid(),
      user,
      reward,
      userInput,
      status: 'unfulfilled',
    };
  }

  pollBegin(
    channel: SimUser,
    title: string,
    choices: string[],
    durationMs = 2 * MINUTE,
  ): PollHappening {
    const at = this.world.clock.now();
    return {
      kind: 'poll.begin',
      channel: channel,
      at: this.world.clock.now(),
      id: this.world.random.uuid(),
      title,
      choices: choices.map((choice) => ({
        id: this.world.random.uuid(),
        title: choice,
        votes: 0,
        channelPointsVotes: 0,
      })),
      channelPointsVoting: { isEnabled: false, amountPerVote: 10 },
      startedAt: at,
      endsAt: at + durationMs,
      status: 'active',
    };
  }

  /** The end of `poll`, with `votes[i]` votes for its i-th choice. */
  pollEnd(poll: PollHappening, votes: number[]): PollHappening {
    return {
      ...poll,
      kind: 'poll.end',
      channel: poll.channel,
      at: this.world.clock.now(),
      choices: poll.choices.map((choice, i) => ({ ...choice, votes: votes[i] ?? 0 })),
      endsAt: this.world.clock.now(),
      status: 'completed',
    };
  }

  predictionBegin(
    channel: SimUser,
    title: string,
    outcomes: [string, string],
    lockAfterMs = 2 * MINUTE,
  ): PredictionHappening {
    const at = this.world.clock.now();
    return {
      kind: 'prediction.begin',
      channel: channel,
      at: this.world.clock.now(),
      id: this.world.random.uuid(),
      title,
      outcomes: outcomes.map((title, i) => ({
        id: this.world.random.uuid(),
        title,
        color: i === 0 ? 'blue' : 'pink',
        users: 0,
        channelPoints: 0,
        topPredictors: [],
      })),
      startedAt: at,
      locksAt: at + lockAfterMs,
      winningOutcomeId: null,
      status: 'active',
    };
  }

  /** The end of `prediction`; `predictors[i]` bet on its i-th outcome, `winner` is the index. */
  predictionEnd(
    prediction: PredictionHappening,
    winner: number,
    predictors: { user: SimUser; points: number }[][],
  ): PredictionHappening {
    const outcomes = prediction.outcomes.map((outcome, i) => {
      const bets = predictors[i] ?? [];
      const pool = predictors.flat().reduce((sum, bet) => sum + bet.points, 0);
      const side = bets.reduce((sum, bet) => sum + bet.points, 0);
      return {
        ...outcome,
        users: bets.length,
        channelPoints: side,
        topPredictors: bets.slice(0, 10).map((bet) => ({
          user: bet.user,
          channelPointsUsed: bet.points,
          channelPointsWon:
            i === winner && side > 0 ? Math.floor((bet.points / side) * pool) : null,
        })),
      };
    });
    return {
      ...prediction,
      kind: 'prediction.end',
      channel: prediction.channel,
      at: this.world.clock.now(),
      outcomes,
      locksAt: this.world.clock.now(),
      winningOutcomeId: prediction.outcomes[winner]?.id ?? null,
      status: 'resolved',
    };
  }

  hypeTrainBegin(channel: SimUser, contributions: HypeTrainContribution[]): HypeTrainHappening {
    const at = this.world.clock.now();
    const total = contributions.reduce((sum, contribution) => sum + contribution.total, 0);
    return {
      kind: 'hype_train.begin',
      channel: channel,
      at: this.world.clock.now(),
      id: this.world.random.uuid(),
      level: 1,
      total,
      progress: total,
      goal: 1_800,
      topContributions: contributions.slice(0, 3),
      startedAt: at,
      endsAt: at + 5 * MINUTE,
      cooldownEndsAt: at + 65 * MINUTE,
      allTimeHighLevel: 3,
      allTimeHighTotal: 12_000,
    };
  }

  hypeTrainEnd(train: HypeTrainHappening, level: number, total: number): HypeTrainHappening {
    const at = this.world.clock.now();
    return {
      ...train,
      kind: 'hype_train.end',
      channel: train.channel,
      at: this.world.clock.now(),
      level,
      total,
      progress: 0,
      endsAt: at,
      cooldownEndsAt: at + 60 * MINUTE,
    };
  }

  shoutout(
    channel: SimUser,
    moderator: SimUser,
    to: SimUser,
    viewerCount: number,
  ): ShoutoutHappening {
    const at = this.world.clock.now();
    return {
      kind: 'shoutout',
      channel: channel,
      at: this.world.clock.now(),
      moderator,
      to,
      viewerCount,
      cooldownEndsAt: at + 2 * MINUTE,
      targetCooldownEndsAt: at + 60 * MINUTE,
    };
  }

  announcement(
    channel: SimUser,
    user: SimUser,
    text: string,
    color: AnnouncementHappening['color'] = 'PRIMARY',
  ): AnnouncementHappening {
    return {
      kind: 'announcement',
      channel: channel,
      at: this.world.clock.now(),
      id: this.world.random.uuid(),
      user,
      text,
      color,
    };
  }

  streamOnline(channel: SimUser): StreamOnlineHappening {
    return {
      kind: 'stream.online',
      channel: channel,
      at: this.world.clock.now(),
      streamId: this.world.random.digits(11),
      startedAt: this.world.clock.now(),
    };
  }

  streamOffline(channel: SimUser): StreamOfflineHappening {
    return { kind: 'stream.offline', channel, at: this.world.clock.now() };
  }
}
