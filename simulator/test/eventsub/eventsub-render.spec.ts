import { describe, expect, it } from 'vitest';
import {
  EVENTSUB_TYPES_BY_KIND,
  type EventSubNotification,
  renderEventSub,
} from '../../src/eventsub/eventsub-render.js';
import { type Happening } from '../../src/twitch/happenings.js';
import { createCast, sampleHappenings } from './fixtures.js';
import { expectDefined } from '../support/expect-defined.js';

const cast = createCast();
const happenings = sampleHappenings(cast);
const { broadcaster, raider, moderator, viewer, turboViewer, localized, bot } = cast;

const BROADCASTER = ['broadcaster_user_id', 'broadcaster_user_login', 'broadcaster_user_name'];
const USER = ['user_id', 'user_login', 'user_name'];
const MODERATOR = ['moderator_user_id', 'moderator_user_login', 'moderator_user_name'];
const TARGET = ['target_user_id', 'target_user_login', 'target_user_name'];

/** Event keys by type, per PROTOCOL B. */
const EVENT_KEYS: Record<string, string[]> = {
  'stream.online': ['id', ...BROADCASTER, 'type', 'started_at'],
  'stream.offline': BROADCASTER,
  'channel.follow': [...USER, ...BROADCASTER, 'followed_at'],
  'channel.subscribe': [...USER, ...BROADCASTER, 'tier', 'is_gift'],
  'channel.subscription.message': [
    ...USER,
    ...BROADCASTER,
    'tier',
    'message',
    'cumulative_months',
    'streak_months',
    'duration_months',
  ],
  'channel.subscription.gift': [
    ...USER,
    ...BROADCASTER,
    'total',
    'tier',
    'cumulative_total',
    'is_anonymous',
  ],
  'channel.cheer': ['is_anonymous', ...USER, ...BROADCASTER, 'message', 'bits'],
  'channel.raid': [
    'from_broadcaster_user_id',
    'from_broadcaster_user_login',
    'from_broadcaster_user_name',
    'to_broadcaster_user_id',
    'to_broadcaster_user_login',
    'to_broadcaster_user_name',
    'viewers',
  ],
  'channel.channel_points_custom_reward_redemption.add': [
    'id',
    ...BROADCASTER,
    ...USER,
    'user_input',
    'status',
    'reward',
    'redeemed_at',
  ],
  'channel.hype_train.begin': [
    'id',
    ...BROADCASTER,
    'total',
    'progress',
    'goal',
    'top_contributions',
    'level',
    'all_time_high_level',
    'all_time_high_total',
    'shared_train_participants',
    'started_at',
    'expires_at',
    'is_shared_train',
    'type',
  ],
  'channel.hype_train.end': [
    'id',
    ...BROADCASTER,
    'total',
    'top_contributions',
    'level',
    'shared_train_participants',
    'started_at',
    'ended_at',
    'cooldown_ends_at',
    'is_shared_train',
    'type',
  ],
  'channel.poll.begin': [
    'id',
    ...BROADCASTER,
    'title',
    'choices',
    'bits_voting',
    'channel_points_voting',
    'started_at',
    'ends_at',
  ],
  'channel.poll.end': [
    'id',
    ...BROADCASTER,
    'title',
    'choices',
    'bits_voting',
    'channel_points_voting',
    'status',
    'started_at',
    'ended_at',
  ],
  'channel.prediction.begin': ['id', ...BROADCASTER, 'title', 'outcomes', 'started_at', 'locks_at'],
  'channel.prediction.end': [
    'id',
    ...BROADCASTER,
    'title',
    'winning_outcome_id',
    'outcomes',
    'status',
    'started_at',
    'ended_at',
  ],
  'channel.shoutout.create': [
    ...BROADCASTER,
    ...MODERATOR,
    'to_broadcaster_user_id',
    'to_broadcaster_user_login',
    'to_broadcaster_user_name',
    'started_at',
    'viewer_count',
    'cooldown_ends_at',
    'target_cooldown_ends_at',
  ],
  'channel.ban': [
    ...USER,
    ...BROADCASTER,
    ...MODERATOR,
    'reason',
    'banned_at',
    'ends_at',
    'is_permanent',
  ],
  'channel.unban': [...USER, ...BROADCASTER, ...MODERATOR],
  'channel.chat.message': [
    ...BROADCASTER,
    'chatter_user_id',
    'chatter_user_login',
    'chatter_user_name',
    'message_id',
    'message',
    'message_type',
    'badges',
    'cheer',
    'color',
    'reply',
    'channel_points_custom_reward_id',
    'channel_points_animation_id',
    'source_broadcaster_user_id',
    'source_broadcaster_user_login',
    'source_broadcaster_user_name',
    'source_message_id',
    'source_badges',
    'is_source_only',
  ],
  'channel.chat.message_delete': [...BROADCASTER, ...TARGET, 'message_id'],
  'channel.chat.clear_user_messages': [...BROADCASTER, ...TARGET],
  'channel.chat.clear': BROADCASTER,
};

const RFC3339_NANOS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;

function render(h: Happening): EventSubNotification[] {
  return renderEventSub(h, cast.world);
}

