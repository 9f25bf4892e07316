import {
  type ChatMessageHappening,
  type GiftHappening,
  type Happening,
  type SimEmote,
} from '../../src/twitch/happenings.js';
import { ManualClock } from '../../src/world/clock.js';
import { SeededRandom } from '../../src/world/random.js';
import { type SimUser, TwitchWorld } from '../../src/world/twitch-world.js';

export const GOLDEN_START = Date.UTC(2026, 10, 22, 10);

/** The fixed world golden files are made from. */
export function goldenWorld(): TwitchWorld {
  return new TwitchWorld(new SeededRandom(42), new ManualClock(GOLDEN_START));
}

export type Cast = ReturnType<typeof createCast>;

/** Every EventSub type about a channel, as its broadcaster grants them. */
export const BROADCASTER_SCOPES = [
  'bits:read',
  'channel:bot',
  'channel:moderate',
  'channel:read:hype_train',
  'channel:read:polls',
  'channel:read:predictions',
  'channel:read:redemptions',
  'channel:read:subscriptions',
];
/** Follows and shoutouts as a moderator; chat as a reader who moderates. */
export const MODERATOR_SCOPES = [
  'moderator:read:followers',
  'moderator:read:shoutouts',
  'user:bot',
  'user:read:chat',
];
/** Chat as a bot in a channel whose broadcaster granted `channel:bot`. */
export const BOT_SCOPES = ['chat:edit', 'chat:read', 'user:bot', 'user:read:chat'];

/** A channel with a moderator, a long-time subscriber who cheers, and a few others. */
export function createCast(world: TwitchWorld = goldenWorld()) {
  const app = world.registerApp({
    name: 'Integron',
    redirectUris: ['http://localhost:4200/auth/twitch/callback'],
  });
  const broadcaster = world.createUser({
    login: 'teamcaptain',
    displayName: 'TeamCaptain',
    broadcasterType: 'partner',
  });
  const raider = world.createUser({
    login: 'pixelpaladin',
    displayName: 'PixelPaladin',
    broadcasterType: 'affiliate',
  });
  const moderator = world.createUser({ login: 'nightowl', displayName: 'NightOwl' });
  const viewer = world.createUser({
    login: 'frostfox',
    displayName: 'FrostFox',
    chatColor: '#1E90FF',
  });
  const turboViewer = world.createUser({
    login: 'turbotoast',
    displayName: 'TurboToast',
    hasTurbo: true,
  });
  const localized = world.createUser({ login: 'kangdongwon', displayName: '강동원' });
  const bot = world.createUser({ login: 'integron_bot', displayName: 'Integron_Bot' });
  const channel = world.createChannel(broadcaster);
  world.createChannel(raider);
  channel.moderators.add(moderator.id);
  channel.subscriptions.set(viewer.id, {
    tier: '1000',
    isPrime: false,
    cumulativeMonths: 14,
    streakMonths: 3,
    gifterId: null,
  });
  channel.bits.set(viewer.id, 250);
  // What each has authorized the app for, as connecting their account to Integron records.
  world.tokens.issueUserToken(app.clientId, broadcaster.id, BROADCASTER_SCOPES);
  world.tokens.issueUserToken(app.clientId, raider.id, BROADCASTER_SCOPES);
  world.tokens.issueUserToken(app.clientId, moderator.id, MODERATOR_SCOPES);
  world.tokens.issueUserToken(app.clientId, bot.id, BOT_SCOPES);
  return {
    world,
    app,
    broadcaster,
    raider,
    moderator,
    viewer,
    turboViewer,
    localized,
    bot,
    channel,
  };
}

