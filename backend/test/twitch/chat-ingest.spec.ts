import { exclusiveMix } from '@integron/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TwitchAccountsService } from '../../src/twitch/accounts/twitch-accounts.service.js';
import { TwitchChat } from '../../src/twitch/chat/twitch-chat.service.js';
import { ArchiveApp } from '../utils/archive-app.js';
import { simulatedGrant } from '../utils/simulated-grant.js';

interface MessageRow {
  twitch_message_id: string;
  kind: number;
  notice_type: string | null;
  chatter_id: string | null;
  login: string;
  display_name: string;
  text: string;
  system_text: string | null;
  is_action: boolean;
  color: string | null;
  badges: unknown;
  emotes: unknown;
  bits: number;
  reply_parent_id: string | null;
  is_first: boolean;
  deleted_at: Date | null;
  raw: string;
}

/** Real twurple over real IRC from the simulator, through the bus, into a real Postgres. */
describe('chat ingestion into the archive', () => {
  let archive: ArchiveApp;

  beforeAll(async () => {
    archive = await ArchiveApp.start();
  });

  afterAll(async () => {
    await archive.close();
  });

  const db = () => archive.db;
  const message = async (id: string) =>
    (await db().query<MessageRow>('SELECT * FROM messages WHERE twitch_message_id = $1', [id]))
      .rows[0];
  const count = async (sql: string, values?: unknown[]) =>
    Number((await db().query<{ n: string }>(sql, values)).rows[0]!.n);

  it('keeps a message as sent: non-ASCII text, emoji, emotes placed by code points, the raw line', async () => {
    const { events, channels, chatters } = archive;
    const [channel] = channels;
    const text = 'héllo 강동원 😀 Kappa';
    const sent = events.chatMessage(channel!.broadcaster, chatters[0]!, text, {
      emotes: [{ id: '25', start: 12, end: 16 }],
      firstMessage: true,
    });

    await archive.happen(sent);

    const row = await message(sent.id);
    expect(row).toMatchObject({
      kind: 1,
      chatter_id: chatters[0]!.id,
      login: chatters[0]!.login,
      text,
      is_action: false,
      emotes: [{ id: '25', start: 12, end: 16 }],
      is_first: true,
      deleted_at: null,
    });
    expect([...text].slice(12, 17).join('')).toBe('Kappa');
    expect(row!.raw).toContain(` PRIVMSG #${channel!.broadcaster.login} :${text}`);
    expect(row!.raw).toContain(`id=${sent.id}`);
  });

  it('keeps /me, bits and replies, and a display name that needed escaping', async () => {
    const { events, channels, chatters, simulator } = archive;
    const broadcaster = channels[0]!.broadcaster;
    const spaced = simulator.twitch.world.createUser({
      login: 'spaced_out',
      displayName: 'Spaced Out',
    });
    const action = events.chatMessage(broadcaster, chatters[1]!, 'dances', { action: true });
    const cheer = events.chatMessage(broadcaster, chatters[2]!, 'Cheer100 go go', { bits: 100 });
    const parent = events.chatMessage(broadcaster, spaced, 'who is first; me?');
    const reply = events.reply(parent, chatters[3]!, 'not you');

    await archive.happen(action, cheer, parent, reply);

    expect(await message(action.id)).toMatchObject({ text: 'dances', is_action: true });
    expect(await message(cheer.id)).toMatchObject({ bits: 100 });
    expect(await message(parent.id)).toMatchObject({ display_name: 'Spaced Out' });
    expect(await message(reply.id)).toMatchObject({
      text: `@Spaced Out not you`,
      reply_parent_id: parent.id,
    });
  });

  it('keeps subs, gifts, raids, announcements and notices it does not know as notices', async () => {
    const { events, channels, chatters, simulator } = archive;
    const broadcaster = channels[0]!.broadcaster;
    const resub = events.subscription(broadcaster, chatters[4]!, {
      cumulativeMonths: 9,
      message: { text: 'nine months!' },
    });
    const bomb = events.gift(broadcaster, chatters[5]!, [chatters[6]!, chatters[7]!]);
    const anonymous = events.gift(broadcaster, null, [chatters[8]!], '1000', { mystery: true });
    const raid = events.raid(broadcaster, channels[1]!.broadcaster, 42);
    const announcement = events.announcement(broadcaster, chatters[4]!, 'Big news', 'GREEN');
    await archive.happen(resub, bomb, anonymous, raid, announcement);
    // A kind Twitch added lately, which nothing in Integron models: kept all the same.
    simulator.twitch.chat.broadcastLines(broadcaster.login, [
      `@badge-info=;badges=;color=;display-name=${chatters[9]!.displayName};emotes=;flags=;id=0f7e6d5c-1111-4222-8333-944455556666;login=${chatters[9]!.login};mod=0;msg-id=viewermilestone;msg-param-category=watch-streak;msg-param-value=5;room-id=${broadcaster.id};subscriber=0;system-msg=watched\\s5\\sstreams\\sin\\sa\\srow!;tmi-sent-ts=${Date.now()};user-id=${chatters[9]!.id};user-type=;vip=0 :tmi.twitch.tv USERNOTICE #${broadcaster.login} :hey`,
    ]);
    await archive.flushed();

    const notices = await db().query<MessageRow>(
      `SELECT * FROM messages WHERE kind = 4 AND channel_id = $1 ORDER BY sent_at, notice_type`,
      [await archive.channelId(channels[0]!)],
    );
    const types = notices.rows.map((row) => row.notice_type);
    expect(types.filter((type) => type === 'resub')).toHaveLength(1);
    expect(types.filter((type) => type === 'submysterygift')).toHaveLength(2);
    expect(types.filter((type) => type === 'subgift')).toHaveLength(3);
    expect(types).toContain('raid');
    expect(types).toContain('announcement');
    expect(notices.rows.find((row) => row.notice_type === 'viewermilestone')).toMatchObject({
      text: 'hey',
      system_text: 'watched 5 streams in a row!',
      chatter_id: chatters[9]!.id,
    });
    expect(notices.rows.find((row) => row.notice_type === 'resub')).toMatchObject({
      text: 'nine months!',
      chatter_id: chatters[4]!.id,
    });
    const anonymousRows = notices.rows.filter((row) => row.chatter_id === null);
    expect(anonymousRows.map((row) => row.notice_type).sort()).toEqual([
      'subgift',
      'submysterygift',
    ]);
    const subMonths = await count(
      'SELECT sub_months AS n FROM channel_chatters WHERE chatter_id = $1 AND channel_id = $2',
      [chatters[4]!.id, await archive.channelId(channels[0]!)],
    );
    expect(subMonths).toBe(9);
  });

  it('marks a deleted message and links the deletion to it', async () => {
    const { events, channels, chatters, simulator } = archive;
    const broadcaster = channels[1]!.broadcaster;
    const moderator = simulator.population.bots[0]!;
    const spam = events.chatMessage(broadcaster, chatters[10]!, 'buy followers');

    await archive.happen(spam, events.deleteMessage(spam, moderator));

    expect((await message(spam.id))!.deleted_at).toBeInstanceOf(Date);
    const { rows } = await db().query<Record<string, unknown>>(
      `SELECT type, target_id, target_login, message_id, message_text, moderator_id, raw FROM mod_actions WHERE message_id = $1`,
      [spam.id],
    );
    expect(rows).toEqual([
      {
        type: 'delete',
        // CLEARMSG names the author by login only: the id comes from the message.
        target_id: chatters[10]!.id,
        target_login: chatters[10]!.login,
        message_id: spam.id,
        message_text: 'buy followers',
        moderator_id: null,
        raw: rows[0]?.raw,
      },
    ]);
    expect(rows[0]?.raw).toContain(`target-msg-id=${spam.id}`);
  });

  it('records timeouts, bans and cleared chats, each timeout and ban linked to the target’s last message', async () => {
    const { events, channels, chatters, simulator } = archive;
    const broadcaster = channels[2]!.broadcaster;
    const moderator = simulator.population.bots[0]!;
    const before = events.chatMessage(broadcaster, chatters[11]!, 'first');
    const last = events.chatMessage(broadcaster, chatters[11]!, 'rude words');

    await archive.happen(
      before,
      last,
      events.timeout(broadcaster, chatters[11]!, moderator, 600, 'language'),
      events.ban(broadcaster, chatters[12]!, moderator),
      events.clearChat(broadcaster, moderator),
    );

    const { rows } = await db().query(
      `SELECT type, target_id, duration_seconds, message_id, message_text FROM mod_actions
        WHERE channel_id = $1 ORDER BY id`,
      [await archive.channelId(channels[2]!)],
    );
    expect(rows).toEqual([
      {
        type: 'timeout',
        target_id: chatters[11]!.id,
        duration_seconds: 600,
        message_id: last.id,
        message_text: 'rude words',
      },
      {
        type: 'ban',
        target_id: chatters[12]!.id,
        duration_seconds: null,
        message_id: null,
        message_text: null,
      },
      {
        type: 'clear',
        target_id: null,
        duration_seconds: null,
        message_id: null,
        message_text: null,
      },
    ]);
  });

  it('counts chatters per channel and remembers their names', async () => {
    const { events, channels, simulator } = archive;
    const world = simulator.twitch.world;
    const chatter = world.createUser({ login: 'renamer', displayName: 'Renamer' });
    await archive.happen(events.chatMessage(channels[0]!.broadcaster, chatter, 'one'));
    world.renameUser(chatter.id, 'renamed', 'Renamed');
    await archive.happen(
      events.chatMessage(channels[0]!.broadcaster, chatter, 'two'),
      events.chatMessage(channels[1]!.broadcaster, chatter, 'three'),
    );

    const { rows: stats } = await db().query(
      `SELECT c.login, cc.message_count::int FROM channel_chatters cc JOIN channels c ON c.id = cc.channel_id
        WHERE chatter_id = $1 ORDER BY c.login`,
      [chatter.id],
    );
    expect(stats).toEqual(
      [
        { login: channels[0]!.broadcaster.login, message_count: 2 },
        { login: channels[1]!.broadcaster.login, message_count: 1 },
      ].sort((a, b) => a.login.localeCompare(b.login)),
    );
    const { rows: names } = await db().query(
      `SELECT login, display_name FROM chatter_names WHERE chatter_id = $1 ORDER BY first_seen`,
      [chatter.id],
    );
    expect(names).toEqual([
      { login: 'renamer', display_name: 'Renamer' },
      { login: 'renamed', display_name: 'Renamed' },
    ]);
    expect(
      (await db().query('SELECT login FROM chatters WHERE twitch_id = $1', [chatter.id])).rows,
    ).toEqual([{ login: 'renamed' }]);
  });

  it('hands over on RECONNECT without losing or doubling a line', async () => {
    const { simulator } = archive;
    const chatServer = simulator.twitch.chat;
    const baseline = await count('SELECT count(*) AS n FROM messages WHERE kind = 1');
    const traffic = simulator.traffic({ rate: 300, mix: exclusiveMix({ chat: 1 }) });
    traffic.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Twitch keeps the old connection a while after RECONNECT; lines keep flowing on it meanwhile.
    await chatServer.reconnectAll({ graceMs: 3_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    traffic.stop();
    await archive.flushed();

    const sent = traffic.stats().total;
    expect(sent).toBeGreaterThan(800);
    expect(await count('SELECT count(*) AS n FROM messages WHERE kind = 1')).toBe(baseline + sent);
    expect(chatServer.clients()).toHaveLength(1);
  });

  it('rejoins every channel after the connection drops, and says so meanwhile', async () => {
    const chat = archive.sut.app.get(TwitchChat);
    const states: string[] = [];
    const watching = chat.stateChanges$.subscribe(({ connection }) =>
      states.push(connection.state),
    );

    archive.simulator.twitch.chat.dropAll();
    await expect.poll(() => states).toContain('reconnecting');
    await archive.joined(30_000);
    watching.unsubscribe();

    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('joined');
    const sent = archive.events.chatMessage(
      archive.channels[0]!.broadcaster,
      archive.chatters[20]!,
      'back',
    );
    await archive.happen(sent);
    expect(await message(sent.id)).toBeDefined();
  });

  it('reads chat as a connected bot account once there is one, without a gap', async () => {
    const { sut, simulator } = archive;
    const baseline = await count('SELECT count(*) AS n FROM messages WHERE kind = 1');
    const traffic = simulator.traffic({ rate: 200, mix: exclusiveMix({ chat: 1 }) });
    traffic.start();
    await sut.app
      .get(TwitchAccountsService)
      .connect(simulatedGrant(sut, 'reader_bot', 'Reader_Bot', 'bot'));
    await expect
      .poll(() => simulator.twitch.chat.clients().map((client) => client.nick), { timeout: 15_000 })
      .toEqual(['reader_bot']);
    traffic.stop();
    await archive.flushed();

    await expect
      .poll(() => sut.app.get(TwitchChat).connectionOf(archive.channels[0]!.broadcaster.login))
      .toMatchObject({ state: 'joined', readingAs: 'reader_bot' });
    expect(await count('SELECT count(*) AS n FROM messages WHERE kind = 1')).toBe(
      baseline + traffic.stats().total,
    );
  });
});
