import {
  type ChatLine,
  LIVE_NAMESPACE,
  LIVE_SIGN_IN_REQUIRED,
  type LiveAck,
  type LiveChannelState,
  type LiveClientToServerEvents,
  type LiveMessageDeleted,
  type LiveModAction,
  type LiveServerToClientEvents,
  type LiveSubscription,
} from '@integron/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveApp } from '../utils/archive-app.js';
import { type HttpBrowser } from '../utils/http-browser.js';

type LiveClient = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/** What one socket heard, by event. */
interface Heard {
  message: ChatLine[];
  mod_action: LiveModAction[];
  message_deleted: LiveMessageDeleted[];
  channel_state: LiveChannelState[];
}

describe('the live feed', () => {
  let archive: ArchiveApp;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    archive = await ArchiveApp.start();
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  afterAll(async () => {
    await archive.close();
  });

  async function connect(
    browser: HttpBrowser | null,
    headers: Record<string, string> = {},
  ): Promise<{ socket: LiveClient; heard: Heard; error?: Error }> {
    const cookie = browser ? await browser.jar.getCookieString(archive.sut.baseUrl) : '';
    const socket: LiveClient = io(`${archive.sut.baseUrl}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
    });
    sockets.push(socket);
    const heard: Heard = { message: [], mod_action: [], message_deleted: [], channel_state: [] };
    socket.on('message', (line) => heard.message.push(line));
    socket.on('mod_action', (action) => heard.mod_action.push(action));
    socket.on('message_deleted', (deleted) => heard.message_deleted.push(deleted));
    socket.on('channel_state', (state) => heard.channel_state.push(state));
    return new Promise((settle) => {
      socket.on('connect', () => settle({ socket, heard }));
      socket.on('connect_error', (error) => settle({ socket, heard, error }));
    });
  }

  const subscribe = (socket: LiveClient, subscription: unknown) =>
    new Promise<LiveAck>((answer) =>
      socket.emit('subscribe', subscription as LiveSubscription, answer),
    );

  it('refuses sockets without a signed-in member, or from another origin', async () => {
    const anonymous = await connect(null);
    const elsewhere = await connect(archive.team.moderator, { origin: 'https://evil.example' });

    expect(anonymous.error?.message).toBe(LIVE_SIGN_IN_REQUIRED);
    expect(elsewhere.error?.message).toBe(LIVE_SIGN_IN_REQUIRED);
  });

  it('sends a followed channel’s lines, mod actions and deletions as they happen, and nothing else', async () => {
    const { socket, heard, error } = await connect(archive.team.moderator);
    expect(error).toBeUndefined();
    const [followed, other] = archive.channels;
    const channelId = await archive.channelId(followed!);
    expect(await subscribe(socket, { channelIds: [channelId] })).toEqual({
      ok: true,
      channelIds: [channelId],
    });
    const { events, chatters, simulator } = archive;
    const moderator = simulator.population.bots[0]!;
    const line = events.chatMessage(followed!.broadcaster, chatters[0]!, 'hello live 😀', {
      emotes: [],
    });

    await archive.happen(
      line,
      events.chatMessage(other!.broadcaster, chatters[1]!, 'elsewhere'),
      events.deleteMessage(line, moderator),
      events.timeout(followed!.broadcaster, chatters[2]!, moderator, 60),
    );
    await expect.poll(() => heard.mod_action.length).toBe(2);

    expect(heard.message).toHaveLength(1);
    expect(heard.message[0]).toMatchObject({
      twitchMessageId: line.id,
      text: 'hello live 😀',
      kind: 'message',
      channel: { id: channelId, login: followed!.broadcaster.login },
      user: { id: chatters[0]!.id },
    });
    expect(heard.message_deleted).toMatchObject([{ channelId, twitchMessageId: line.id }]);
    expect(Date.parse(heard.message_deleted[0]!.deletedAt)).not.toBeNaN();
    expect(heard.mod_action.map((action) => action.type)).toEqual(['delete', 'timeout']);
    expect(heard.mod_action[1]).toMatchObject({ durationSeconds: 60, moderator: null });
    // IRC names a target by login; one who spoke lately keeps the name they wrote under.
    expect(chatters[0]!.displayName).not.toBe(chatters[0]!.login);
    expect(heard.mod_action[0]?.target?.displayName).toBe(chatters[0]!.displayName);
    expect(heard.mod_action[1]?.target?.displayName).toBe(chatters[2]!.login);
  });

  it('follows every channel with { all: true }, and reports connection state changes', async () => {
    const { socket, heard } = await connect(archive.team.admin);
    await subscribe(socket, { all: true });

    await archive.happen(
      ...archive.channels.map((channel, i) =>
        archive.events.chatMessage(channel.broadcaster, archive.chatters[i]!, `to all ${i}`),
      ),
    );
    await expect.poll(() => heard.message.length).toBe(archive.channels.length);

    archive.simulator.twitch.chat.dropAll();
    await expect
      .poll(() => heard.channel_state.map((state) => state.connection.state))
      .toContain('reconnecting');
    await archive.joined(30_000);
    await expect.poll(() => heard.channel_state.at(-1)?.connection.state).toBe('joined');
  });

  it('answers a malformed subscription with an error, and hears nothing until subscribed', async () => {
    const { socket, heard } = await connect(archive.team.moderator);

    expect(await subscribe(socket, { channelIds: ['not-an-id'] })).toMatchObject({ ok: false });
    expect(await subscribe(socket, 'everything')).toMatchObject({ ok: false });
    expect(
      await subscribe(socket, { channelIds: Array.from({ length: 101 }, (_, i) => String(i)) }),
    ).toEqual({ ok: false, error: 'Follow at most 100 channels at once, or { all: true }.' });
    await archive.happen(
      archive.events.chatMessage(archive.channels[0]!.broadcaster, archive.chatters[3]!, 'quiet'),
    );

    expect(heard.message).toEqual([]);
    expect(socket.connected).toBe(true);
  });
});
