import { ApiClient, type HelixEventSubSubscription } from '@twurple/api';
import { AppTokenAuthProvider } from '@twurple/auth';
import { type EventSubSubscription } from '@twurple/eventsub-base';
import { EventSubMiddleware } from '@twurple/eventsub-http';
import express from 'express';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSubService } from '../../src/eventsub/eventsub-service.js';
import { TwitchApiServer } from '../../src/helix/twitch-api-server.js';
import { type Happening } from '../../src/twitch/happenings.js';
import { SeededRandom } from '../../src/world/random.js';
import { TwitchWorld } from '../../src/world/twitch-world.js';
import { createCast, sampleHappenings } from './fixtures.js';
import { anyDate, withFields } from './matchers.js';
import { expectDefined } from '../support/expect-defined.js';

const SECRET = 'twurple-listener-secret';
const QUIET = { minLevel: 'critical' };

/** Collects what a twurple handler is called with; `next()` waits for the next call. */
class Inbox {
  readonly events: unknown[] = [];
  private waiting: ((event: unknown) => void)[] = [];

  readonly handler = (event: unknown): void => {
    this.events.push(event);
    for (const resolve of this.waiting.splice(0)) resolve(event);
  };

  next(): Promise<unknown> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

describe(`${EventSubService.name} with twurple’s EventSubMiddleware`, () => {
  const cast = createCast(new TwitchWorld(new SeededRandom(9)));
  const happenings = sampleHappenings(cast);
  const { world, app, broadcaster, raider, moderator, viewer, turboViewer, localized, bot } = cast;
  const at = (h: Happening) => new Date(h.at);
  let eventSub: EventSubService;
  let api: TwitchApiServer;
  let listener: Server;
  let middleware: EventSubMiddleware;
  let hostName: string;
  const listenerPort = () => (listener.address() as AddressInfo).port;

  /** Subscribes through twurple and waits until the simulator has verified the callback. */
  const subscribe = async (start: (handler: (event: unknown) => void) => EventSubSubscription) => {
    const inbox = new Inbox();
    const subscription = start(inbox.handler);
    const created = await new Promise<HelixEventSubSubscription>((resolve, reject) => {
      middleware.onSubscriptionCreateSuccess((s, data) => s === subscription && resolve(data));
      middleware.onSubscriptionCreateFailure((s, error) => s === subscription && reject(error));
    });
    expect(await eventSub.settled(created.id)).toMatchObject({ status: 'enabled' });
    return { inbox, subscription, id: created.id };
  };

  /** Publishes a happening and returns what the handler was called with next. */
  const received = async (inbox: Inbox, happening: Happening) => {
    const event = inbox.next();
    await eventSub.publish(happening);
    return event;
  };

  beforeAll(async () => {
    eventSub = new EventSubService({
      world,
      retryDelaysMs: [10],
      // Twitch calls https on port 443 only; the public host stands in front of the listener.
      deliveryUrl: (callback) =>
        callback.replace(`https://${hostName}`, `http://127.0.0.1:${listenerPort()}`),
    });
    api = await TwitchApiServer.start({ world, eventSub });
    process.env.TWURPLE_MOCK_API_PORT = String(api.port);
    const receiver = express();
    listener = await new Promise<Server>((resolve) => {
      const server = receiver.listen(0, '127.0.0.1', () => resolve(server));
    });
    hostName = 'integron.example';
    middleware = new EventSubMiddleware({
      apiClient: new ApiClient({
        authProvider: new AppTokenAuthProvider(app.clientId, app.clientSecret),
        logger: QUIET,
      }),
      hostName,
      pathPrefix: '/twitch',
      secret: SECRET,
      logger: QUIET,
    });
    middleware.apply(receiver);
    await middleware.markAsReady();
  });

  afterAll(async () => {
    listener.closeAllConnections();
    await new Promise((resolve) => listener.close(resolve));
    await api.stop();
  });

  it('subscribes through the simulated Helix and passes the challenge', async () => {
    const { id } = await subscribe((h) => middleware.onStreamOnline(broadcaster.id, h));

    const created = api
      .requests()
      .find((r) => r.method === 'POST' && r.path === '/eventsub/subscriptions');
    expect(created?.status).toBe(202);
    expect(eventSub.subscriptions().find((s) => s.id === id)).toMatchObject({
      status: 'enabled',
      callback: `https://${hostName}/twitch/event/stream.online.${broadcaster.id}`,
    });
  });

  it.each<[string, (h: (event: unknown) => void) => EventSubSubscription, Happening, object]>([
    [
      'stream.online',
      (h) => middleware.onStreamOnline(raider.id, h),
      { ...happenings.streamOnline, channel: raider },
      {
        broadcasterId: raider.id,
        broadcasterName: 'pixelpaladin',
        broadcasterDisplayName: 'PixelPaladin',
        id: '40127393645',
        type: 'live',
        startDate: at(happenings.streamOnline),
      },
    ],
    [
      'stream.offline',
      (h) => middleware.onStreamOffline(broadcaster.id, h),
      happenings.streamOffline,
      { broadcasterId: broadcaster.id, broadcasterDisplayName: 'TeamCaptain' },
    ],
    [
      'channel.follow',
      (h) => middleware.onChannelFollow(broadcaster.id, moderator.id, h),
      happenings.follow,
      { userId: localized.id, userDisplayName: '강동원', followDate: at(happenings.follow) },
    ],
    [
      'channel.subscribe',
      (h) => middleware.onChannelSubscription(broadcaster.id, h),
      happenings.newSubscription,
      { userId: turboViewer.id, tier: '2000', isGift: false },
    ],
    [
      'channel.subscription.message',
      (h) => middleware.onChannelSubscriptionMessage(broadcaster.id, h),
      happenings.resubscription,
      {
        userId: viewer.id,
        tier: '1000',
        cumulativeMonths: 14,
        streakMonths: null,
        durationMonths: 1,
        messageText: 'Love the stream! Kappa',
      },
    ],
    [
      'channel.subscription.gift',
      (h) => middleware.onChannelSubscriptionGift(broadcaster.id, h),
      happenings.communityGift,
      { gifterId: viewer.id, amount: 2, cumulativeAmount: 12, tier: '1000', isAnonymous: false },
    ],
    [
      'channel.cheer',
      (h) => middleware.onChannelCheer(broadcaster.id, h),
      happenings.cheer,
      {
        userId: viewer.id,
        bits: 150,
        message: 'Cheer100 great stream Cheer50',
        isAnonymous: false,
      },
    ],
    [
      'channel.raid (to)',
      (h) => middleware.onChannelRaidTo(broadcaster.id, h),
      happenings.raid,
      { raidingBroadcasterId: raider.id, raidedBroadcasterName: 'teamcaptain', viewers: 42 },
    ],
    [
      'channel.raid (from)',
      (h) => middleware.onChannelRaidFrom(raider.id, h),
      happenings.raid,
      { raidingBroadcasterDisplayName: 'PixelPaladin', raidedBroadcasterId: broadcaster.id },
    ],
    [
      'channel.channel_points_custom_reward_redemption.add',
      (h) =>
        middleware.onChannelRedemptionAddForReward(
          broadcaster.id,
          happenings.redemption.reward.id,
          h,
        ),
      happenings.redemption,
      {
        id: happenings.redemption.id,
        userId: viewer.id,
        input: 'drink up',
        status: 'unfulfilled',
        rewardTitle: 'Hydrate!',
        rewardCost: 500,
        redemptionDate: at(happenings.redemption),
      },
    ],
    [
      'channel.hype_train.begin',
      (h) => middleware.onChannelHypeTrainBeginV2(broadcaster.id, h),
      happenings.hypeTrainBegin,
      {
        level: 1,
        total: 137,
        progress: 137,
        goal: 500,
        type: 'regular',
        isSharedTrain: false,
        sharedTrainParticipants: [],
        allTimeHighTotal: 2845,
        topContributors: [
          { userId: viewer.id, type: 'bits', total: 100 },
          { userId: turboViewer.id, type: 'subscription', total: 37 },
        ],
      },
    ],
    [
      'channel.hype_train.end',
      (h) => middleware.onChannelHypeTrainEndV2(broadcaster.id, h),
      happenings.hypeTrainEnd,
      {
        level: 2,
        total: 737,
        endDate: at(happenings.hypeTrainEnd),
        cooldownEndDate: anyDate(),
      },
    ],
    [
      'channel.poll.begin',
      (h) => middleware.onChannelPollBegin(broadcaster.id, h),
      happenings.pollBegin,
      {
        title: 'Aren’t shoes just really hard socks?',
        choices: [
          { id: '123', title: 'Yeah!' },
          { id: '124', title: 'No!' },
        ],
        isChannelPointsVotingEnabled: true,
        channelPointsPerVote: 10,
        isBitsVotingEnabled: false,
      },
    ],
    [
      'channel.poll.end',
      (h) => middleware.onChannelPollEnd(broadcaster.id, h),
      happenings.pollEnd,
      {
        status: 'completed',
        choices: [{ totalVotes: 12, channelPointsVotes: 5 }, { totalVotes: 14 }],
      },
    ],
    [
      'channel.prediction.begin',
      (h) => middleware.onChannelPredictionBegin(broadcaster.id, h),
      happenings.predictionBegin,
      {
        title: 'Will we win?',
        outcomes: [
          { title: 'Yeah!', color: 'blue' },
          { title: 'No!', color: 'pink' },
        ],
        lockDate: new Date(happenings.predictionBegin.locksAt),
      },
    ],
    [
      'channel.prediction.end',
      (h) => middleware.onChannelPredictionEnd(broadcaster.id, h),
      happenings.predictionEnd,
      {
        status: 'resolved',
        winningOutcomeId: '1243456',
        outcomes: [
          { users: 1, topPredictors: [{ userId: viewer.id, channelPointsWon: 1500 }] },
          { topPredictors: [{ userId: turboViewer.id, channelPointsWon: null }] },
        ],
      },
    ],
    [
      'channel.shoutout.create',
      (h) => middleware.onChannelShoutoutCreate(broadcaster.id, moderator.id, h),
      happenings.shoutout,
      { moderatorId: moderator.id, shoutedOutBroadcasterId: raider.id, viewerCount: 860 },
    ],
    [
      'channel.ban',
      (h) => middleware.onChannelBan(broadcaster.id, h),
      happenings.ban,
      {
        userId: bot.id,
        moderatorName: 'nightowl',
        reason: 'spam',
        isPermanent: true,
        endDate: null,
      },
    ],
    [
      'channel.unban',
      (h) => middleware.onChannelUnban(broadcaster.id, h),
      happenings.unban,
      { userId: bot.id, moderatorId: moderator.id },
    ],
    [
      'channel.chat.message',
      (h) => middleware.onChannelChatMessage(broadcaster.id, bot.id, h),
      happenings.chatMessage,
      {
        chatterId: viewer.id,
        chatterDisplayName: 'FrostFox',
        messageId: happenings.chatMessage.id,
        messageText: 'héllo 👋 @NightOwl Kappa what a play',
        color: '#1E90FF',
        badges: { subscriber: '12', bits: '100' },
        parentMessageUserId: moderator.id,
        isCheer: false,
        messageParts: [
          { type: 'text' },
          { type: 'mention', mention: { user_login: 'nightowl' } },
          { type: 'text' },
          { type: 'emote', text: 'Kappa', emote: { id: '25' } },
          { type: 'text', text: ' what a play' },
        ],
      },
    ],
    [
      'channel.chat.message_delete',
      (h) => middleware.onChannelChatMessageDelete(broadcaster.id, bot.id, h),
      happenings.messageDelete,
      { userId: viewer.id, messageId: happenings.messageDelete.messageId },
    ],
    [
      'channel.chat.clear_user_messages',
      (h) => middleware.onChannelChatClearUserMessages(broadcaster.id, bot.id, h),
      happenings.timeout,
      { userId: localized.id, broadcasterId: broadcaster.id },
    ],
    [
      'channel.chat.clear',
      (h) => middleware.onChannelChatClear(broadcaster.id, bot.id, h),
      happenings.chatClear,
      { broadcasterName: 'teamcaptain' },
    ],
  ])('hands twurple %s', async (_type, start, happening, expected) => {
    const { inbox } = await subscribe(start);

    const event = await received(inbox, happening);

    expect(event).toMatchObject(expected);
  });

  it('hands twurple every gifted subscription as a gift', async () => {
    const { inbox } = await subscribe((h) => middleware.onChannelSubscription(raider.id, h));
    const recipients = [turboViewer, localized];
    const gift = { ...happenings.communityGift, channel: raider, recipients };
    const both = new Promise<unknown[]>((resolve) => {
      void inbox.next().then((first) => inbox.next().then((second) => resolve([first, second])));
    });

    await eventSub.publish(gift);

    expect(await both).toEqual(
      expect.arrayContaining(recipients.map((r) => withFields({ userId: r.id, isGift: true }))),
    );
  });

  it('hands twurple an anonymous gift with no gifter', async () => {
    const { inbox } = await subscribe((h) => middleware.onChannelSubscriptionGift(raider.id, h));

    const event = await received(inbox, { ...happenings.anonymousGift, channel: raider });

    expect(event).toMatchObject({
      gifterId: null,
      gifterName: null,
      isAnonymous: true,
      cumulativeAmount: null,
    });
  });

  it('hands twurple a timeout with its end and a cheering message with its bits', async () => {
    const bans = await subscribe((h) => middleware.onChannelBan(raider.id, h));
    const chat = await subscribe((h) => middleware.onChannelChatMessage(raider.id, bot.id, h));

    const timeout = await received(bans.inbox, { ...happenings.timeout, channel: raider });
    const cheer = await received(chat.inbox, { ...happenings.cheer, channel: raider });

    expect(timeout).toMatchObject({
      isPermanent: false,
      endDate: new Date(happenings.timeout.at + 600_000),
    });
    expect(cheer).toMatchObject({ isCheer: true, bits: 150 });
  });

  describe('delivery faults', () => {
    let target: Awaited<ReturnType<typeof subscribe>>;
    const event = (marker: string) => ({
      broadcaster_user_id: localized.id,
      broadcaster_user_login: marker,
      broadcaster_user_name: marker,
    });

    beforeAll(async () => {
      world.createChannel(localized);
      target = await subscribe((h) => middleware.onStreamOffline(localized.id, h));
    });

    it('has a badly signed notification rejected unhandled', async () => {
      const next = target.inbox.next();

      const [forged] = await eventSub.deliver(target.id, event('forged'), { badSignature: true });
      await eventSub.deliver(target.id, event('genuine'));

      expect(forged?.status).toBe(410);
      expect(await next).toMatchObject({ broadcasterName: 'genuine' });
      expect(target.inbox.events.at(-1)).toMatchObject({ broadcasterName: 'genuine' });
    });

    it('has a stale notification acknowledged but not handled', async () => {
      const before = target.inbox.events.length;
      const next = target.inbox.next();

      const [stale] = await eventSub.deliver(target.id, event('stale'), { staleByMs: 11 * 60_000 });
      await eventSub.deliver(target.id, event('fresh'));

      expect(stale?.status).toBe(202);
      expect(await next).toMatchObject({ broadcasterName: 'fresh' });
      expect(target.inbox.events).toHaveLength(before + 1);
    });

    it('has a duplicate handled once', async () => {
      const before = target.inbox.events.length;
      const next = target.inbox.next();

      const deliveries = await eventSub.deliver(target.id, event('twice'), { duplicate: true });
      await eventSub.deliver(target.id, event('after'));

      expect(deliveries.map((d) => d.status)).toEqual([202, 202]);
      expect(await next).toMatchObject({ broadcasterName: 'twice' });
      expect(target.inbox.events.slice(before)).toMatchObject([
        { broadcasterName: 'twice' },
        { broadcasterName: 'after' },
      ]);
    });

    it('fires twurple’s revoke callback on a revocation', async () => {
      const revoked = new Promise<[EventSubSubscription, string]>((resolve) => {
        middleware.onRevoke((subscription, status) => resolve([subscription, status]));
      });

      await eventSub.revoke(target.id, 'authorization_revoked');

      expect(await revoked).toEqual([target.subscription, 'authorization_revoked']);
    });
  });

  it('lets twurple delete a subscription it stops', async () => {
    const { subscription, id } = await subscribe((h) => middleware.onChannelUnban(raider.id, h));
    const deleted = new Promise<void>((resolve) => {
      middleware.onSubscriptionDeleteSuccess((s) => s === subscription && resolve());
    });

    subscription.stop();
    await deleted;

    expect(eventSub.subscriptions().some((s) => s.id === id)).toBe(false);
  });

  it('fails verification for a callback twurple does not know', async () => {
    const token = world.tokens.issueAppToken(app.clientId).accessToken;
    const callback = `https://${hostName}/twitch/event/nobody.here`;

    const answer = await fetch(`${api.baseUrl}/eventsub/subscriptions`, {
      method: 'POST',
      headers: {
        'Client-Id': app.clientId,
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        type: 'channel.cheer',
        version: '1',
        condition: { broadcaster_user_id: raider.id },
        transport: { method: 'webhook', callback, secret: SECRET },
      }),
    });
    const { data } = (await answer.json()) as { data: { id: string }[] };
    const [created] = data;
    expectDefined(created);

    expect(await eventSub.settled(created.id)).toMatchObject({
      status: 'webhook_callback_verification_failed',
    });
  });
});
