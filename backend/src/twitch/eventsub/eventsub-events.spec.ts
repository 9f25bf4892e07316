import {
  EventSubChannelBanEvent,
  EventSubChannelChatClearEvent,
  EventSubChannelChatMessageDeleteEvent,
  EventSubChannelCheerEvent,
  EventSubChannelFollowEvent,
  EventSubChannelHypeTrainBeginV2Event,
  EventSubChannelHypeTrainEndV2Event,
  EventSubChannelPollBeginEvent,
  EventSubChannelPollEndEvent,
  EventSubChannelPredictionBeginEvent,
  EventSubChannelPredictionEndEvent,
  EventSubChannelRaidEvent,
  EventSubChannelRedemptionAddEvent,
  EventSubChannelShoutoutCreateEvent,
  EventSubChannelSubscriptionEvent,
  EventSubChannelSubscriptionGiftEvent,
  EventSubChannelSubscriptionMessageEvent,
  EventSubChannelUnbanEvent,
  EventSubStreamOfflineEvent,
  EventSubStreamOnlineEvent,
} from '@twurple/eventsub-base';
import { describe, expect, it } from 'vitest';
import * as sut from './eventsub-events.js';
import { type EventSubEventBase } from './eventsub-events.js';

/** Payloads shaped as in PROTOCOL.md section B (timestamps with nanoseconds, ids as strings). */
const broadcaster = {
  broadcaster_user_id: '1001',
  broadcaster_user_login: 'teamcaptain',
  broadcaster_user_name: 'TeamCaptain',
};
const viewer = { user_id: '2002', user_login: 'pixel_wolf', user_name: 'Pixel_Wolf' };
const moderator = {
  moderator_user_id: '3003',
  moderator_user_login: 'modmin',
  moderator_user_name: 'ModMin',
};
const base: EventSubEventBase = {
  eventId: 'eventsub:test:1',
  channel: { id: '1001', login: 'teamcaptain', displayName: 'TeamCaptain' },
  occurredAt: '2026-11-22T12:00:00.000Z',
  source: 'eventsub',
};
const pixelWolf = { id: '2002', login: 'pixel_wolf', displayName: 'Pixel_Wolf' };
const modMin = { id: '3003', login: 'modmin', displayName: 'ModMin' };

