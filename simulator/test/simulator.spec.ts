import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { REST } from '@discordjs/rest';
import { ApiClient } from '@twurple/api';
import { AppTokenAuthProvider, StaticAuthProvider } from '@twurple/auth';
import { ChatClient, type ChatMessage } from '@twurple/chat';
import { type EventSubChannelChatMessageEvent } from '@twurple/eventsub-base';
import { EventSubMiddleware } from '@twurple/eventsub-http';
import { type RESTPostAPIChannelMessageResult, Routes } from 'discord-api-types/v10';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulator } from '../src/simulator.js';
import { type SimApp, type SimUser } from '../src/world/twitch-world.js';

/** twurple's ChatClient can only reach port 6667: this file's own loopback address. */
const CHAT_HOST = '127.0.0.61';
const QUIET = { minLevel: 'critical' } as const;
const EVENTSUB_HOST = 'integron.example';

/** Resolves with the first call of a twurple-style `on…(handler)` that `accept`s it. */
function nextCall<A extends unknown[]>(
  on: (handler: (...args: A) => void) => unknown,
  accept: (...args: A) => boolean = () => true,
): Promise<A> {
  return new Promise((resolve) => on((...args) => accept(...args) && resolve(args)));
}

describe(Simulator.name, () => {
  let sut: Simulator;
  let app: SimApp;
  let broadcaster: SimUser;
  let bot: SimUser;
  let chat: ChatClient;
  let listener: Server;
  let eventSub: EventSubMiddleware;
  const chatMessages: EventSubChannelChatMessageEvent[] = [];

  beforeAll(async () => {
    sut = await Simulator.start({
      seed: 5,
      // Twitch calls https on port 443 only; the public host stands in front of the listener.
      deliveryUrl: (callback) =>
        callback.replace(
          `https://${EVENTSUB_HOST}`,
          `http://127.0.0.1:${(listener.address() as AddressInfo).port}`,
        ),
      chat: { host: CHAT_HOST, tcpPort: 6667, wsPort: null },
      population: { channels: 2, chatters: 40 },
    });
    sut.twitch.useForTwurple();
    app = sut.twitch.world.registerApp();
    broadcaster = sut.population.channels[0]!.broadcaster;
    bot = sut.population.bots[0]!;

    const token = sut.twitch.world.tokens.issueUserToken(app.clientId, bot.id, [
      'chat:read',
      'chat:edit',
      'user:read:chat',
      'user:bot',
    ]);
    chat = new ChatClient({
      authProvider: new StaticAuthProvider(app.clientId, token.accessToken),
      channels: [broadcaster.login],
      hostName: CHAT_HOST,
      webSocket: false,
      ssl: false,
      logger: QUIET,
    });
    const joined = nextCall(chat.onJoin);
    chat.connect();
    await joined;

    const receiver = express();
    listener = await new Promise<Server>((resolve) => {
      const server = receiver.listen(0, '127.0.0.1', () => resolve(server));
    });
    eventSub = new EventSubMiddleware({
      apiClient: new ApiClient({
        authProvider: new AppTokenAuthProvider(app.clientId, app.clientSecret),
        logger: QUIET,
      }),
      hostName: EVENTSUB_HOST,
      pathPrefix: '/twitch',
      secret: 'simulator-spec-secret',
      logger: QUIET,
    });
    eventSub.apply(receiver);
    await eventSub.markAsReady();
    const subscribed = nextCall(eventSub.onSubscriptionCreateSuccess);
    eventSub.onChannelChatMessage(broadcaster.id, bot.id, (event) => void chatMessages.push(event));
    const [, created] = await subscribed;
    await sut.twitch.eventSub.settled(created.id);
  });

  afterAll(async () => {
    chat.quit();
    listener.closeAllConnections();
    await new Promise((done) => listener.close(done));
    await sut.stop();
  });

  it('shows a happening on chat and on EventSub alike', async () => {
    const viewer = sut.population.chatters[3]!;
    const message = sut.twitch.events.chatMessage(broadcaster, viewer, 'hello from the simulator');
    const overIrc = nextCall(
      chat.onMessage,
      (_, __, ___, msg: ChatMessage) => msg.id === message.id,
    );

    await sut.twitch.happen(message);

    const [, user, text] = await overIrc;
    expect({ user, text }).toEqual({ user: viewer.login, text: 'hello from the simulator' });
    expect(chatMessages.find((event) => event.messageId === message.id)).toMatchObject({
      chatterName: viewer.login,
      messageText: 'hello from the simulator',
    });
  });

  it("passes what a chat client says on to EventSub, as Twitch's chat does", async () => {
    const before = chatMessages.length;

    await chat.say(broadcaster.login, 'a bot speaks');

    await expect
      .poll(() => chatMessages.slice(before).map((event) => event.messageText))
      .toEqual(['a bot speaks']);
  });

  it('generates seeded traffic that reaches a chat client', async () => {
    const traffic = sut.traffic({ rate: 200, mix: { follow: 0 } });
    let received = 0;
    const listener = chat.onMessage(() => received++);

    traffic.generate(400);

    await expect.poll(() => received, { timeout: 10_000 }).toBeGreaterThan(100);
    chat.removeListener(listener);
  });

  it('serves Discord to an unmodified @discordjs/rest', async () => {
    const guild = sut.discord!.world.createGuild({
      name: 'Team',
      channels: [{ name: 'live-now' }],
    });
    const discordBot = sut.discord!.world.createBot({ name: 'Integron' });
    sut.discord!.world.addBotToGuild(guild.id, discordBot.user.id);
    const channel = guild.channel('live-now');
    const rest = new REST({ api: sut.discord!.apiBaseUrl, version: '10' }).setToken(
      discordBot.token,
    );

    const posted = (await rest.post(Routes.channelMessages(channel.id), {
      body: { content: `${broadcaster.displayName} is live!` },
    })) as RESTPostAPIChannelMessageResult;

    expect(sut.discord!.messages(channel.id).map((message) => message.id)).toEqual([posted.id]);
  });
});
