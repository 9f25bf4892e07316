import { type ChatMessageHappening, type SimUser } from '@integron/simulator';
import { ChatMessage, ClearChat, ClearMsg, parseTwitchMessage, UserNotice } from '@twurple/chat';
import tmiParser from 'tmi.js/lib/parser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveApp } from '../../utils/archive-app.js';

interface RecentMessages {
  messages: string[];
  error: string | null;
  error_code: string | null;
}

let archive: ArchiveApp;
/** The busy channel: messages, a timeout, a deletion, a sub. */
let busy: string;
/** A channel whose chat was cleared, and a ban after that. */
let cleared: string;
let alice: SimUser;
let bob: SimUser;
let carol: SimUser;
let dave: SimUser;
const lines: Record<string, ChatMessageHappening> = {};
/** When each line of the busy channel was sent, in order. */
const busyAt: number[] = [];
const START = Date.now() - 60_000;

async function get(path: string): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(`${archive.sut.baseUrl}${path}`);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

async function recent(login: string, query = ''): Promise<string[]> {
  const answer = await get(`/api/v2/recent-messages/${login}${query}`);
  expect(answer.status, answer.body).toBe(200);
  const body = JSON.parse(answer.body) as RecentMessages;
  expect(body).toMatchObject({ error: null, error_code: null });
  return body.messages;
}

/** Each line as tmi.js parses it: a command and its tags. */
function tmi(line: string) {
  const parsed = tmiParser.msg(line);
  if (!parsed) throw new Error(`tmi.js could not parse ${line}`);
  return parsed;
}

const commands = (messages: string[]) => messages.map((line) => tmi(line).command);
const deleted = (messages: string[]) =>
  messages.map((line) => tmi(line).tags['rm-deleted'] === '1');

beforeAll(async () => {
  archive = await ArchiveApp.start();
  const [a, b] = archive.channels;
  busy = a!.broadcaster.login;
  cleared = b!.broadcaster.login;
  [alice, bob, carol, dave] = archive.chatters as [SimUser, SimUser, SimUser, SimUser];
  const moderator = archive.simulator.population.bots[0]!;
  const { events } = archive;
  const at = <H extends { at: number }>(happening: H, ms: number): H => ({ ...happening, at: ms });
  const inBusy = <H extends { at: number }>(happening: H): H => {
    const timed = at(happening, START + busyAt.length * 1000);
    busyAt.push(timed.at);
    return timed;
  };
  lines.first = inBusy(events.chatMessage(a!.broadcaster, alice, 'first 😀 <3'));
  lines.hi = inBusy(events.chatMessage(a!.broadcaster, bob, 'hi'));
  lines.dances = inBusy(events.chatMessage(a!.broadcaster, bob, 'dances', { action: true }));
  const timeout = inBusy(events.timeout(a!.broadcaster, bob, moderator, 90));
  lines.doomed = inBusy(events.chatMessage(a!.broadcaster, carol, 'to be deleted'));
  const deletion = inBusy(events.deleteMessage(lines.doomed, moderator));
  lines.after = inBusy(events.chatMessage(a!.broadcaster, dave, 'after all'));
  const sub = inBusy(
    events.subscription(a!.broadcaster, alice, {
      cumulativeMonths: 12,
      message: { text: 'a year of this' },
    }),
  );
  await archive.happen(
    lines.first,
    lines.hi,
    lines.dances,
    timeout,
    lines.doomed,
    deletion,
    lines.after,
    sub,
    at(events.chatMessage(b!.broadcaster, alice, 'before the clear'), START),
    at(events.clearChat(b!.broadcaster, moderator), START + 1000),
    at(events.chatMessage(b!.broadcaster, bob, 'after the clear'), START + 2000),
    at(events.chatMessage(b!.broadcaster, carol, 'bye'), START + 3000),
    at(events.ban(b!.broadcaster, carol, moderator), START + 4000),
  );
});

afterAll(async () => {
  await archive.close();
});