describe('EventSub events', () => {
  it('keeps the base and takes the follow time as occurredAt', () => {
    const follow = new EventSubChannelFollowEvent({
      ...viewer,
      ...broadcaster,
      followed_at: '2026-11-22T10:11:12.123456789Z',
    });

    expect(sut.followEvent(follow, base)).toEqual({
      ...base,
      type: 'follow',
      occurredAt: '2026-11-22T10:11:12.123Z',
      user: pixelWolf,
    });
  });

  it('makes a first subscription a sub, and a gifted one a gift of one without a gifter', () => {
    const data = { ...viewer, ...broadcaster, tier: '2000' as const };

    expect(
      sut.subscribeEvent(new EventSubChannelSubscriptionEvent({ ...data, is_gift: false }), base),
    ).toEqual({ ...base, type: 'sub', user: pixelWolf, plan: '2000' });
    expect(
      sut.subscribeEvent(new EventSubChannelSubscriptionEvent({ ...data, is_gift: true }), base),
    ).toEqual({
      ...base,
      type: 'gift',
      gifter: null,
      plan: '2000',
      count: 1,
      recipients: [pixelWolf],
      gifterTotal: null,
    });
  });

  it('makes a community gift a gift with its count and no recipients, anonymous or not', () => {
    const named = new EventSubChannelSubscriptionGiftEvent({
      ...viewer,
      ...broadcaster,
      total: 5,
      tier: '1000',
      cumulative_total: 12,
      is_anonymous: false,
    });
    const anonymous = new EventSubChannelSubscriptionGiftEvent({
      user_id: null,
      user_login: null,
      user_name: null,
      ...broadcaster,
      total: 3,
      tier: '3000',
      cumulative_total: null,
      is_anonymous: true,
    } as unknown as ConstructorParameters<typeof EventSubChannelSubscriptionGiftEvent>[0]);

    expect(sut.subscriptionGiftEvent(named, base)).toEqual({
      ...base,
      type: 'gift',
      gifter: pixelWolf,
      plan: '1000',
      count: 5,
      recipients: [],
      gifterTotal: 12,
    });
    expect(sut.subscriptionGiftEvent(anonymous, base)).toMatchObject({
      gifter: null,
      count: 3,
      plan: '3000',
      gifterTotal: null,
    });
  });

  it('makes a shared resubscription a resub with its message and emotes in order', () => {
    const resub = new EventSubChannelSubscriptionMessageEvent({
      ...viewer,
      ...broadcaster,
      tier: '1000',
      message: {
        text: 'Kappa nine months Kappa PogChamp',
        emotes: [
          { begin: 0, end: 4, id: '25' },
          { begin: 24, end: 31, id: '88' },
          { begin: 18, end: 22, id: '25' },
        ],
      },
      cumulative_months: 9,
      streak_months: null,
      duration_months: 1,
    });
    const silent = new EventSubChannelSubscriptionMessageEvent({
      ...viewer,
      ...broadcaster,
      tier: '1000',
      message: { text: '', emotes: null },
      cumulative_months: 2,
      streak_months: 2,
      duration_months: 1,
    } as unknown as ConstructorParameters<typeof EventSubChannelSubscriptionMessageEvent>[0]);

    expect(sut.subscriptionMessageEvent(resub, base)).toEqual({
      ...base,
      type: 'resub',
      user: pixelWolf,
      plan: '1000',
      cumulativeMonths: 9,
      streakMonths: null,
      durationMonths: 1,
      message: {
        text: 'Kappa nine months Kappa PogChamp',
        emotes: [
          { id: '25', start: 0, end: 4 },
          { id: '25', start: 18, end: 22 },
          { id: '88', start: 24, end: 31 },
        ],
      },
    });
    expect(sut.subscriptionMessageEvent(silent, base)).toMatchObject({ message: null });
  });

  it('names nobody for an anonymous cheer', () => {
    const cheer = new EventSubChannelCheerEvent({
      is_anonymous: true,
      user_id: null,
      user_login: null,
      user_name: null,
      ...broadcaster,
      message: 'Cheer100 hi',
      bits: 100,
    });

    expect(sut.cheerEvent(cheer, base)).toEqual({
      ...base,
      type: 'cheer',
      user: null,
      bits: 100,
      message: { text: 'Cheer100 hi', emotes: [] },
    });
  });

  it('names the raiding channel of a raid', () => {
    const raid = new EventSubChannelRaidEvent({
      from_broadcaster_user_id: '4004',
      from_broadcaster_user_login: 'raider',
      from_broadcaster_user_name: 'Raider',
      to_broadcaster_user_id: '1001',
      to_broadcaster_user_login: 'teamcaptain',
      to_broadcaster_user_name: 'TeamCaptain',
      viewers: 42,
    });

    expect(sut.raidEvent(raid, base)).toEqual({
      ...base,
      type: 'raid',
      from: { id: '4004', login: 'raider', displayName: 'Raider' },
      viewers: 42,
    });
  });

  it('keeps a redemption with its reward, and an unknown status as unknown', () => {
    const data = {
      id: 'r-1',
      ...broadcaster,
      ...viewer,
      user_input: 'play the song',
      reward: { id: 'rw-1', title: 'Song request', cost: 500, prompt: 'Which one?' },
      redeemed_at: '2026-11-22T10:00:00.5Z',
    };
    const redemption = new EventSubChannelRedemptionAddEvent({ ...data, status: 'fulfilled' });
    const odd = new EventSubChannelRedemptionAddEvent({
      ...data,
      status: 'later',
    } as unknown as ConstructorParameters<typeof EventSubChannelRedemptionAddEvent>[0]);

    expect(sut.redemptionEvent(redemption, base)).toEqual({
      ...base,
      type: 'redemption',
      occurredAt: '2026-11-22T10:00:00.500Z',
      redemptionId: 'r-1',
      user: pixelWolf,
      reward: { id: 'rw-1', title: 'Song request', cost: 500, prompt: 'Which one?' },
      userInput: 'play the song',
      status: 'fulfilled',
    });
    expect(sut.redemptionEvent(odd, base).status).toBe('unknown');
  });

  it('maps hype trains (version 2) with their top contributors', () => {
    const top = [{ ...viewer, type: 'bits' as const, total: 500 }];
    const begin = new EventSubChannelHypeTrainBeginV2Event({
      id: 'ht-1',
      ...broadcaster,
      total: 700,
      progress: 200,
      goal: 1000,
      top_contributions: top,
      level: 2,
      all_time_high_level: 4,
      all_time_high_total: 9000,
      shared_train_participants: null,
      started_at: '2026-11-22T10:00:00Z',
      expires_at: '2026-11-22T10:05:00Z',
      is_shared_train: false,
      type: 'regular',
    } as unknown as ConstructorParameters<typeof EventSubChannelHypeTrainBeginV2Event>[0]);
    const end = new EventSubChannelHypeTrainEndV2Event({
      id: 'ht-1',
      ...broadcaster,
      total: 1500,
      top_contributions: top,
      level: 3,
      shared_train_participants: null,
      started_at: '2026-11-22T10:00:00Z',
      ended_at: '2026-11-22T10:09:00Z',
      cooldown_ends_at: '2026-11-22T11:09:00Z',
      is_shared_train: false,
      type: 'regular',
    } as unknown as ConstructorParameters<typeof EventSubChannelHypeTrainEndV2Event>[0]);
    const contributors = [{ user: pixelWolf, type: 'bits', total: 500 }];

    expect(sut.hypeTrainBeginEvent(begin, base)).toEqual({
      ...base,
      type: 'hype_train.begin',
      occurredAt: '2026-11-22T10:00:00.000Z',
      trainId: 'ht-1',
      level: 2,
      total: 700,
      progress: 200,
      goal: 1000,
      topContributors: contributors,
    });
    expect(sut.hypeTrainEndEvent(end, base)).toEqual({
      ...base,
      type: 'hype_train.end',
      occurredAt: '2026-11-22T10:09:00.000Z',
      trainId: 'ht-1',
      level: 3,
      total: 1500,
      progress: 0,
      goal: 0,
      topContributors: contributors,
    });
  });

  it('maps polls: choices without votes at the begin, with votes and status at the end', () => {
    const voting = {
      bits_voting: { is_enabled: false, amount_per_vote: 0 },
      channel_points_voting: { is_enabled: true, amount_per_vote: 10 },
    };
    const begin = new EventSubChannelPollBeginEvent({
      id: 'p-1',
      ...broadcaster,
      title: 'Next game?',
      choices: [
        { id: 'a', title: 'Chess' },
        { id: 'b', title: 'Go' },
      ],
      ...voting,
      started_at: '2026-11-22T10:00:00Z',
      ends_at: '2026-11-22T10:02:00Z',
    });
    const end = new EventSubChannelPollEndEvent({
      id: 'p-1',
      ...broadcaster,
      title: 'Next game?',
      choices: [
        { id: 'a', title: 'Chess', bits_votes: 0, channel_points_votes: 3, votes: 7 },
        { id: 'b', title: 'Go', bits_votes: 0, channel_points_votes: 0, votes: 2 },
      ],
      ...voting,
      status: 'completed',
      started_at: '2026-11-22T10:00:00Z',
      ended_at: '2026-11-22T10:02:00Z',
    } as unknown as ConstructorParameters<typeof EventSubChannelPollEndEvent>[0]);

    expect(sut.pollBeginEvent(begin, base)).toEqual({
      ...base,
      type: 'poll.begin',
      occurredAt: '2026-11-22T10:00:00.000Z',
      pollId: 'p-1',
      title: 'Next game?',
      choices: [
        { id: 'a', title: 'Chess', votes: 0 },
        { id: 'b', title: 'Go', votes: 0 },
      ],
      endsAt: '2026-11-22T10:02:00.000Z',
      status: 'active',
    });
    expect(sut.pollEndEvent(end, base)).toMatchObject({
      type: 'poll.end',
      occurredAt: '2026-11-22T10:02:00.000Z',
      choices: [
        { id: 'a', title: 'Chess', votes: 7 },
        { id: 'b', title: 'Go', votes: 2 },
      ],
      endsAt: '2026-11-22T10:02:00.000Z',
      status: 'completed',
    });
  });

  it('maps predictions: the lock time at the begin, the winner and totals at the end', () => {
    const begin = new EventSubChannelPredictionBeginEvent({
      id: 'pr-1',
      ...broadcaster,
      title: 'Win?',
      outcomes: [
        { id: 'y', title: 'Yes', color: 'blue' },
        { id: 'n', title: 'No', color: 'pink' },
      ],
      started_at: '2026-11-22T10:00:00Z',
      locks_at: '2026-11-22T10:01:00Z',
    });
    const end = new EventSubChannelPredictionEndEvent({
      id: 'pr-1',
      ...broadcaster,
      title: 'Win?',
      winning_outcome_id: 'y',
      outcomes: [
        { id: 'y', title: 'Yes', color: 'blue', users: 3, channel_points: 900, top_predictors: [] },
        { id: 'n', title: 'No', color: 'pink', users: 1, channel_points: 100, top_predictors: [] },
      ],
      status: 'resolved',
      started_at: '2026-11-22T10:00:00Z',
      ended_at: '2026-11-22T10:30:00Z',
    });

    expect(sut.predictionBeginEvent(begin, base)).toMatchObject({
      type: 'prediction.begin',
      predictionId: 'pr-1',
      outcomes: [
        { id: 'y', title: 'Yes', color: 'blue', users: 0, channelPoints: 0 },
        { id: 'n', title: 'No', color: 'pink', users: 0, channelPoints: 0 },
      ],
      locksAt: '2026-11-22T10:01:00.000Z',
      winningOutcomeId: null,
      status: 'active',
    });
    expect(sut.predictionEndEvent(end, base)).toMatchObject({
      type: 'prediction.end',
      occurredAt: '2026-11-22T10:30:00.000Z',
      outcomes: [
        { id: 'y', users: 3, channelPoints: 900 },
        { id: 'n', users: 1, channelPoints: 100 },
      ],
      locksAt: '2026-11-22T10:30:00.000Z',
      winningOutcomeId: 'y',
      status: 'resolved',
    });
  });

  it('maps a shoutout with its target and moderator', () => {
    const shoutout = new EventSubChannelShoutoutCreateEvent({
      ...broadcaster,
      ...moderator,
      to_broadcaster_user_id: '4004',
      to_broadcaster_user_login: 'friend',
      to_broadcaster_user_name: 'Friend',
      started_at: '2026-11-22T10:00:00Z',
      viewer_count: 17,
      cooldown_ends_at: '2026-11-22T10:02:00Z',
      target_cooldown_ends_at: '2026-11-22T11:00:00Z',
    });

    expect(sut.shoutoutEvent(shoutout, base)).toEqual({
      ...base,
      type: 'shoutout',
      occurredAt: '2026-11-22T10:00:00.000Z',
      to: { id: '4004', login: 'friend', displayName: 'Friend' },
      moderator: modMin,
      viewerCount: 17,
    });
  });

  it('maps a stream going online and offline', () => {
    const online = new EventSubStreamOnlineEvent({
      id: '9001',
      ...broadcaster,
      type: 'live',
      started_at: '2026-11-22T09:00:00.123456Z',
    });

    expect(sut.streamOnlineEvent(online, base)).toEqual({
      ...base,
      type: 'stream.online',
      occurredAt: '2026-11-22T09:00:00.123Z',
      streamId: '9001',
      startedAt: '2026-11-22T09:00:00.123Z',
    });
    expect(sut.streamOfflineEvent(new EventSubStreamOfflineEvent(broadcaster), base)).toEqual({
      ...base,
      type: 'stream.offline',
    });
  });

  it('makes a permanent ban a ban and one with an end a timeout, with moderator and reason', () => {
    const data = {
      ...viewer,
      ...broadcaster,
      ...moderator,
      banned_at: '2026-11-22T10:00:00Z',
    };
    const ban = new EventSubChannelBanEvent({
      ...data,
      reason: '',
      ends_at: null,
      is_permanent: true,
    });
    const timeout = new EventSubChannelBanEvent({
      ...data,
      reason: 'spam',
      ends_at: '2026-11-22T10:10:00Z',
      is_permanent: false,
    });

    expect(sut.banEvent(ban, base)).toEqual({
      ...base,
      type: 'chat.user_banned',
      occurredAt: '2026-11-22T10:00:00.000Z',
      rawIrc: null,
      user: pixelWolf,
      moderator: modMin,
      reason: null,
    });
    expect(sut.banEvent(timeout, base)).toEqual({
      ...base,
      type: 'chat.user_timed_out',
      occurredAt: '2026-11-22T10:00:00.000Z',
      rawIrc: null,
      user: pixelWolf,
      moderator: modMin,
      reason: 'spam',
      durationSeconds: 600,
    });
  });

  it('maps an unban and a deleted message, without IRC lines', () => {
    const unban = new EventSubChannelUnbanEvent({ ...viewer, ...broadcaster, ...moderator });
    const deletion = new EventSubChannelChatMessageDeleteEvent({
      ...broadcaster,
      target_user_id: '2002',
      target_user_login: 'pixel_wolf',
      target_user_name: 'Pixel_Wolf',
      message_id: 'm-1',
    });

    expect(sut.unbanEvent(unban, base)).toEqual({
      ...base,
      type: 'chat.user_unbanned',
      rawIrc: null,
      user: pixelWolf,
      moderator: modMin,
      wasTimeout: false,
    });
    expect(sut.messageDeleteEvent(deletion, base)).toEqual({
      ...base,
      type: 'chat.message_deleted',
      rawIrc: null,
      messageId: 'm-1',
      user: pixelWolf,
      text: '',
      moderator: null,
    });
  });

  it("makes a cleared chat the same event as chat's CLEARCHAT, without a moderator or IRC line", () => {
    const clear = new EventSubChannelChatClearEvent(broadcaster);

    expect(sut.chatClearEvent(clear, base)).toEqual({
      ...base,
      type: 'chat.cleared',
      rawIrc: null,
      moderator: null,
    });
  });
});
