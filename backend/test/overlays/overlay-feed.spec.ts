import {
  type ChatMessageEvent,
  type IssuedOverlayKey,
  OVERLAY_KEY_REFUSED,
  OVERLAY_NAMESPACE,
  OVERLAY_REPLAY_INVALID,
  type OverlayChatMessage,
  type OverlayChatRemoval,
  type OverlayClientToServerEvents,
  type OverlayItem,
  type OverlayServerToClientEvents,
  type StreamEvent,
} from '@integron/contracts';
import { type SimChannel, type SimUser } from '@integron/simulator';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/bus/event-bus.js';
import { StreamEventsService } from '../../src/events/stream-events.service.js';
import { ArchiveApp } from '../utils/archive-app.js';

type OverlayClient = Socket<OverlayServerToClientEvents, OverlayClientToServerEvents>;

/** What one overlay socket heard, by event. */
interface Heard {
  ready: number;
  replay: OverlayItem[][];
  events: StreamEvent[];
  chat: OverlayChatMessage[];
  removals: OverlayChatRemoval[];
}

/** OBS overlays over Socket.io: a channel's stream events, chat and removals, and replays. */
describe('the overlay feed', () => {
  let archive: ArchiveApp;
  let keys: Map<SimChannel, string>;
  const sockets: OverlayClient[] = [];

  beforeAll(async () => {
    archive = await ArchiveApp.start();
    keys = new Map();
    for (const channel of archive.channels.slice(0, 2)) {
      const issued = await archive.owner.json<IssuedOverlayKey>(
        `/api/channels/${await archive.channelId(channel)}/overlay-keys`,
        { method: 'POST', body: JSON.stringify({ name: 'Overlay feed test' }) },
      );
      keys.set(channel, issued.body.key);
    }
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  afterAll(async () => {
    await archive.close();
  });

  const first = () => archive.channels[0]!;
  const second = () => archive.channels[1]!;
  const moderator = () => archive.simulator.population.bots[0]!;
  let nextChatter = 0;
  const chatter = (): SimUser => archive.chatters[nextChatter++]!;

  /** An OBS browser source of `channel`; resolves once it is ready (and replayed, if it asked). */
  async function connect(
    channel: SimChannel,
    auth: Record<string, unknown> = {},
  ): Promise<{ socket: OverlayClient; heard: Heard }> {
    const { socket, heard, error } = await attempt({ key: keys.get(channel), ...auth });
    if (error) throw error;
    if (typeof auth.replay === 'number' && auth.replay > 0)
      await expect.poll(() => heard.replay.length).toBe(1);
    return { socket, heard };
  }

  function attempt(
    auth: Record<string, unknown>,
  ): Promise<{ socket: OverlayClient; heard: Heard; error?: Error }> {
    const socket: OverlayClient = io(`${archive.sut.baseUrl}${OVERLAY_NAMESPACE}`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    const heard: Heard = { ready: 0, replay: [], events: [], chat: [], removals: [] };
    socket.on('replay', (items) => heard.replay.push(items));
    socket.on('stream-event', (event) => heard.events.push(event));
    socket.on('chat-message', (message) => heard.chat.push(message));
    socket.on('chat-removed', (removal) => heard.removals.push(removal));
    return new Promise((settle) => {
      socket.on('ready', () => {
        heard.ready++;
        settle({ socket, heard });
      });
      socket.on('connect_error', (error) => settle({ socket, heard, error }));
    });
  }

  const say = async (channel: SimChannel, user: SimUser, text: string, emotes = []) => {
    const message = archive.events.chatMessage(channel.broadcaster, user, text, { emotes });
    await archive.happen(message);
    return message;
  };
  const settled = async () => {
    await archive.flushed();
    await archive.sut.app.get(StreamEventsService).drained();
  };

  it("sends a channel's chat lines, with colour, badges and emotes, to that channel's overlays only", async () => {
    const mine = await connect(first());
    const theirs = await connect(second());
    const user = chatter();

    const sent = archive.events.chatMessage(first().broadcaster, user, 'hi Kappa <b>there</b>', {
      emotes: [{ id: '25', start: 3, end: 7 }],
    });
    await archive.happen(sent);

    await expect.poll(() => mine.heard.chat).toHaveLength(1);
    expect(mine.heard.chat[0]).toEqual({
      messageId: sent.id,
      occurredAt: new Date(sent.at).toISOString(),
      user: { id: user.id, login: user.login, displayName: user.displayName },
      text: 'hi Kappa <b>there</b>',
      isAction: false,
      color: user.chatColor === '' ? null : user.chatColor,
      badges: expect.any(Array) as unknown,
      emotes: [{ id: '25', start: 3, end: 7 }],
      bits: 0,
      isFirstMessage: false,
      subscriberMonths: expect.any(Number) as unknown,
    });
    expect(JSON.stringify(mine.heard.chat[0])).not.toContain('PRIVMSG');
    expect(theirs.heard.chat).toEqual([]);
  });

  it('names the badges a chatter wears', async () => {
    const { heard } = await connect(first());

    await say(first(), first().broadcaster, 'the broadcaster speaks');

    await expect.poll(() => heard.chat).toHaveLength(1);
    expect(heard.chat[0]!.badges).toContainEqual({ setId: 'broadcaster', version: '1' });
  });

  it('sends each real-world stream event once: a gift bomb is one gift with its recipients', async () => {
    const { heard } = await connect(first());
    const gifter = chatter();
    const recipients = [1, 2, 3, 4, 5].map(() => chatter());

    await archive.happen(
      archive.events.gift(first().broadcaster, gifter, recipients),
      archive.events.raid(first().broadcaster, chatter(), 42),
    );
    await settled();

    await expect.poll(() => heard.events.map((event) => event.type)).toEqual(['gift', 'raid']);
    expect(heard.events[0]).toMatchObject({
      type: 'gift',
      gifter: { login: gifter.login },
      count: 5,
    });
    expect((heard.events[0] as { recipients: unknown[] }).recipients).toHaveLength(5);
    expect(heard.events[1]).toMatchObject({ type: 'raid', viewers: 42 });
  });

  it('sends what the events pipeline accepts, each event once', async () => {
    const { heard } = await connect(first());
    const accepted: StreamEvent[] = [];
    const subscription = archive.sut.app
      .get(StreamEventsService)
      .accepted$.subscribe((event) => accepted.push(event));
    const subscriber = chatter();

    // Told by chat, and by EventSub too where the simulated Twitch delivers it.
    await archive.happen(archive.events.subscription(first().broadcaster, subscriber));
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 500));
    subscription.unsubscribe();

    expect(heard.events).toEqual(accepted);
    expect(heard.events).toMatchObject([{ type: 'sub', user: { login: subscriber.login } }]);
  });

  it('tells overlays which lines to drop: a deleted message, a banned or timed-out user, a clear', async () => {
    const { heard } = await connect(first());
    const [deleted, banned, timedOut] = [chatter(), chatter(), chatter()];
    const message = await say(first(), deleted, 'this goes away');

    await archive.happen(
      archive.events.deleteMessage(message, moderator()),
      archive.events.ban(first().broadcaster, banned, moderator()),
      archive.events.timeout(first().broadcaster, timedOut, moderator(), 60),
      archive.events.clearChat(first().broadcaster, moderator()),
    );

    await expect
      .poll(() => heard.removals)
      .toEqual([
        { kind: 'message', messageId: message.id },
        { kind: 'user', login: banned.login },
        { kind: 'user', login: timedOut.login },
        { kind: 'all' },
      ]);
    // Where EventSub tells them too, its tellings are the same removals and are not sent again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(heard.removals).toHaveLength(4);
  });

  it('replays what a socket asks for on connect, oldest first, without removed lines', async () => {
    const channel = second();
    const [kept, removed] = [chatter(), chatter()];
    await say(channel, kept, 'replay line one');
    const gone = await say(channel, removed, 'replay line two');
    await archive.happen(archive.events.raid(channel.broadcaster, chatter(), 7));
    await settled();
    await say(channel, kept, 'replay line three');
    await archive.happen(archive.events.deleteMessage(gone, moderator()));

    const { heard } = await connect(channel, { replay: 3 });

    const replayed = heard.replay[0]!.map((item) =>
      item.kind === 'chat-message' ? item.message.text : item.event.type,
    );
    expect(replayed.slice(-3)).toEqual(['replay line one', 'raid', 'replay line three']);
    expect(replayed).not.toContain('replay line two');
    expect(heard.replay[0]!.filter((item) => item.kind === 'chat-message')).toHaveLength(2);
  });

  it('keeps the last 50 of each kind per channel', async () => {
    const bus = archive.sut.app.get(EventBus);
    const channel = first().broadcaster;
    for (let i = 0; i < 60; i++) bus.publish(chatLine(channel, `bulk line ${i}`));

    const { heard } = await connect(first(), { replay: 50 });

    const lines = heard.replay[0]!.flatMap((item) =>
      item.kind === 'chat-message' ? [item.message.text] : [],
    );
    expect(lines).toHaveLength(50);
    expect(lines.at(0)).toBe('bulk line 10');
    expect(lines.at(-1)).toBe('bulk line 59');
  });

  it('sends no replay unless asked', async () => {
    const { heard } = await connect(first());
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(heard.ready).toBe(1);
    expect(heard.replay).toEqual([]);
  });

  it('refuses a replay that is not a whole number from 0 to 50, saying so', async () => {
    for (const replay of [-1, 51, 2.5, '10', null, true]) {
      const { error } = await attempt({ key: keys.get(first()), replay });
      expect(error?.message, JSON.stringify(replay)).toBe(OVERLAY_REPLAY_INVALID);
    }
    const { error } = await attempt({ key: 'ovk_notakey', replay: 5 });
    expect(error?.message).toBe(OVERLAY_KEY_REFUSED);
  });
});

function chatLine(
  channel: { id: string; login: string; displayName: string },
  text: string,
): ChatMessageEvent {
  const messageId = `overlay-test-${Math.random().toString(36).slice(2)}`;
  return {
    type: 'chat.message',
    eventId: messageId,
    channel: { id: channel.id, login: channel.login, displayName: channel.displayName },
    occurredAt: new Date().toISOString(),
    source: 'irc',
    rawIrc: null,
    messageId,
    user: { id: '9001', login: 'bulkchatter', displayName: 'BulkChatter' },
    text,
    isAction: false,
    color: null,
    badges: [],
    emotes: [],
    bits: 0,
    replyParent: null,
    isFirstMessage: false,
    subscriberMonths: 0,
  };
}