describe('recent-messages v2', () => {
  it('answers the channel’s IRC lines oldest first, in recent-messages2’s JSON', async () => {
    const answer = await get(`/api/v2/recent-messages/${busy}`);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(answer.body) as RecentMessages;
    expect(Object.keys(body)).toEqual(['messages', 'error', 'error_code']);
    expect(body).toMatchObject({ error: null, error_code: null });
    expect(commands(body.messages)).toEqual([
      'PRIVMSG',
      'PRIVMSG',
      'PRIVMSG',
      'CLEARCHAT',
      'PRIVMSG',
      'CLEARMSG',
      'PRIVMSG',
      'USERNOTICE',
    ]);
  });

  it('tags every line historical=1 and rm-received-ts, and moderated messages rm-deleted=1', async () => {
    const messages = await recent(busy);

    expect(messages.map((line) => tmi(line).tags.historical)).toEqual(busyAt.map(() => '1'));
    expect(messages.map((line) => Number(tmi(line).tags['rm-received-ts']))).toEqual(busyAt);
    // Bob's lines before his timeout, and the deleted one; nothing else.
    expect(deleted(messages)).toEqual([false, true, true, false, true, false, false, false]);
  });

  it('writes lines as twitch-irc-rs does: bare empty tags, `:` only where it is needed', async () => {
    const [first, hi, dances, timeout] = await recent(busy);
    const tags = (line: string) => line.slice(1, line.indexOf(' '));

    for (const line of [first!, hi!, timeout!]) expect(tags(line)).not.toMatch(/=(;|$)/);
    expect(tags(first!).split(';')).toContain('emotes');
    expect(first).toMatch(new RegExp(` PRIVMSG #${busy} :first 😀 <3$`));
    expect(hi).toMatch(
      new RegExp(
        `^@\\S+ :${bob.login}!${bob.login}@${bob.login}\\.tmi\\.twitch\\.tv PRIVMSG #${busy} hi$`,
      ),
    );
    expect(dances).toMatch(new RegExp(` PRIVMSG #${busy} :\u0001ACTION dances\u0001$`));
    expect(timeout).toMatch(new RegExp(` :tmi\\.twitch\\.tv CLEARCHAT #${busy} ${bob.login}$`));
  });

  it('gives lines tmi.js parses into what was said', async () => {
    const [first, hi, dances, timeout, , deletion] = await recent(busy);

    expect(tmi(first!)).toMatchObject({
      command: 'PRIVMSG',
      prefix: `${alice.login}!${alice.login}@${alice.login}.tmi.twitch.tv`,
      params: [`#${busy}`, 'first 😀 <3'],
    });
    expect(tmi(first!).tags).toMatchObject({
      id: lines.first!.id,
      'user-id': alice.id,
      'display-name': alice.displayName,
      'tmi-sent-ts': String(lines.first!.at),
    });
    expect(tmi(hi!).params).toEqual([`#${busy}`, 'hi']);
    expect(tmi(dances!).params).toEqual([`#${busy}`, '\u0001ACTION dances\u0001']);
    expect(tmi(timeout!)).toMatchObject({ command: 'CLEARCHAT', params: [`#${busy}`, bob.login] });
    expect(tmi(timeout!).tags).toMatchObject({ 'ban-duration': '90', 'target-user-id': bob.id });
    expect(tmi(deletion!).tags).toMatchObject({
      login: carol.login,
      'target-msg-id': lines.doomed!.id,
    });
    // tmi.js's tag helpers take the bare tags without failing.
    const parsed = tmi(first!);
    expect(() => {
      tmiParser.badges(parsed.tags);
      tmiParser.emotes(parsed.tags);
    }).not.toThrow();
  });

  it('gives lines twurple parses into its own message types', async () => {
    const [first, , , timeout, , deletion, , sub] = (await recent(busy)).map((line) =>
      parseTwitchMessage(line),
    );

    expect(first).toBeInstanceOf(ChatMessage);
    const message = first as ChatMessage;
    expect(message.text).toBe('first 😀 <3');
    expect(message.id).toBe(lines.first!.id);
    expect(message.target).toBe(`#${busy}`);
    expect(message.userInfo.userName).toBe(alice.login);
    expect(message.userInfo.displayName).toBe(alice.displayName);
    expect(message.date.getTime()).toBe(lines.first!.at);
    expect(message.tags.get('historical')).toBe('1');
    expect(message.tags.get('emotes')).toBe('');

    expect(timeout).toBeInstanceOf(ClearChat);
    expect((timeout as ClearChat).user).toBe(bob.login);
    expect((timeout as ClearChat).targetUserId).toBe(bob.id);
    expect(deletion).toBeInstanceOf(ClearMsg);
    expect((deletion as ClearMsg).targetMessageId).toBe(lines.doomed!.id);
    expect((deletion as ClearMsg).userName).toBe(carol.login);
    expect(sub).toBeInstanceOf(UserNotice);
    expect((sub as UserNotice).userInfo.userName).toBe(alice.login);
    expect((sub as UserNotice).tags.get('msg-id')).toBe('resub');
    expect((sub as UserNotice).tags.get('rm-received-ts')).toBe(String(busyAt[7]));
  });

  it('takes the newest `limit` lines, and those before `before` and after `after`', async () => {
    expect(commands(await recent(busy, '?limit=3'))).toEqual(['CLEARMSG', 'PRIVMSG', 'USERNOTICE']);
    expect(await recent(busy, '?limit=0')).toEqual([]);
    expect(await recent(busy, '?limit=5000')).toHaveLength(8);
    // Both ends excluded.
    const window = await recent(busy, `?after=${busyAt[0]}&before=${busyAt[4]}`);
    expect(window.map((line) => Number(tmi(line).tags['rm-received-ts']))).toEqual(
      busyAt.slice(1, 4),
    );
  });

  it('hides moderation lines or moderated messages when asked, in either spelling', async () => {
    const withoutModeration = await recent(busy, '?hide_moderation_messages=true');
    expect(commands(withoutModeration)).toEqual([
      'PRIVMSG',
      'PRIVMSG',
      'PRIVMSG',
      'PRIVMSG',
      'PRIVMSG',
      'USERNOTICE',
    ]);
    expect(await recent(busy, '?hideModerationMessages=true')).toEqual(withoutModeration);
    expect(await recent(busy, '?hide_moderation_messages=false')).toHaveLength(8);

    const withoutModerated = await recent(busy, '?hide_moderated_messages=true');
    expect(withoutModerated).toHaveLength(5);
    expect(deleted(withoutModerated)).toEqual([false, false, false, false, false]);
    expect(await recent(busy, '?hideModeratedMessages=true')).toEqual(withoutModerated);
  });

  it('turns CLEARCHAT into recent-messages2’s NOTICE lines when asked', async () => {
    const [, , , timeout] = await recent(busy, '?clearchat_to_notice=true');
    expect(timeout).toBe(
      `@msg-id=rm-timeout;historical=1;rm-received-ts=${busyAt[3]} :tmi.twitch.tv NOTICE #${busy} :${bob.login} has been timed out for 1m 30s.`,
    );
    expect(parseTwitchMessage(timeout!).command).toBe('NOTICE');

    const clearedLines = await recent(cleared, '?clearchatToNotice=true');
    expect(clearedLines[1]).toBe(
      `@msg-id=rm-clearchat;historical=1;rm-received-ts=${START + 1000} :tmi.twitch.tv NOTICE #${cleared} :Chat has been cleared by a moderator.`,
    );
    expect(clearedLines[4]).toBe(
      `@msg-id=rm-permaban;historical=1;rm-received-ts=${START + 4000} :tmi.twitch.tv NOTICE #${cleared} :${carol.login} has been permanently banned.`,
    );
    expect(tmi(clearedLines[4]!)).toMatchObject({
      command: 'NOTICE',
      params: [`#${cleared}`, `${carol.login} has been permanently banned.`],
    });
  });

  it('marks everything before a cleared chat, and a banned user’s lines, as moderated', async () => {
    const messages = await recent(cleared);

    expect(commands(messages)).toEqual(['PRIVMSG', 'CLEARCHAT', 'PRIVMSG', 'PRIVMSG', 'CLEARCHAT']);
    expect(deleted(messages)).toEqual([true, false, false, true, false]);
  });

  it('answers a channel Integron does not read with channel_not_joined, as recent-messages2 does', async () => {
    const answer = await get('/api/v2/recent-messages/nobody_reads_this');

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      messages: [],
      error: 'The bot is currently not joined to this channel (in progress or failed previously)',
      error_code: 'channel_not_joined',
    });
  });

  it('refuses a bad login or query with recent-messages2’s error body', async () => {
    for (const [path, code] of [
      [`/${busy.toUpperCase()}`, 'invalid_channel_login'],
      [`/${'a'.repeat(26)}`, 'invalid_channel_login'],
      [`/${busy}?limit=-1`, 'invalid_query'],
      [`/${busy}?limit=lots`, 'invalid_query'],
      [`/${busy}?before=yesterday`, 'invalid_query'],
      [`/${busy}?hide_moderated_messages=yes`, 'invalid_query'],
    ]) {
      const answer = await get(`/api/v2/recent-messages${path}`);
      expect(answer.status, path).toBe(400);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['status', 'status_message', 'error', 'error_code']);
      expect(body).toMatchObject({ status: 400, status_message: 'Bad Request', error_code: code });
      expect(body.error).toEqual(expect.any(String));
    }
  });
});