/** One happening of every kind in the cast's channel, at fixed offsets from the world's now. */
export function sampleHappenings(cast: Cast) {
  const {
    world,
    broadcaster: channel,
    raider,
    moderator,
    viewer,
    turboViewer,
    localized,
    bot,
  } = cast;
  const now = world.clock.now();
  const at = (seconds: number) => now + seconds * 1000;
  const chat = (fields: Partial<ChatMessageHappening>): ChatMessageHappening => ({
    kind: 'chat.message',
    channel,
    at: now,
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    user: viewer,
    text: 'hi',
    action: false,
    bits: 0,
    emotes: [],
    reply: null,
    firstMessage: false,
    returningChatter: false,
    customRewardId: null,
    ...fields,
  });
  const gift = (gifter: SimUser | null, fields: Partial<GiftHappening> = {}): GiftHappening => ({
    kind: 'gift',
    channel,
    at: at(30),
    gifter,
    recipients: [turboViewer, localized],
    tier: '1000',
    communityGiftId: '7215318376049427716',
    gifterTotal: gifter ? 12 : null,
    ...fields,
  });
  const greeting = 'héllo 👋 @NightOwl Kappa what a play';

  return {
    streamOnline: {
      kind: 'stream.online',
      channel,
      at: now,
      streamId: '40127393645',
      startedAt: now,
    },
    streamOffline: { kind: 'stream.offline', channel, at: at(3600) },
    follow: { kind: 'follow', channel, at: at(5), user: localized },
    newSubscription: {
      kind: 'subscription',
      channel,
      at: at(10),
      user: turboViewer,
      tier: '2000',
      isPrime: false,
      cumulativeMonths: 1,
      streakMonths: 1,
      durationMonths: 1,
      message: null,
    },
    resubscription: {
      kind: 'subscription',
      channel,
      at: at(20),
      user: viewer,
      tier: '1000',
      isPrime: false,
      cumulativeMonths: 14,
      streakMonths: null,
      durationMonths: 1,
      message: {
        text: 'Love the stream! Kappa',
        emotes: [emoteAt('Love the stream! Kappa', 'Kappa', '25')],
      },
    },
    communityGift: gift(viewer),
    anonymousGift: gift(null, { recipients: [bot], communityGiftId: null }),
    chatMessage: chat({
      id: 'a1b2c3d4-0000-4000-8000-000000000002',
      text: greeting,
      emotes: [emoteAt(greeting, 'Kappa', '25')],
      reply: {
        parentId: 'a1b2c3d4-0000-4000-8000-000000000000',
        parentUser: moderator,
        parentText: 'welcome everyone',
        threadParentId: 'a1b2c3d4-0000-4000-8000-000000000000',
        threadParentUser: moderator,
      },
    }),
    cheer: chat({
      id: 'a1b2c3d4-0000-4000-8000-000000000003',
      at: at(40),
      text: 'Cheer100 great stream Cheer50',
      bits: 150,
    }),
    raid: { kind: 'raid', channel, at: at(50), from: raider, viewers: 42 },
    redemption: {
      kind: 'redemption',
      channel,
      at: at(60),
      id: '17fa2df1-ad76-4804-bfa5-a40ef63efe63',
      user: viewer,
      reward: {
        id: '92af127c-7326-4483-a52b-b0da0be61c01',
        title: 'Hydrate!',
        cost: 500,
        prompt: 'Make the streamer drink water',
      },
      userInput: 'drink up',
      status: 'unfulfilled',
    },
    hypeTrainBegin: {
      kind: 'hype_train.begin',
      channel,
      at: at(70),
      id: '1b0AsbInCHZW2SQFQkCzqN07Ib2',
      level: 1,
      total: 137,
      progress: 137,
      goal: 500,
      topContributions: [
        { user: viewer, type: 'bits', total: 100 },
        { user: turboViewer, type: 'subscription', total: 37 },
      ],
      startedAt: at(70),
      endsAt: at(370),
      cooldownEndsAt: at(4_000),
      allTimeHighLevel: 4,
      allTimeHighTotal: 2845,
    },
    hypeTrainEnd: {
      kind: 'hype_train.end',
      channel,
      at: at(400),
      id: '1b0AsbInCHZW2SQFQkCzqN07Ib2',
      level: 2,
      total: 737,
      progress: 37,
      goal: 1000,
      topContributions: [{ user: viewer, type: 'bits', total: 600 }],
      startedAt: at(70),
      endsAt: at(400),
      cooldownEndsAt: at(4_000),
      allTimeHighLevel: 4,
      allTimeHighTotal: 2845,
    },
    pollBegin: {
      kind: 'poll.begin',
      channel,
      at: at(500),
      id: '1243456',
      title: 'Aren’t shoes just really hard socks?',
      choices: [
        { id: '123', title: 'Yeah!', votes: 0, channelPointsVotes: 0 },
        { id: '124', title: 'No!', votes: 0, channelPointsVotes: 0 },
      ],
      channelPointsVoting: { isEnabled: true, amountPerVote: 10 },
      startedAt: at(500),
      endsAt: at(560),
      status: 'active',
    },
    pollEnd: {
      kind: 'poll.end',
      channel,
      at: at(560),
      id: '1243456',
      title: 'Aren’t shoes just really hard socks?',
      choices: [
        { id: '123', title: 'Yeah!', votes: 12, channelPointsVotes: 5 },
        { id: '124', title: 'No!', votes: 14, channelPointsVotes: 7 },
      ],
      channelPointsVoting: { isEnabled: true, amountPerVote: 10 },
      startedAt: at(500),
      endsAt: at(560),
      status: 'completed',
    },
    predictionBegin: {
      kind: 'prediction.begin',
      channel,
      at: at(600),
      id: '1243456',
      title: 'Will we win?',
      outcomes: [
        {
          id: '1243456',
          title: 'Yeah!',
          color: 'blue',
          users: 0,
          channelPoints: 0,
          topPredictors: [],
        },
        {
          id: '2243456',
          title: 'No!',
          color: 'pink',
          users: 0,
          channelPoints: 0,
          topPredictors: [],
        },
      ],
      startedAt: at(600),
      locksAt: at(720),
      winningOutcomeId: null,
      status: 'active',
    },
    predictionEnd: {
      kind: 'prediction.end',
      channel,
      at: at(900),
      id: '1243456',
      title: 'Will we win?',
      outcomes: [
        {
          id: '1243456',
          title: 'Yeah!',
          color: 'blue',
          users: 1,
          channelPoints: 1000,
          topPredictors: [{ user: viewer, channelPointsUsed: 1000, channelPointsWon: 1500 }],
        },
        {
          id: '2243456',
          title: 'No!',
          color: 'pink',
          users: 1,
          channelPoints: 500,
          topPredictors: [{ user: turboViewer, channelPointsUsed: 500, channelPointsWon: null }],
        },
      ],
      startedAt: at(600),
      locksAt: at(900),
      winningOutcomeId: '1243456',
      status: 'resolved',
    },
    shoutout: {
      kind: 'shoutout',
      channel,
      at: at(1000),
      moderator,
      to: raider,
      viewerCount: 860,
      cooldownEndsAt: at(1120),
      targetCooldownEndsAt: at(4600),
    },
    ban: {
      kind: 'moderation.ban',
      channel,
      at: at(1100),
      user: bot,
      moderator,
      reason: 'spam',
      durationSeconds: null,
    },
    timeout: {
      kind: 'moderation.ban',
      channel,
      at: at(1200),
      user: localized,
      moderator,
      reason: 'calm down',
      durationSeconds: 600,
    },
    unban: { kind: 'moderation.unban', channel, at: at(1300), user: bot, moderator },
    messageDelete: {
      kind: 'chat.message_delete',
      channel,
      at: at(1400),
      messageId: 'a1b2c3d4-0000-4000-8000-000000000002',
      user: viewer,
      text: greeting,
      action: false,
      moderator,
    },
    chatClear: { kind: 'chat.clear', channel, at: at(1500), moderator },
    announcement: {
      kind: 'announcement',
      channel,
      at: at(1600),
      id: 'a1b2c3d4-0000-4000-8000-000000000004',
      user: moderator,
      text: 'Giveaway at the top of the hour!',
      color: 'PURPLE',
    },
  } satisfies Record<string, Happening>;
}

/** An emote over the first occurrence of `word`, in inclusive code-point offsets. */
function emoteAt(text: string, word: string, id: string): SimEmote {
  const start = [...text.slice(0, text.indexOf(word))].length;
  return { id, start, end: start + [...word].length - 1 };
}
