import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwitchChatServer } from '../../src/irc/chat-server.js';
import { type ChatMessageHappening } from '../../src/twitch/happenings.js';
import { ChatWorld } from './support/chat-world.js';
import { ircCommand, RawIrcClient } from './support/raw-irc-client.js';

const HOST = '127.0.0.31';
const ALL_CAPABILITIES = 'twitch.tv/tags twitch.tv/commands twitch.tv/membership';

function golden(name: string): string {
  return `../golden/irc/${name}.irc`;
}

function asFile(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** Ids of messages sent by clients are random; everything else is pinned. */
function withoutMessageIds(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/([;@])id=[0-9a-f-]{36}/, '$1id=<message id>'));
}

describe(TwitchChatServer.name, () => {
  let chat: ChatWorld;
  let sut: TwitchChatServer;
  let clientMessages: ChatMessageHappening[];
  const clients: RawIrcClient[] = [];

  beforeEach(async () => {
    chat = new ChatWorld();
    clientMessages = [];
    sut = await TwitchChatServer.start({
      world: chat.world,
      host: HOST,
      tcpPort: 0,
      onClientMessage: (message) => clientMessages.push(message),
    });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await sut.stop();
  });

  async function connect(transport: 'tcp' | 'websocket' = 'tcp'): Promise<RawIrcClient> {
    const client =
      transport === 'tcp'
        ? await RawIrcClient.overTcp(HOST, sut.tcpPort)
        : await RawIrcClient.overWebSocket(sut.wsUrl ?? '');
    clients.push(client);
    return client;
  }

  /** Logs in the way tmi.js does, and reads the welcome. */
  async function loggedIn(
    user = chat.bot,
    capabilities = ALL_CAPABILITIES,
    token = chat.tokenFor(user),
  ): Promise<RawIrcClient> {
    const client = await connect();
    client.send(`CAP REQ :${capabilities}`, `PASS oauth:${token}`, `NICK ${user.login}`);
    await client.readUntilCommand(
      capabilities.includes('twitch.tv/commands') ? 'GLOBALUSERSTATE' : '376',
    );
    return client;
  }

  async function joined(client: RawIrcClient, channel = 'teamcaptain'): Promise<string[]> {
    client.send(`JOIN #${channel}`);
    return client.readUntil((line) => ['ROOMSTATE', 'NOTICE'].includes(ircCommand(line)));
  }

  describe('login', () => {
    it('answers the handshake twurple makes, then JOIN, as Twitch does', async () => {
      const client = await connect();

      client.send('CAP LS 302');
      const capabilityList = await client.readUntilCommand('CAP');
      client.send('CAP REQ :twitch.tv/tags twitch.tv/commands', 'CAP END');
      const acknowledged = await client.readUntilCommand('CAP');
      client.send(
        `PASS oauth:${chat.tokenFor(chat.bot)}`,
        'NICK integron_bot',
        'USER integron_bot 8 * :integron_bot',
      );
      const welcome = await client.readUntilCommand('GLOBALUSERSTATE');
      const join = await joined(client);

      await expect(
        asFile([...capabilityList, ...acknowledged, ...welcome, ...join]),
      ).toMatchFileSnapshot(golden('login-and-join'));
    });

    it('lets anonymous justinfan readers in, without user state', async () => {
      const client = await connect();

      client.send(`CAP REQ :${ALL_CAPABILITIES}`, 'PASS SCHMOOPIIE', 'NICK justinfan12345');
      const welcome = await client.readUntilCommand('376');
      const join = await joined(client);

      await expect(asFile([...welcome, ...join])).toMatchFileSnapshot(
        golden('anonymous-login-and-join'),
      );
    });

    it.each([
      ['an unknown token', () => 'oauth:nosuchtoken', 'integron_bot'],
      ['a token of another user', () => `oauth:${chat.tokenFor(chat.viewer)}`, 'integron_bot'],
      [
        'an expired token',
        () => {
          const token = chat.tokenFor(chat.bot);
          chat.world.tokens.expire(token);
          return `oauth:${token}`;
        },
        'integron_bot',
      ],
    ])('refuses %s and closes the connection', async (_, password, nick) => {
      const client = await connect();

      client.send('CAP REQ :twitch.tv/tags', `PASS ${password()}`, `NICK ${nick}`);

      await expect(client.waitForClose()).resolves.toEqual([
        ':tmi.twitch.tv CAP * ACK :twitch.tv/tags',
        ':tmi.twitch.tv NOTICE * :Login authentication failed',
      ]);
    });

    it('refuses a NICK without an oauth PASS as improperly formatted', async () => {
      const client = await connect();

      client.send('NICK integron_bot');

      await expect(client.waitForClose()).resolves.toEqual([
        ':tmi.twitch.tv NOTICE * :Improperly formatted auth',
      ]);
    });

    it('refuses unknown capabilities, repeating the request', async () => {
      const client = await connect();

      client.send('CAP REQ :twitch.tv/tags example.com/nope');

      await expect(client.readUntilCommand('CAP')).resolves.toEqual([
        ':tmi.twitch.tv CAP * NAK :twitch.tv/tags example.com/nope',
      ]);
    });

    it('answers PING with and without a token', async () => {
      const client = await connect();

      client.send('PING 1795341600000', 'PING');

      await expect(client.readUntil((line) => line.startsWith('PONG'))).resolves.toEqual([
        ':tmi.twitch.tv PONG tmi.twitch.tv :1795341600000',
        'PONG :tmi.twitch.tv',
      ]);
    });
  });

  it('answers commands it does not know with 421, once logged in', async () => {
    const client = await loggedIn();

    client.send('WHO #teamcaptain');

    await expect(client.readUntilCommand('421')).resolves.toEqual([
      ':tmi.twitch.tv 421 integron_bot WHO :Unknown command',
    ]);
  });

  describe('channels', () => {
    it('says when a channel does not exist', async () => {
      const client = await loggedIn();

      await expect(joined(client, 'nosuchchannel')).resolves.toEqual([
        '@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #nosuchchannel :This channel does not exist or has been suspended.',
      ]);
    });

    it('joins a comma-separated list and parts', async () => {
      const other = chat.world.createUser({ login: 'speedrunsally' });
      chat.world.createChannel(other);
      const client = await loggedIn();

      client.send('JOIN #teamcaptain,#SpeedrunSally');
      await client.readUntil((line) => line.endsWith('ROOMSTATE #speedrunsally'));
      client.send('PART #teamcaptain');

      await expect(client.readUntilCommand('PART')).resolves.toEqual([
        ':integron_bot!integron_bot@integron_bot.tmi.twitch.tv PART #teamcaptain',
      ]);
      expect(sut.clients()).toEqual([
        {
          nick: 'integron_bot',
          channels: ['speedrunsally'],
          caps: ALL_CAPABILITIES.split(' '),
          transport: 'tcp',
          pingsAnswered: 0,
        },
      ]);
    });

    it("tells clients with twitch.tv/membership about others' JOIN and PART", async () => {
      const watcher = await loggedIn(chat.bot);
      const unaware = await loggedIn(chat.moderator, 'twitch.tv/tags twitch.tv/commands');
      await joined(watcher);
      await joined(unaware);

      const visitor = await loggedIn(chat.viewer);
      await joined(visitor);
      visitor.close();

      await expect(watcher.readUntilCommand('PART')).resolves.toEqual([
        ':pixel_wolf!pixel_wolf@pixel_wolf.tmi.twitch.tv JOIN #teamcaptain',
        ':lazy_otter!lazy_otter@lazy_otter.tmi.twitch.tv JOIN #teamcaptain',
        ':lazy_otter!lazy_otter@lazy_otter.tmi.twitch.tv PART #teamcaptain',
      ]);
      sut.publish(chat.events.chatMessage(chat.broadcaster, chat.vip, 'marker'));
      await expect(unaware.readUntilCommand('PRIVMSG')).resolves.toHaveLength(1);
    });
  });

  describe('messages from clients', () => {
    it('delivers them to everyone else in the channel, and answers the sender with USERSTATE', async () => {
      const sender = await loggedIn(chat.bot, 'twitch.tv/tags twitch.tv/commands');
      const reader = await loggedIn(chat.viewer, 'twitch.tv/tags twitch.tv/commands');
      await joined(sender);
      await joined(reader);

      sender.send('PRIVMSG #teamcaptain :hello from the bot Kappa');
      const received = await reader.readUntilCommand('PRIVMSG');
      const answer = await sender.readUntilCommand('USERSTATE');

      await expect(asFile(withoutMessageIds([...answer, ...received]))).toMatchFileSnapshot(
        golden('client-privmsg'),
      );
      expect(received[0]).toContain(`id=${clientMessages[0]?.id};`);
      expect(answer[0]).toContain(`;id=${clientMessages[0]?.id};`);
      expect(sender.lines.some((line) => ircCommand(line) === 'PRIVMSG')).toBe(false);
    });

    it('reports them as chat messages', async () => {
      const sender = await loggedIn(chat.bot);
      await joined(sender);

      sender.send('PRIVMSG #teamcaptain :\x01ACTION dances LUL\x01');
      await sender.readUntilCommand('USERSTATE');

      expect(clientMessages).toEqual([
        expect.objectContaining({
          kind: 'chat.message',
          channel: chat.broadcaster,
          user: chat.bot,
          text: 'dances LUL',
          action: true,
          emotes: [{ id: '425618', start: 7, end: 9 }],
          reply: null,
        }),
      ]);
    });

    it('makes a reply of a message with a known reply-parent-msg-id', async () => {
      const sender = await loggedIn(chat.bot);
      const reader = await loggedIn(chat.viewer);
      await joined(sender);
      await joined(reader);
      const question = chat.events.chatMessage(
        chat.broadcaster,
        chat.vip,
        'what is the next game?',
      );
      sut.publish(question);
      await reader.readUntilCommand('PRIVMSG');

      sender.send(
        `@reply-parent-msg-id=${question.id} PRIVMSG #teamcaptain :/me points at the schedule`,
      );
      const [reply] = await reader.readUntilCommand('PRIVMSG');

      expect(reply).toContain(`;reply-parent-msg-id=${question.id};`);
      expect(reply).toContain(';reply-parent-msg-body=what\\sis\\sthe\\snext\\sgame?;');
      expect(reply).toContain(';reply-thread-parent-user-login=nightowl;');
      expect(reply).toContain('PRIVMSG #teamcaptain :\x01ACTION points at the schedule\x01');
    });

    it('refuses them from tokens without chat:edit and from anonymous readers', async () => {
      const readOnly = await loggedIn(
        chat.bot,
        ALL_CAPABILITIES,
        chat.tokenFor(chat.bot, ['chat:read']),
      );
      const anonymous = await connect();
      anonymous.send(`CAP REQ :${ALL_CAPABILITIES}`, 'NICK justinfan777');
      await anonymous.readUntilCommand('376');

      for (const client of [readOnly, anonymous]) {
        client.send('PRIVMSG #teamcaptain :hi');
        await expect(client.readUntilCommand('NOTICE')).resolves.toEqual([
          "@msg-id=no_permission :tmi.twitch.tv NOTICE #teamcaptain :You don't have permission to perform that action.",
        ]);
      }
      expect(clientMessages).toEqual([]);
    });
  });

  describe('capabilities', () => {
    it('sends tags only to clients that asked for twitch.tv/tags', async () => {
      const client = await loggedIn(chat.bot, 'twitch.tv/commands');
      await joined(client);

      sut.publish(chat.events.chatMessage(chat.broadcaster, chat.viewer, 'plain'));

      await expect(client.readUntilCommand('PRIVMSG')).resolves.toEqual([
        ':lazy_otter!lazy_otter@lazy_otter.tmi.twitch.tv PRIVMSG #teamcaptain :plain',
      ]);
    });

    it("sends Twitch's own commands only to clients that asked for twitch.tv/commands", async () => {
      const client = await loggedIn(chat.bot, 'twitch.tv/tags');
      client.send('JOIN #teamcaptain');
      await client.readUntilCommand('366');
      const { events, broadcaster } = chat;

      sut.publish(events.timeout(broadcaster, chat.viewer, chat.moderator, 60));
      sut.publish(events.subscription(broadcaster, chat.viewer));
      sut.publish(events.chatMessage(broadcaster, chat.viewer, 'still here'));

      const afterJoin = await client.readUntilCommand('PRIVMSG');
      expect(afterJoin.map(ircCommand)).toEqual(['PRIVMSG']);
    });
  });

  describe('broadcasting', () => {
    it('publishes happenings to the members of their channel only', async () => {
      const member = await loggedIn(chat.bot);
      const elsewhere = await loggedIn(chat.viewer);
      await joined(member);

      sut.publish(chat.events.raid(chat.broadcaster, chat.vip, 10));
      sut.broadcastLines('teamcaptain', [
        ':lazy_otter!lazy_otter@lazy_otter.tmi.twitch.tv PRIVMSG #teamcaptain :fast',
      ]);

      await expect(member.readUntilCommand('PRIVMSG')).resolves.toEqual([
        expect.stringContaining(';msg-id=raid;'),
        ':lazy_otter!lazy_otter@lazy_otter.tmi.twitch.tv PRIVMSG #teamcaptain :fast',
      ]);
      expect(ircCommand(elsewhere.lines.slice(-1)[0] ?? '')).toBe('GLOBALUSERSTATE');
    });

    it('batches lines into WebSocket frames carrying several lines', async () => {
      const client = await connect('websocket');

      client.send(
        `CAP REQ :${ALL_CAPABILITIES}`,
        `PASS oauth:${chat.tokenFor(chat.bot)}`,
        'NICK integron_bot',
      );
      await client.readUntilCommand('GLOBALUSERSTATE');

      expect(client.frames.length).toBeLessThan(client.lines.length);
      expect(client.frames.join('')).toBe(client.lines.map((line) => `${line}\r\n`).join(''));
    });

    it('disconnects a client that stops reading rather than buffering without bound', async () => {
      const slow = await loggedIn(chat.bot);
      await joined(slow);
      slow.pauseReading();
      const line = `@${'x=y;'.repeat(100)}z= :lazy_otter!lazy_otter@lazy_otter.tmi.twitch.tv PRIVMSG #teamcaptain :flood`;

      for (let batch = 0; batch < 200 && sut.clients().length > 0; batch++) {
        sut.broadcastLines('teamcaptain', Array<string>(1_000).fill(line));
        await new Promise((resolve) => setImmediate(resolve));
      }

      expect(sut.clients()).toEqual([]);
    });
  });

  describe('keep-alive', () => {
    const KEEP_ALIVE = { idleMs: 100, pongTimeoutMs: 400 };

    async function keepingAlive(): Promise<RawIrcClient> {
      await sut.stop();
      sut = await TwitchChatServer.start({
        world: chat.world,
        host: HOST,
        tcpPort: 0,
        keepAlive: KEEP_ALIVE,
      });
      return loggedIn();
    }

    it('pings a silent client and drops it when it does not answer', async () => {
      const client = await keepingAlive();

      const pinged = await client.readUntilCommand('PING');
      const unread = await client.waitForClose();

      expect(pinged.at(-1)).toBe('PING :tmi.twitch.tv');
      expect(unread).toEqual([]);
      expect(sut.clients()).toEqual([]);
    });

    it('keeps a client that answers each PING, however long it stays', async () => {
      const client = await keepingAlive();

      // Eight rounds outlast the PONG timeout twice over.
      for (let ping = 0; ping < 8; ping++) {
        await client.readUntilCommand('PING');
        client.send('PONG :tmi.twitch.tv');
      }
      await expect(joined(client).then((lines) => lines.at(-1))).resolves.toMatch(
        /ROOMSTATE #teamcaptain$/,
      );

      expect(client.closed).toBe(false);
      expect(sut.clients()).toEqual([expect.objectContaining({ pingsAnswered: 8 })]);
    });
  });

  describe('reconnecting', () => {
    it('sends RECONNECT to clients with twitch.tv/commands, then closes every connection', async () => {
      const withCommands = await loggedIn(chat.bot);
      const withoutCommands = await loggedIn(chat.viewer, 'twitch.tv/tags');

      await sut.reconnectAll();

      await expect(withCommands.waitForClose()).resolves.toEqual([':tmi.twitch.tv RECONNECT']);
      await expect(withoutCommands.waitForClose()).resolves.toEqual([]);
    });

    it('keeps delivering chat for graceMs after RECONNECT, then closes', async () => {
      const client = await loggedIn();
      await joined(client);

      const reconnecting = sut.reconnectAll({ graceMs: 1_500 });
      const notice = await client.readUntilCommand('RECONNECT');
      sut.publish(chat.events.chatMessage(chat.broadcaster, chat.viewer, 'during the grace'));
      const during = await client.readUntilCommand('PRIVMSG');
      const openDuringGrace = !client.closed;
      await reconnecting;

      expect(notice).toEqual([':tmi.twitch.tv RECONNECT']);
      expect(during.at(-1)).toMatch(/ PRIVMSG #teamcaptain :during the grace$/);
      expect(openDuringGrace).toBe(true);
      await expect(client.waitForClose()).resolves.toEqual([]);
      await expect.poll(() => sut.clients()).toEqual([]);
    });

    it('delivers nothing more once the grace is over', async () => {
      const client = await loggedIn();
      await joined(client);

      await sut.reconnectAll({ graceMs: 100 });
      sut.publish(chat.events.chatMessage(chat.broadcaster, chat.viewer, 'too late'));

      await expect(client.waitForClose()).resolves.toEqual([':tmi.twitch.tv RECONNECT']);
      expect(client.lines.filter((line) => line.includes('too late'))).toEqual([]);
    });

    it('drops every connection without a word', async () => {
      const client = await loggedIn();
      await joined(client);

      sut.dropAll();

      await expect(client.waitForClose()).resolves.toEqual([]);
      expect(sut.clients()).toEqual([]);
    });
  });

  it('frees its ports when stopped', async () => {
    const { tcpPort, wsPort } = sut;
    await sut.stop();

    sut = await TwitchChatServer.start({ world: chat.world, host: HOST, tcpPort, wsPort });

    expect([sut.tcpPort, sut.wsPort]).toEqual([tcpPort, wsPort]);
  });
});