function only(h: Happening, type: string): Record<string, unknown> {
  const matching = render(h).filter((n) => n.type === type);
  expect(matching).toHaveLength(1);
  return matching[0]!.event;
}

describe(renderEventSub.name, () => {
  it.each([
    ['streamOnline', ['stream.online']],
    ['streamOffline', ['stream.offline']],
    ['follow', ['channel.follow']],
    ['newSubscription', ['channel.subscribe']],
    ['resubscription', ['channel.subscription.message']],
    ['communityGift', ['channel.subscription.gift', 'channel.subscribe', 'channel.subscribe']],
    ['anonymousGift', ['channel.subscription.gift', 'channel.subscribe']],
    ['chatMessage', ['channel.chat.message']],
    ['cheer', ['channel.chat.message', 'channel.cheer']],
    ['raid', ['channel.raid']],
    ['redemption', ['channel.channel_points_custom_reward_redemption.add']],
    ['hypeTrainBegin', ['channel.hype_train.begin']],
    ['hypeTrainEnd', ['channel.hype_train.end']],
    ['pollBegin', ['channel.poll.begin']],
    ['pollEnd', ['channel.poll.end']],
    ['predictionBegin', ['channel.prediction.begin']],
    ['predictionEnd', ['channel.prediction.end']],
    ['shoutout', ['channel.shoutout.create']],
    ['ban', ['channel.ban', 'channel.chat.clear_user_messages']],
    ['timeout', ['channel.ban', 'channel.chat.clear_user_messages']],
    ['unban', ['channel.unban']],
    ['messageDelete', ['channel.chat.message_delete']],
    ['chatClear', ['channel.chat.clear']],
    ['announcement', []],
  ] as const)('renders %s as %j', (name, types) => {
    const sut = render(happenings[name]);

    expect(sut.map((n) => n.type)).toEqual(types);
  });

  it('gives every event exactly the keys PROTOCOL B lists for its type', () => {
    const sut = Object.values(happenings).flatMap(render);

    for (const notification of sut) {
      const keys = EVENT_KEYS[notification.type];
      expectDefined(keys, notification.type);
      expect(Object.keys(notification.event).sort(), notification.type).toEqual([...keys].sort());
    }
    expect(new Set(sut.map((n) => n.type))).toEqual(new Set(Object.keys(EVENT_KEYS)));
  });

  it('versions channel.follow and the hype train 2, everything else 1', () => {
    const versions = Object.fromEntries(
      Object.values(happenings)
        .flatMap(render)
        .map((n) => [n.type, n.version]),
    );

    expect(versions).toMatchObject({
      'channel.follow': '2',
      'channel.hype_train.begin': '2',
      'channel.hype_train.end': '2',
      'stream.online': '1',
      'channel.chat.message': '1',
    });
  });

  it('writes times as RFC 3339 with nanoseconds and ids as strings', () => {
    const events = Object.values(happenings)
      .flatMap(render)
      .map((n) => n.event);

    for (const event of events) {
      for (const [key, value] of Object.entries(event)) {
        if (key.endsWith('_at') && value !== null) expect(value, key).toMatch(RFC3339_NANOS);
        if (key.endsWith('_id') && value !== null) expect(typeof value, key).toBe('string');
      }
    }
  });

  it('splits a chat message into text, mention and emote fragments over code points', () => {
    const sut = only(happenings.chatMessage, 'channel.chat.message');

    expect(sut.message).toEqual({
      text: 'héllo 👋 @NightOwl Kappa what a play',
      fragments: [
        { type: 'text', text: 'héllo 👋 ', cheermote: null, emote: null, mention: null },
        {
          type: 'mention',
          text: '@NightOwl',
          cheermote: null,
          emote: null,
          mention: { user_id: moderator.id, user_name: 'NightOwl', user_login: 'nightowl' },
        },
        { type: 'text', text: ' ', cheermote: null, emote: null, mention: null },
        {
          type: 'emote',
          text: 'Kappa',
          cheermote: null,
          emote: { id: '25', emote_set_id: '0', owner_id: '0', format: ['static'] },
          mention: null,
        },
        { type: 'text', text: ' what a play', cheermote: null, emote: null, mention: null },
      ],
    });
  });

  it('carries the chatter’s colour, badges and reply, with shared-chat keys null', () => {
    const sut = only(happenings.chatMessage, 'channel.chat.message');

    expect(sut).toMatchObject({
      chatter_user_id: viewer.id,
      color: '#1E90FF',
      message_type: 'text',
      badges: [
        { set_id: 'subscriber', id: '12', info: '14' },
        { set_id: 'bits', id: '100', info: '' },
      ],
      cheer: null,
      reply: {
        parent_message_id: 'a1b2c3d4-0000-4000-8000-000000000000',
        parent_message_body: 'welcome everyone',
        parent_user_id: moderator.id,
        parent_user_name: 'NightOwl',
        parent_user_login: 'nightowl',
        thread_message_id: 'a1b2c3d4-0000-4000-8000-000000000000',
        thread_user_id: moderator.id,
        thread_user_name: 'NightOwl',
        thread_user_login: 'nightowl',
      },
      source_broadcaster_user_id: null,
      source_badges: null,
      is_source_only: null,
    });
  });

  it('turns cheered words into cheermotes and also sends channel.cheer', () => {
    const chat = only(happenings.cheer, 'channel.chat.message');
    const cheer = only(happenings.cheer, 'channel.cheer');

    expect(chat.cheer).toEqual({ bits: 150 });
    expect(chat.message).toMatchObject({
      fragments: [
        {
          type: 'cheermote',
          text: 'Cheer100',
          cheermote: { prefix: 'cheer', bits: 100, tier: 100 },
        },
        { type: 'text', text: ' great stream ' },
        { type: 'cheermote', text: 'Cheer50', cheermote: { prefix: 'cheer', bits: 50, tier: 1 } },
      ],
    });
    expect(cheer).toEqual({
      is_anonymous: false,
      user_id: viewer.id,
      user_login: 'frostfox',
      user_name: 'FrostFox',
      broadcaster_user_id: broadcaster.id,
      broadcaster_user_login: 'teamcaptain',
      broadcaster_user_name: 'TeamCaptain',
      message: 'Cheer100 great stream Cheer50',
      bits: 150,
    });
  });

  it('leaves cheer-like words as text when no bits are cheered', () => {
    const quiet = { ...happenings.chatMessage, text: 'Cheer100 is a cheermote', emotes: [] };

    const sut = only(quiet, 'channel.chat.message');

    expect(sut.message).toMatchObject({
      fragments: [{ type: 'text', text: 'Cheer100 is a cheermote' }],
    });
  });

  it('marks each gifted subscription as a gift and hides an anonymous gifter', () => {
    const [gift, ...subscribes] = render(happenings.anonymousGift);
    expectDefined(gift);

    expect(gift.event).toMatchObject({
      user_id: null,
      user_login: null,
      user_name: null,
      total: 1,
      cumulative_total: null,
      is_anonymous: true,
    });
    expect(subscribes.map((n) => n.event)).toEqual([
      expect.objectContaining({ user_id: bot.id, is_gift: true, tier: '1000' }),
    ]);
  });

  it('names the gifter of a community gift, with their running total', () => {
    const sut = only(happenings.communityGift, 'channel.subscription.gift');

    expect(sut).toMatchObject({
      user_id: viewer.id,
      total: 2,
      cumulative_total: 12,
      is_anonymous: false,
    });
  });

  it('gives a resubscription its message with inclusive emote offsets', () => {
    const sut = only(happenings.resubscription, 'channel.subscription.message');

    expect(sut).toMatchObject({
      message: { text: 'Love the stream! Kappa', emotes: [{ begin: 17, end: 21, id: '25' }] },
      cumulative_months: 14,
      streak_months: null,
      duration_months: 1,
    });
  });

  it('tells a permanent ban from a timeout', () => {
    const ban = only(happenings.ban, 'channel.ban');
    const timeout = only(happenings.timeout, 'channel.ban');

    expect(ban).toMatchObject({ user_id: bot.id, ends_at: null, is_permanent: true });
    expect(timeout).toMatchObject({
      user_id: localized.id,
      banned_at: '2026-11-22T10:20:00.000000000Z',
      ends_at: '2026-11-22T10:30:00.000000000Z',
      is_permanent: false,
    });
  });

  it('gives losing predictors null points won', () => {
    const sut = only(happenings.predictionEnd, 'channel.prediction.end');

    expect(sut.outcomes).toMatchObject([
      { top_predictors: [{ user_id: viewer.id, channel_points_won: 1500 }] },
      { top_predictors: [{ user_id: turboViewer.id, channel_points_won: null }] },
    ]);
  });

  it('names the ids a subscription condition is matched against', () => {
    const conditions = Object.fromEntries(
      [happenings.raid, happenings.redemption, happenings.follow, happenings.chatMessage]
        .flatMap(render)
        .map((n) => [n.type, n.condition]),
    );

    expect(conditions).toEqual({
      'channel.raid': {
        from_broadcaster_user_id: raider.id,
        to_broadcaster_user_id: broadcaster.id,
      },
      'channel.channel_points_custom_reward_redemption.add': {
        broadcaster_user_id: broadcaster.id,
        reward_id: '92af127c-7326-4483-a52b-b0da0be61c01',
      },
      'channel.follow': { broadcaster_user_id: broadcaster.id },
      'channel.chat.message': { broadcaster_user_id: broadcaster.id },
    });
  });

  it('leaves the world as it was', () => {
    const before = structuredClone([...cast.world.users.values()]);

    Object.values(happenings).forEach(render);

    expect([...cast.world.users.values()]).toEqual(before);
  });
});

describe('EVENTSUB_TYPES_BY_KIND', () => {
  it('names every type the renderer produces for each kind of happening', () => {
    for (const happening of Object.values(happenings) as Happening[]) {
      for (const notification of renderEventSub(happening, cast.world)) {
        expect(EVENTSUB_TYPES_BY_KIND[happening.kind], happening.kind).toContain(notification.type);
      }
    }
  });
});
