import { StaticAuthProvider } from '@twurple/auth';
import { ChatClient, LogLevel, parseChatMessage } from '@twurple/chat';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TwitchApiServer } from '../../src/helix/twitch-api-server.js';
import { TwitchChatServer } from '../../src/irc/chat-server.js';
import { type SimUser } from '../../src/world/twitch-world.js';
import { CLIENT_ID, ChatWorld } from './support/chat-world.js';
import { startTwitchApiFor } from './support/twitch-api.js';
import { collectEvents, nextEvent } from './support/waiting.js';

/** twurple has no port option: plain TCP means 6667, so this file takes a loopback address of its own. */
const HOST = '127.0.0.21';
const RECONNECT_MS = 10_000;

describe(`${TwitchChatServer.name} with @twurple/chat`, () => {
  let chat: ChatWorld;
  let twitchApi: TwitchApiServer;
  let sut: TwitchChatServer;
  const clients: ChatClient[] = [];

  beforeEach(async () => {
    chat = new ChatWorld();
    twitchApi = await startTwitchApiFor(chat.world);
    sut = await TwitchChatServer.start({
      world: chat.world,
      host: HOST,
      tcpPort: 6667,
      wsPort: null,
    });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.quit();
    await sut.stop();
    await twitchApi.stop();
  });

  function chatClient(
    user: SimUser,
    token = chat.tokenFor(user),
    channels = ['teamcaptain'],
  ): ChatClient {
    const client = new ChatClient({
      authProvider: new StaticAuthProvider(CLIENT_ID, token),
      channels,
      hostName: HOST,
      webSocket: false,
      ssl: false,
      logger: { minLevel: LogLevel.CRITICAL },
    });
    clients.push(client);
    return client;
  }

  /** Connected and in all its channels. */
  async function joined(user: SimUser, channels = ['teamcaptain']): Promise<ChatClient> {
    const client = chatClient(user, chat.tokenFor(user), channels);
    const joins = collectEvents(client.onJoin, channels.length, (_, who) => who === user.login);
    client.connect();
    await joins;
    return client;
  }

  it('connects with a token and joins its channels', async () => {
    const other = chat.world.createUser({ login: 'speedrunsally', displayName: 'SpeedrunSally' });
    chat.world.createChannel(other);

    const client = await joined(chat.bot, ['teamcaptain', 'speedrunsally']);

    expect(client.currentChannels.sort()).toEqual(['#speedrunsally', '#teamcaptain']);
    expect(sut.clients()).toEqual([
      expect.objectContaining({ nick: 'integron_bot', transport: 'tcp' }),
    ]);
    expect(sut.clients()[0]?.channels.sort()).toEqual(['speedrunsally', 'teamcaptain']);
  });

  describe('receives', () => {
    it('messages with the sender as the channel sees them', async () => {
      const client = await joined(chat.bot);
      const text = '안녕하세요 😀 Kappa';
      const received = nextEvent(client.onMessage);

      sut.publish(
        chat.happen(
          chat.events.chatMessage(chat.broadcaster, chat.primeViewer, text, {
            emotes: [{ id: '25', start: 8, end: 12 }],
          }),
        ),
      );

      const [channel, user, receivedText, message] = await received;
      expect([channel, user, receivedText]).toEqual(['teamcaptain', 'kangdongwon', text]);
      expect(message.userInfo.displayName).toBe('강동원');
      expect(message.userInfo.userId).toBe(chat.primeViewer.id);
      expect(Object.fromEntries(message.userInfo.badges)).toEqual({ premium: '1' });
      expect(message.channelId).toBe(chat.broadcaster.id);
      const emotes = parseChatMessage(receivedText, message.emoteOffsets).filter(
        (part) => part.type === 'emote',
      );
      expect(emotes).toEqual([expect.objectContaining({ id: '25', name: 'Kappa', position: 8 })]);
    });

    it('cheers, with badges, colour and roles', async () => {
      const client = await joined(chat.bot);
      const received = nextEvent(client.onMessage);

      sut.publish(
        chat.happen(
          chat.events.chatMessage(chat.broadcaster, chat.moderator, 'Cheer500 go go', {
            bits: 500,
          }),
        ),
      );

      const [, , , message] = await received;
      expect(message.isCheer).toBe(true);
      expect(message.bits).toBe(500);
      expect(message.userInfo.color).toBe('#1E90FF');
      expect(message.userInfo.isMod).toBe(true);
      expect(message.userInfo.isSubscriber).toBe(true);
      expect(Object.fromEntries(message.userInfo.badges)).toEqual({
        moderator: '1',
        subscriber: '3036',
        bits: '1000',
      });
      expect(Object.fromEntries(message.userInfo.badgeInfo)).toEqual({ subscriber: '40' });
    });

    it('actions from VIPs and replies to them', async () => {
      const client = await joined(chat.bot);
      const action = nextEvent(client.onAction);
      const parent = chat.events.chatMessage(chat.broadcaster, chat.vip, 'waves', { action: true });
      sut.publish(chat.happen(parent));

      const [, actor, actionText, actionMessage] = await action;
      expect([actor, actionText, actionMessage.userInfo.isVip]).toEqual([
        'nightowl',
        'waves',
        true,
      ]);

      const reply = nextEvent(client.onMessage);
      sut.publish(chat.happen(chat.events.reply(parent, chat.viewer, 'hi!')));

      const [, , replyText, message] = await reply;
      expect(replyText).toBe('@NightOwl hi!');
      expect(message.isReply).toBe(true);
      expect(message.parentMessageId).toBe(parent.id);
      expect(message.parentMessageText).toBe('waves');
      expect(message.parentMessageUserDisplayName).toBe('NightOwl');
      expect(message.threadMessageId).toBe(parent.id);
      expect(message.threadMessageUserId).toBe(chat.vip.id);
    });

    it('timeouts, bans, deleted messages and cleared chats', async () => {
      const client = await joined(chat.bot);
      const { events, broadcaster } = chat;
      const timeout = nextEvent(client.onTimeout);
      const ban = nextEvent(client.onBan);
      const removal = nextEvent(client.onMessageRemove);
      const clear = nextEvent(client.onChatClear);
      const spam = events.chatMessage(broadcaster, chat.turboViewer, 'spam');

      sut.publish(chat.happen(events.timeout(broadcaster, chat.viewer, chat.moderator, 600)));
      sut.publish(chat.happen(events.ban(broadcaster, chat.primeViewer, chat.moderator)));
      sut.publish(chat.happen(events.deleteMessage(spam, chat.moderator)));
      sut.publish(chat.happen(events.clearChat(broadcaster, chat.moderator)));

      const [timeoutChannel, timedOut, duration] = await timeout;
      expect([timeoutChannel, timedOut, duration]).toEqual(['teamcaptain', 'lazy_otter', 600]);
      const [, banned, banMessage] = await ban;
      expect([banned, banMessage.targetUserId]).toEqual(['kangdongwon', chat.primeViewer.id]);
      const [, removedId, removalMessage] = await removal;
      expect([removedId, removalMessage.userName, removalMessage.text]).toEqual([
        spam.id,
        'velvetbard',
        'spam',
      ]);
      const [clearedChannel] = await clear;
      expect(clearedChannel).toBe('teamcaptain');
    });

    it('subs and resubs', async () => {
      const client = await joined(chat.bot);
      const { events, broadcaster } = chat;
      const sub = nextEvent(client.onSub);
      const resub = nextEvent(client.onResub);

      sut.publish(
        chat.happen(events.subscription(broadcaster, chat.primeViewer, { isPrime: true })),
      );
      sut.publish(
        chat.happen(
          events.subscription(broadcaster, chat.vip, {
            tier: '2000',
            cumulativeMonths: 14,
            streakMonths: 3,
            message: { text: 'still here' },
          }),
        ),
      );

      const [, subscriber, subInfo] = await sub;
      expect(subscriber).toBe('kangdongwon');
      expect(subInfo).toMatchObject({
        displayName: '강동원',
        plan: 'Prime',
        isPrime: true,
        months: 1,
      });
      const [, resubscriber, resubInfo] = await resub;
      expect(resubscriber).toBe('nightowl');
      expect(resubInfo).toMatchObject({
        plan: '2000',
        months: 14,
        streak: 3,
        message: 'still here',
      });
    });

    it('gift bombs as one community sub and a gift per recipient, sharing the gift id', async () => {
      const client = await joined(chat.bot);
      const recipients = [chat.viewer, chat.primeViewer, chat.turboViewer];
      const communitySub = nextEvent(client.onCommunitySub);
      const gifts = collectEvents(client.onSubGift, recipients.length);

      const bomb = chat.happen(chat.events.gift(chat.broadcaster, chat.moderator, recipients));
      sut.publish(bomb);

      const [, gifter, communityInfo, communityNotice] = await communitySub;
      expect(gifter).toBe('pixel_wolf');
      expect(communityInfo).toMatchObject({ count: 3, plan: '1000', gifterGiftCount: 3 });
      const received = await gifts;
      expect(received.map(([, recipient]) => recipient)).toEqual([
        'lazy_otter',
        'kangdongwon',
        'velvetbard',
      ]);
      const giftIds = [communityNotice, ...received.map(([, , , notice]) => notice)].map((notice) =>
        notice.tags.get('msg-param-community-gift-id'),
      );
      expect(new Set(giftIds)).toEqual(new Set([bomb.communityGiftId]));
    });

    it('a community gift of one as a community sub of one and its gift', async () => {
      const client = await joined(chat.bot);
      const communitySub = nextEvent(client.onCommunitySub);
      const gift = nextEvent(client.onSubGift);

      const single = chat.happen(
        chat.events.gift(chat.broadcaster, chat.moderator, [chat.viewer], '1000', {
          mystery: true,
        }),
      );
      sut.publish(single);

      const [, , communityInfo, communityNotice] = await communitySub;
      expect(communityInfo).toMatchObject({ count: 1, plan: '1000' });
      const [, recipient, , giftNotice] = await gift;
      expect(recipient).toBe('lazy_otter');
      expect(
        [communityNotice, giftNotice].map((notice) =>
          notice.tags.get('msg-param-community-gift-id'),
        ),
      ).toEqual([single.communityGiftId, single.communityGiftId]);
      expect(single.communityGiftId).toMatch(/^\d{19}$/);
    });

    it('raids and announcements', async () => {
      const client = await joined(chat.bot);
      const raider = chat.world.createUser({
        login: 'speedrunsally',
        displayName: 'SpeedrunSally',
      });
      const raid = nextEvent(client.onRaid);
      const announcement = nextEvent(client.onAnnouncement);

      sut.publish(chat.happen(chat.events.raid(chat.broadcaster, raider, 1234)));
      sut.publish(
        chat.happen(
          chat.events.announcement(chat.broadcaster, chat.moderator, 'Giveaway soon!', 'PURPLE'),
        ),
      );

      const [, raiderLogin, raidInfo] = await raid;
      expect([raiderLogin, raidInfo]).toEqual([
        'speedrunsally',
        { displayName: 'SpeedrunSally', viewerCount: 1234 },
      ]);
      const [, announcer, announcementInfo, notice] = await announcement;
      expect([announcer, announcementInfo.color, notice.text]).toEqual([
        'pixel_wolf',
        'PURPLE',
        'Giveaway soon!',
      ]);
    });
  });

  it('sends a message that another client receives', async () => {
    const sender = await joined(chat.bot);
    const reader = await joined(chat.viewer);
    const received = nextEvent(reader.onMessage);

    await sender.say('teamcaptain', 'hello from twurple Kappa');

    const [, user, text, message] = await received;
    expect([user, text, message.userInfo.displayName, message.userInfo.isMod]).toEqual([
      'integron_bot',
      'hello from twurple Kappa',
      'Integron_Bot',
      true,
    ]);
    expect(Object.fromEntries(message.emoteOffsets)).toEqual({ '25': ['19-23'] });
  });

  describe('moderation', () => {
    it("refuses a timed-out user's messages until the timeout ends", async () => {
      const sender = await joined(chat.viewer);
      const reader = await joined(chat.bot);
      const failed = nextEvent(sender.onMessageFailed);
      const received = nextEvent(reader.onMessage);
      sut.publish(
        chat.happen(chat.events.timeout(chat.broadcaster, chat.viewer, chat.moderator, 600)),
      );

      await sender.say('teamcaptain', 'let me speak');
      await expect(failed).resolves.toEqual(['teamcaptain', 'msg_timedout']);
      chat.clock.advance(600_000);
      await sender.say('teamcaptain', 'back again');

      const [, user, text] = await received;
      expect([user, text]).toEqual(['lazy_otter', 'back again']);
    });

    it('fails to join a channel that banned the user, and joins once unbanned', async () => {
      const { events, broadcaster } = chat;
      chat.happen(events.ban(broadcaster, chat.viewer, chat.moderator));
      const client = chatClient(chat.viewer, chat.tokenFor(chat.viewer), []);
      const connected = nextEvent(client.onConnect);
      client.connect();
      await connected;

      await expect(client.join('teamcaptain')).rejects.toBe('msg_banned');
      expect(sut.clients()[0]?.channels).toEqual([]);

      chat.happen(events.unban(broadcaster, chat.viewer, chat.moderator));
      await client.join('teamcaptain');
      expect(client.currentChannels).toEqual(['#teamcaptain']);
    });
  });

  it("answers the server's PINGs and stays connected", async () => {
    await sut.stop();
    sut = await TwitchChatServer.start({
      world: chat.world,
      host: HOST,
      tcpPort: 6667,
      wsPort: null,
      keepAlive: { idleMs: 100, pongTimeoutMs: 200 },
    });
    const client = await joined(chat.bot);
    let disconnects = 0;
    client.onDisconnect(() => disconnects++);

    await vi.waitFor(
      () => expect(sut.clients()).toEqual([expect.objectContaining({ pingsAnswered: 3 })]),
      { timeout: 5_000 },
    );

    expect(disconnects).toBe(0);
    expect(client.isConnected).toBe(true);
  });

  it('reconnects and rejoins after reconnectAll()', async () => {
    const client = await joined(chat.bot);
    const disconnected = nextEvent(client.onDisconnect);
    const rejoined = nextEvent(client.onJoin, undefined, RECONNECT_MS);

    await sut.reconnectAll();

    const [manually] = await disconnected;
    expect(manually).toBe(false);
    await expect(rejoined).resolves.toEqual(['teamcaptain', 'integron_bot']);
  });

  it('reconnects and rejoins after dropAll()', async () => {
    const client = await joined(chat.bot);
    const rejoined = nextEvent(client.onJoin, undefined, RECONNECT_MS);

    sut.dropAll();

    await expect(rejoined).resolves.toEqual(['teamcaptain', 'integron_bot']);
    expect(sut.clients().map((snapshot) => snapshot.channels)).toEqual([['teamcaptain']]);
  });

  describe('a bad token', () => {
    it('fails before reaching chat when it does not validate', async () => {
      const client = chatClient(chat.bot, 'nosuchtoken');
      const failure = nextEvent(client.onTokenFetchFailure);

      client.connect();

      const [error] = await failure;
      expect(error.name).toBe('InvalidTokenError');
      expect(sut.clients().every((snapshot) => snapshot.nick === null)).toBe(true);
    });

    it('fails chat login once revoked, when twurple reconnects with it', async () => {
      const token = chat.tokenFor(chat.bot);
      const client = chatClient(chat.bot, token);
      const joinedOnce = nextEvent(client.onJoin);
      client.connect();
      await joinedOnce;
      const failure = nextEvent(client.onAuthenticationFailure, undefined, RECONNECT_MS);

      chat.world.tokens.revoke(token);
      sut.dropAll();

      await expect(failure).resolves.toEqual(['Login authentication failed', 1]);
    });
  });
});
