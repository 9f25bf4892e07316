import tmi from 'tmi.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TwitchChatServer } from '../../src/irc/chat-server.js';
import { type SimUser } from '../../src/world/twitch-world.js';
import { ChatWorld } from './support/chat-world.js';
import { collectTmiEvents, nextTmiEvent } from './support/waiting.js';
import { expectDefined } from '../support/expect-defined.js';

const HOST = '127.0.0.41';
const RECONNECT_MS = 10_000;
const SILENT = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe(`${TwitchChatServer.name} with tmi.js`, () => {
  let chat: ChatWorld;
  let sut: TwitchChatServer;
  const clients: tmi.Client[] = [];

  beforeEach(async () => {
    chat = new ChatWorld();
    sut = await TwitchChatServer.start({ world: chat.world, host: HOST, tcpPort: 0 });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.removeAllListeners();
      if (client.readyState() === 'OPEN') await client.disconnect();
    }
    await sut.stop();
  });

  function tmiClient(user: SimUser, token = chat.tokenFor(user)): tmi.Client {
    const client = new tmi.Client({
      // Without this, tmi.js fetches emote sets from api.twitch.tv.
      options: { skipUpdatingEmotesets: true, joinInterval: 300 },
      connection: { server: HOST, port: sut.wsPort ?? 0, secure: false, reconnect: true },
      identity: { username: user.login, password: `oauth:${token}` },
      channels: ['teamcaptain'],
      logger: SILENT,
    });
    clients.push(client);
    return client;
  }

  async function joined(user: SimUser): Promise<tmi.Client> {
    const client = tmiClient(user);
    const join = nextTmiEvent(client, 'join', (_, who, self) => self && who === user.login);
    await client.connect();
    await join;
    return client;
  }

  describe('receives', () => {
    it('messages and actions, with their tags', async () => {
      const client = await joined(chat.bot);
      const messages = collectTmiEvents(client, 'message', 2);
      const text = '안녕하세요 😀 Kappa';

      sut.publish(
        chat.happen(
          chat.events.chatMessage(chat.broadcaster, chat.primeViewer, text, {
            emotes: [{ id: '25', start: 8, end: 12 }],
          }),
        ),
      );
      sut.publish(
        chat.happen(chat.events.chatMessage(chat.broadcaster, chat.vip, 'waves', { action: true })),
      );

      const [chatted, acted] = await messages;
      expectDefined(chatted);
      expectDefined(acted);
      const [channel, userstate, message, self] = chatted;
      const [, actionState, action] = acted;
      expect([channel, message, self]).toEqual(['#teamcaptain', text, false]);
      expect(userstate).toMatchObject({
        'display-name': '강동원',
        username: 'kangdongwon',
        badges: { premium: '1' },
        emotes: { '25': ['8-12'] },
        'message-type': 'chat',
      });
      expect([action, actionState['message-type'], actionState.badges]).toEqual([
        'waves',
        'action',
        { vip: '1' },
      ]);
    });

    it('timeouts, bans, deleted messages and cleared chats', async () => {
      const client = await joined(chat.bot);
      const { events, broadcaster } = chat;
      const timeout = nextTmiEvent(client, 'timeout');
      const ban = nextTmiEvent(client, 'ban');
      const deleted = nextTmiEvent(client, 'messagedeleted');
      const cleared = nextTmiEvent(client, 'clearchat');
      const spam = events.chatMessage(broadcaster, chat.turboViewer, 'spam');

      sut.publish(chat.happen(events.timeout(broadcaster, chat.viewer, chat.moderator, 600)));
      sut.publish(chat.happen(events.ban(broadcaster, chat.primeViewer, chat.moderator)));
      sut.publish(chat.happen(events.deleteMessage(spam, chat.moderator)));
      sut.publish(chat.happen(events.clearChat(broadcaster, chat.moderator)));

      const [, timedOut, , duration] = await timeout;
      expect([timedOut, duration]).toEqual(['lazy_otter', 600]);
      const [, banned] = await ban;
      expect(banned).toBe('kangdongwon');
      const [, author, deletedText, deletion] = await deleted;
      expect([author, deletedText, deletion['target-msg-id']]).toEqual([
        'velvetbard',
        'spam',
        spam.id,
      ]);
      await expect(cleared).resolves.toEqual(['#teamcaptain']);
    });

    it('subscriptions and resubs', async () => {
      const client = await joined(chat.bot);
      const { events, broadcaster } = chat;
      const subscription = nextTmiEvent(client, 'subscription');
      const resub = nextTmiEvent(client, 'resub');

      sut.publish(chat.happen(events.subscription(broadcaster, chat.viewer, { tier: '3000' })));
      sut.publish(
        chat.happen(
          events.subscription(broadcaster, chat.vip, {
            cumulativeMonths: 14,
            streakMonths: 3,
            message: { text: 'still here' },
          }),
        ),
      );

      const [, subscriber, methods] = await subscription;
      expect([subscriber, methods]).toEqual([
        'Lazy_Otter',
        { prime: false, plan: '3000', planName: 'Channel Subscription (teamcaptain)' },
      ]);
      const [, resubscriber, streak, message, state] = await resub;
      expect([resubscriber, streak, message, state['msg-param-cumulative-months']]).toEqual([
        'NightOwl',
        3,
        'still here',
        '14',
      ]);
    });

    it('a mystery gift and each of its gifts, sharing the gift id', async () => {
      const client = await joined(chat.bot);
      const recipients = [chat.viewer, chat.primeViewer, chat.turboViewer];
      const mystery = nextTmiEvent(client, 'submysterygift');
      const gifts = collectTmiEvents(client, 'subgift', recipients.length);

      const bomb = chat.happen(chat.events.gift(chat.broadcaster, chat.moderator, recipients));
      sut.publish(bomb);

      const [, gifter, count, , mysteryState] = await mystery;
      expect([gifter, count]).toEqual(['Pixel_Wolf', 3]);
      const received = await gifts;
      expect(received.map(([, , , recipient]) => recipient)).toEqual([
        'Lazy_Otter',
        '강동원',
        'VelvetBard',
      ]);
      const giftIds = [mysteryState, ...received.map(([, , , , , state]) => state)].map(
        (state) => state['msg-param-community-gift-id'] as unknown,
      );
      expect(new Set(giftIds)).toEqual(new Set([bomb.communityGiftId]));
    });

    it('raids', async () => {
      const client = await joined(chat.bot);
      const raider = chat.world.createUser({
        login: 'speedrunsally',
        displayName: 'SpeedrunSally',
      });
      const raided = nextTmiEvent(client, 'raided');

      sut.publish(chat.happen(chat.events.raid(chat.broadcaster, raider, 1234)));

      await expect(raided).resolves.toEqual([
        '#teamcaptain',
        'SpeedrunSally',
        1234,
        expect.any(Object),
      ]);
    });
  });

  it('sends a message that another client receives', async () => {
    const sender = await joined(chat.bot);
    const reader = await joined(chat.viewer);
    const received = nextTmiEvent(reader, 'message');

    await sender.say('teamcaptain', 'hello from tmi.js');

    const [, userstate, message, self] = await received;
    expect([userstate.username, userstate.mod, message, self]).toEqual([
      'integron_bot',
      true,
      'hello from tmi.js',
      false,
    ]);
  });

  it('tells a banned or timed-out user why their message was refused, until unbanned', async () => {
    const { events, broadcaster } = chat;
    const sender = await joined(chat.viewer);
    const reader = await joined(chat.bot);
    const received = nextTmiEvent(reader, 'message');

    sut.publish(chat.happen(events.timeout(broadcaster, chat.viewer, chat.moderator, 90)));
    chat.clock.advance(30_000);
    const timedOut = nextTmiEvent(sender, 'notice');
    await sender.say('teamcaptain', 'timed out');
    await expect(timedOut).resolves.toEqual([
      '#teamcaptain',
      'msg_timedout',
      'You are timed out for 60 more seconds.',
    ]);
    sut.publish(chat.happen(events.ban(broadcaster, chat.viewer, chat.moderator)));
    const banned = nextTmiEvent(sender, 'notice');
    await sender.say('teamcaptain', 'banned');
    await expect(banned).resolves.toEqual([
      '#teamcaptain',
      'msg_banned',
      'You are permanently banned from talking in teamcaptain.',
    ]);

    sut.publish(chat.happen(events.unban(broadcaster, chat.viewer, chat.moderator)));
    await sender.say('teamcaptain', 'unbanned');
    const [, userstate, message] = await received;
    expect([userstate.username, message]).toEqual(['lazy_otter', 'unbanned']);
  });

  it("answers the server's PINGs and stays connected", async () => {
    await sut.stop();
    sut = await TwitchChatServer.start({
      world: chat.world,
      host: HOST,
      tcpPort: 0,
      keepAlive: { idleMs: 100, pongTimeoutMs: 200 },
    });
    const client = await joined(chat.bot);
    const pings = collectTmiEvents(client, 'ping', 3);
    let disconnects = 0;
    client.on('disconnected', () => disconnects++);

    await pings;
    await vi.waitFor(
      () => expect(sut.clients()).toEqual([expect.objectContaining({ pingsAnswered: 3 })]),
      { timeout: 5_000 },
    );

    expect(disconnects).toBe(0);
    expect(client.readyState()).toBe('OPEN');
  });

  it('reconnects and rejoins after RECONNECT', async () => {
    const client = await joined(chat.bot);
    const disconnected = nextTmiEvent(client, 'disconnected');
    const rejoined = nextTmiEvent(
      client,
      'join',
      (_, who, self) => self && who === 'integron_bot',
      RECONNECT_MS,
    );

    await sut.reconnectAll();

    await disconnected;
    await expect(rejoined).resolves.toEqual(['#teamcaptain', 'integron_bot', true]);
    expect(sut.clients()).toEqual([
      expect.objectContaining({
        nick: 'integron_bot',
        channels: ['teamcaptain'],
        transport: 'websocket',
      }),
    ]);
  });

  it('fails to connect with a bad token', async () => {
    const client = tmiClient(chat.bot, 'nosuchtoken');

    await expect(client.connect()).rejects.toBe('Login authentication failed');
  });
});
