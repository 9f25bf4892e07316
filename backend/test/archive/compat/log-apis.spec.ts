import { type IssuedLogApiKey, LOG_API_KEY_HEADER } from '@integron/contracts';
import { type ChatMessageHappening, type SimUser } from '@integron/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveApp } from '../../utils/archive-app.js';

/** 2024-03-05 09:04:05.120 UTC: a past month, a day that justlog does not zero-pad. */
const T = Date.UTC(2024, 2, 5, 9, 4, 5, 120);
const LATE = Date.UTC(2024, 2, 17, 23, 59, 59, 0);
const APRIL = Date.UTC(2024, 3, 2, 0, 0, 1, 5);
const DAY_S = 24 * 60 * 60;

const JUSTLOG_FIELDS = [
  'text',
  'systemText',
  'username',
  'displayName',
  'channel',
  'timestamp',
  'id',
  'type',
  'raw',
  'tags',
];
const RUSTLOG_BASIC_FIELDS = ['text', 'displayName', 'timestamp', 'id', 'tags'];
const RUSTLOG_FULL_FIELDS = [...RUSTLOG_BASIC_FIELDS, 'username', 'channel', 'raw', 'type'];

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

interface JustlogMessage {
  text: string;
  systemText: string;
  username: string;
  displayName: string;
  channel: string;
  timestamp: string;
  id: string;
  type: number;
  raw: string;
  tags: Record<string, string>;
}

let archive: ArchiveApp;
let channel: string;
let channelTwitchId: string;
let alice: SimUser;
let bob: SimUser;
let carol: SimUser;
let dave: SimUser;
let hello: ChatMessageHappening;

async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${archive.sut.baseUrl}${path}`, { headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

async function ok(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const answer = await get(path, headers);
  expect(answer.status, `${path}: ${answer.body}`).toBe(200);
  return answer;
}

const messagesOf = async (path: string) =>
  (JSON.parse((await ok(path)).body) as { messages: JustlogMessage[] }).messages;

/** The justlog text of the channel on 2024-03-05: LF, the day not zero-padded. */
const justlogDay = () =>
  [
    `[2024-03-5 09:04:05] #${channel} ${alice.login}: hello <b> & "friends" 😀\n`,
    `[2024-03-5 09:04:06] #${channel} ${bob.login}: waves\n`,
    `[2024-03-5 09:04:07] #${channel} three months\n`,
    `[2024-03-5 09:04:08] #${channel} \n`,
    `[2024-03-5 09:04:08] #${channel} ${dave.login}: spam\n`,
    `[2024-03-5 09:04:09] #${channel} \n`,
    `[2024-03-5 09:04:11] #${channel} \n`,
  ].join('');

beforeAll(async () => {
  archive = await ArchiveApp.start();
  const broadcaster = archive.channels[0]!.broadcaster;
  channel = broadcaster.login;
  channelTwitchId = broadcaster.id;
  [alice, bob, carol, dave] = archive.chatters as [SimUser, SimUser, SimUser, SimUser];
  const moderator = archive.simulator.population.bots[0]!;
  const { events } = archive;
  const at = <H extends { at: number }>(happening: H, ms: number): H => ({ ...happening, at: ms });
  hello = at(events.chatMessage(broadcaster, alice, 'hello <b> & "friends" 😀'), T);
  await archive.happen(
    hello,
    at(events.chatMessage(broadcaster, bob, 'waves', { action: true }), T + 1000),
    at(
      events.subscription(broadcaster, carol, {
        cumulativeMonths: 3,
        message: { text: 'three months' },
      }),
      T + 2000,
    ),
    at(events.timeout(broadcaster, bob, moderator, 600), T + 3000),
    at(events.chatMessage(broadcaster, dave, 'spam'), T + 3500),
    at(events.ban(broadcaster, dave, moderator), T + 4000),
    at(events.deleteMessage(hello, moderator), T + 5000),
    at(events.clearChat(broadcaster, moderator), T + 6000),
    at(events.chatMessage(broadcaster, alice, 'late night'), LATE),
    at(events.chatMessage(broadcaster, alice, 'april'), APRIL),
  );
});

afterAll(async () => {
  await archive.close();
});

describe('the justlog/rustlog log APIs', () => {
  it('list the archived channels as justlog does, never the admin’s page', async () => {
    const answer = await ok('/channels', { accept: 'text/html' });

    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const expected = archive.channels
      .map((sim) => ({ userID: sim.broadcaster.id, name: sim.broadcaster.login }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(answer.body).toBe(JSON.stringify({ channels: expected }));
    for (const path of [`/list?channel=${channel}`, `/channel/${channel}/2024/3/5`]) {
      const other = await get(path, { accept: 'text/html' });
      expect(other.headers.get('content-type'), path).not.toContain('text/html');
    }
  });

  it('list a channel’s days and a user’s months, newest first, by name or by id', async () => {
    expect((await ok(`/list?channel=${channel}`)).body).toBe(
      '{"availableLogs":[{"year":"2024","month":"4","day":"2"},{"year":"2024","month":"3","day":"17"},{"year":"2024","month":"3","day":"5"}]}',
    );
    const months = '{"availableLogs":[{"year":"2024","month":"4"},{"year":"2024","month":"3"}]}';
    expect((await ok(`/list?channel=${channel}&user=${alice.login}`)).body).toBe(months);
    expect((await ok(`/list?channelid=${channelTwitchId}&userid=${alice.id}`)).body).toBe(months);
    expect((await ok(`/list?channel=${channel.toUpperCase()}&user=${alice.login}`)).body).toBe(
      months,
    );
  });

  it('answer /list for unknown names and bad input as justlog does', async () => {
    expect(await get(`/list?channel=${channel}&user=nobody_at_all`)).toMatchObject({
      status: 422,
      body: 'could not find users\n',
    });
    expect(await get('/list?channel=nobody_at_all')).toMatchObject({
      status: 422,
      body: 'could not find users\n',
    });
    expect(await get('/list')).toMatchObject({
      status: 400,
      body: 'channel or channelid is needed\n',
    });
    expect(await get('/list?channel=not-a-login')).toMatchObject({
      status: 400,
      body: 'channel must be a Twitch login\n',
    });
  });

  it('serve a channel’s day as justlog text, byte for byte', async () => {
    const answer = await ok(`/channel/${channel}/2024/3/5`);

    expect(answer.body).toBe(justlogDay());
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    // A past month does not change any more.
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect((await ok(`/channelid/${channelTwitchId}/2024/3/5`)).body).toBe(justlogDay());
    expect((await ok(`/channel/${channel}/2024/03/05`)).body).toBe(justlogDay());
    expect((await ok(`/channel/${channel}/2024/3/17`)).body).toBe(
      `[2024-03-17 23:59:59] #${channel} ${alice.login}: late night\n`,
    );
  });

  it('serve JSON in justlog’s field order, with Go’s escaping and every tag', async () => {
    const answer = await ok(`/channel/${channel}/2024/3/5?json`);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.body).toContain('"text":"hello \\u003cb\\u003e \\u0026 \\"friends\\" 😀"');
    const { messages } = JSON.parse(answer.body) as { messages: JustlogMessage[] };

    expect(messages.map((message) => message.type)).toEqual([1, 1, 4, 2, 1, 2, 2]);
    for (const message of messages) {
      expect(Object.keys(message)).toEqual(JUSTLOG_FIELDS);
      expect(Object.keys(message.tags)).toEqual(Object.keys(message.tags).sort());
    }
    const [first, action, sub, timeout, , ban, cleared] = messages as [
      JustlogMessage,
      JustlogMessage,
      JustlogMessage,
      JustlogMessage,
      JustlogMessage,
      JustlogMessage,
      JustlogMessage,
    ];
    expect(first).toMatchObject({
      text: 'hello <b> & "friends" 😀',
      systemText: '',
      username: alice.login,
      displayName: alice.displayName,
      channel,
      timestamp: '2024-03-05T09:04:05Z',
      id: hello.id,
    });
    expect(first.tags).toMatchObject({ id: hello.id, 'user-id': alice.id, 'tmi-sent-ts': `${T}` });
    expect(first.raw).toMatch(new RegExp(`^@.* PRIVMSG #${channel} :hello <b> & "friends" 😀$`));
    expect(action).toMatchObject({ text: 'waves', username: bob.login });
    expect(action.raw).toContain(':\u0001ACTION waves\u0001');
    expect(sub).toMatchObject({ text: 'three months', username: carol.login });
    // Tags are unescaped: the system message has spaces again.
    expect(sub.systemText).toBe(sub.tags['system-msg']);
    expect(sub.systemText).toContain(`${carol.displayName} subscribed at Tier 1.`);
    expect(timeout).toMatchObject({
      text: '',
      systemText: `${bob.login} has been timed out for 600 seconds`,
      username: bob.login,
      id: '',
    });
    expect(timeout.tags).toMatchObject({ 'ban-duration': '600', 'target-user-id': bob.id });
    expect(ban).toMatchObject({ systemText: `${dave.login} has been banned`, id: '' });
    expect(cleared).toMatchObject({ systemText: 'Chat has been cleared', username: '' });

    // The format by name, or by the request's content type, is the same answer.
    expect((await ok(`/channel/${channel}/2024/3/5?type=json`)).body).toBe(answer.body);
    expect(
      (await ok(`/channel/${channel}/2024/3/5`, { 'content-type': 'application/json' })).body,
    ).toBe(answer.body);
    const reversed = await messagesOf(`/channel/${channel}/2024/3/5?json&reverse`);
    expect(reversed.map((message) => message.raw)).toEqual(
      messages.map((message) => message.raw).reverse(),
    );
  });

  it('serve the IRC lines as received with ?raw', async () => {
    const { rows } = await archive.db.query<{ raw: string }>(
      `SELECT raw FROM (
         SELECT sent_at AS at, raw FROM messages WHERE channel_id = $1
         UNION ALL
         SELECT occurred_at, raw FROM mod_actions
          WHERE channel_id = $1 AND type <> 'delete' AND raw IS NOT NULL
       ) lines WHERE at >= '2024-03-05Z' AND at < '2024-03-06Z' ORDER BY at`,
      [await archive.channelId(archive.channels[0]!)],
    );
    expect(rows).toHaveLength(7);

    const answer = await ok(`/channel/${channel}/2024/3/5?raw`);

    expect(answer.body).toBe(rows.map((row) => `${row.raw}\n`).join(''));
    expect(answer.body.split('\n')[0]).toMatch(
      new RegExp(`^@.*;tmi-sent-ts=${T};.* PRIVMSG #${channel} :hello <b>`),
    );
  });

  it('serve a user’s month with their bans and timeouts, by name or by id', async () => {
    const bobsMonth =
      `[2024-03-5 09:04:06] #${channel} ${bob.login}: waves\n` +
      `[2024-03-5 09:04:08] #${channel} \n`;

    expect((await ok(`/channel/${channel}/user/${bob.login}/2024/3`)).body).toBe(bobsMonth);
    expect((await ok(`/channel/${channel}/user/${bob.login}/2024/3?reverse`)).body).toBe(
      bobsMonth
        .split(/(?<=\n)/)
        .reverse()
        .join(''),
    );
    for (const path of [
      `/channel/${channel}/userid/${bob.id}/2024/3`,
      `/channelid/${channelTwitchId}/user/${bob.login}/2024/3`,
      `/channelid/${channelTwitchId}/userid/${bob.id}/2024/3`,
      `/channel/${channel}/user/${bob.login}/2024/03`,
    ])
      expect((await ok(path)).body, path).toBe(bobsMonth);
    expect((await ok(`/channel/${channel}/user/${alice.login}/2024/4`)).body).toBe(
      `[2024-04-2 00:00:01] #${channel} ${alice.login}: april\n`,
    );
  });

  it('answer a random line of the channel’s or of a user’s', async () => {
    const alicesLines = [
      `[2024-03-5 09:04:05] #${channel} ${alice.login}: hello <b> & "friends" 😀\n`,
      `[2024-03-17 23:59:59] #${channel} ${alice.login}: late night\n`,
      `[2024-04-2 00:00:01] #${channel} ${alice.login}: april\n`,
    ];
    const messageLines = [
      ...alicesLines,
      ...justlogDay()
        .split(/(?<=\n)/)
        .filter((line) => !line.endsWith('] #' + channel + ' \n')),
    ];

    for (let i = 0; i < 5; i++) {
      const answer = await ok(`/channel/${channel}/random`);
      expect(messageLines).toContain(answer.body);
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      expect(alicesLines).toContain(
        (await ok(`/channel/${channel}/user/${alice.login}/random`)).body,
      );
      expect(alicesLines).toContain(
        (await ok(`/channelid/${channelTwitchId}/userid/${alice.id}/random`)).body,
      );
    }
    const [json] = await messagesOf(`/channel/${channel}/user/${alice.login}/random?json`);
    expect(json).toMatchObject({ username: alice.login, type: 1 });
  });

  it('redirect a path without a date the way justlog does', async () => {
    const today = () => {
      const now = new Date();
      return `${now.getUTCFullYear()}/${now.getUTCMonth() + 1}/${now.getUTCDate()}`;
    };
    const before = today();
    const channelRedirect = await get(`/channel/${channel}`);
    expect(channelRedirect.status).toBe(302);
    expect([before, today()].map((day) => `/channel/${channel}/${day}`)).toContain(
      channelRedirect.headers.get('location'),
    );

    const userRedirect = await get(`/channel/${channel}/user/${alice.login}?reverse&b=1&a=x y`);
    expect(userRedirect.status).toBe(302);
    // Go's url.Values.Encode: keys sorted, a bare key given `=`, spaces as `+`.
    const location = `/channel/${channel}/user/${alice.login}/2024/4?a=x+y&b=1&reverse=`;
    expect(userRedirect.headers.get('location')).toBe(location);
    expect(userRedirect.headers.get('access-control-allow-origin')).toBe('*');
    expect(userRedirect.body).toBe(`<a href="${location.replace(/&/g, '&amp;')}">Found</a>.\n\n`);
    expect(
      (await get(`/channelid/${channelTwitchId}/userid/${alice.id}`)).headers.get('location'),
    ).toBe(`/channelid/${channelTwitchId}/userid/${alice.id}/2024/4`);

    const upper = await get(`/channel/${channel.toUpperCase()}/2024/3/5?reverse`);
    expect(upper.status).toBe(302);
    expect(upper.headers.get('location')).toBe(`/channel/${channel}/2024/3/5?reverse=`);
  });

  it('redirect a path without a date the way rustlog does, to the newest logs', async () => {
    const channelRedirect = await get(`/channel/${channel}?jsonBasic=1`);
    expect(channelRedirect).toMatchObject({ status: 303, body: '' });
    expect(channelRedirect.headers.get('location')).toBe(
      `/channel/${channel}/2024/4/2?jsonBasic=1`,
    );

    const userRedirect = await get(`/channel/${channel}/user/${bob.login}?ndjson`);
    expect(userRedirect.status).toBe(303);
    expect(userRedirect.headers.get('location')).toBe(
      `/channel/${channel}/user/${bob.login}/2024/3?ndjson`,
    );
  });

  it('serve a from/to range: unix seconds for justlog, RFC 3339 for rustlog', async () => {
    const second = Math.floor(T / 1000);
    const justlog = await ok(`/channel/${channel}?from=${second + 1}&to=${second + 3}`);
    // Both ends included, to the second.
    expect(justlog.body).toBe(
      justlogDay()
        .split(/(?<=\n)/)
        .slice(1, 5)
        .join(''),
    );
    expect(justlog.headers.get('cache-control')).toBe('no-cache');
    expect(
      (await ok(`/channel/${channel}/user/${alice.login}?from=${second}&to=${second + 20 * DAY_S}`))
        .body,
    ).toBe(
      `[2024-03-5 09:04:05] #${channel} ${alice.login}: hello <b> & "friends" 😀\n` +
        `[2024-03-17 23:59:59] #${channel} ${alice.login}: late night\n`,
    );
    // justlog answers an empty range with nothing, not with a 404.
    expect(await get(`/channel/${channel}?from=0&to=60`)).toMatchObject({ status: 200, body: '' });

    const rustlog = await ok(
      `/channel/${channel}?from=2024-03-05T09:04:06Z&to=2024-03-05T09:04:08Z`,
    );
    // The end is excluded: the timeout at 09:04:08.120 is not in it.
    expect(rustlog.body).toBe(
      `[2024-03-05 09:04:06] #${channel} ${bob.login}: waves\r\n` +
        `[2024-03-05 09:04:07] #${channel} ${carol.login}: ${
          (await messagesOf(`/channel/${channel}/2024/3/5?json`))[2]!.systemText
        } three months\r\n`,
    );
    expect(rustlog.headers.get('cache-control')).toBe('public, max-age=36000');
  });

  it('refuse ranges the peers refuse', async () => {
    expect(await get(`/channel/${channel}?from=0&to=${DAY_S + 1}`)).toMatchObject({
      status: 400,
      body: 'Timespan too big: from and to may be at most 24 hours apart for a channel\n',
    });
    expect(
      await get(`/channel/${channel}/user/${alice.login}?from=0&to=${745 * 3600}`),
    ).toMatchObject({
      status: 400,
      body: 'Timespan too big: from and to may be at most 744 hours apart for a user\n',
    });
    expect(await get(`/channel/${channel}?from=yesterday&to=today`)).toMatchObject({
      status: 400,
      body: 'Invalid param: from must be unix seconds or an RFC 3339 time; to must be unix seconds or an RFC 3339 time',
    });
  });

  it('speak rustlog when asked for what only rustlog has: CRLF text, limit and offset', async () => {
    const answer = await ok(`/channel/${channel}/2024/3/5?limit=100`);
    const [sub] = (await messagesOf(`/channel/${channel}/2024/3/5?json`)).filter(
      (message) => message.type === 4,
    );

    expect(answer.body).toBe(
      [
        `[2024-03-05 09:04:05] #${channel} ${alice.login}: hello <b> & "friends" 😀`,
        `[2024-03-05 09:04:06] #${channel} ${bob.login}: waves`,
        `[2024-03-05 09:04:07] #${channel} ${carol.login}: ${sub!.systemText} three months`,
        `[2024-03-05 09:04:08] #${channel} ${bob.login}: ${bob.login} has been timed out for 600 seconds`,
        `[2024-03-05 09:04:08] #${channel} ${dave.login}: spam`,
        `[2024-03-05 09:04:09] #${channel} ${dave.login}: ${dave.login} has been banned`,
        // rustlog logs CLEARMSG too, with no text.
        `[2024-03-05 09:04:10] #${channel} ${alice.login}: `,
        `[2024-03-05 09:04:11] #${channel} Chat has been cleared`,
        '',
      ].join('\r\n'),
    );
    expect(answer.headers.get('x-rustlog-capabilities')).toBe('arbitrary-range-query');
    expect(answer.headers.get('access-control-expose-headers')).toBe('*');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=36000');
    expect((await ok(`/channel/${channel}/2024/3/5?limit=2&offset=1`)).body).toBe(
      answer.body
        .split(/(?<=\r\n)/)
        .slice(1, 3)
        .join(''),
    );
    expect((await ok(`/channel/${channel}/2024/3/5?limit=100&reverse=1`)).body).toBe(
      answer.body
        .split(/(?<=\r\n)/)
        .reverse()
        .join(''),
    );
    const raw = await ok(`/channel/${channel}/2024/3/5?raw&limit=100`);
    expect(raw.body.split('\r\n')).toHaveLength(9);
    expect(raw.body.split('\r\n')[6]).toMatch(/ CLEARMSG #\S+ :hello <b>/);
  });

  it('serve rustlog’s basic and full JSON and NDJSON', async () => {
    const basic = JSON.parse((await ok(`/channel/${channel}/2024/3/5?jsonBasic`)).body) as {
      messages: Record<string, unknown>[];
    };
    expect(basic.messages).toHaveLength(8);
    for (const message of basic.messages)
      expect(Object.keys(message)).toEqual(RUSTLOG_BASIC_FIELDS);
    expect(basic.messages[0]).toMatchObject({
      text: 'hello <b> & "friends" 😀',
      displayName: alice.displayName,
      // Milliseconds, as chrono writes them.
      timestamp: '2024-03-05T09:04:05.120Z',
      id: hello.id,
    });
    expect(basic.messages[3]).toMatchObject({
      text: `${bob.login} has been timed out for 600 seconds`,
      displayName: '',
      id: '',
    });

    const full = JSON.parse((await ok(`/channel/${channel}/2024/3/5?json=1&limit=100`)).body) as {
      messages: Record<string, unknown>[];
    };
    for (const message of full.messages) expect(Object.keys(message)).toEqual(RUSTLOG_FULL_FIELDS);
    expect(full.messages.map((message) => message.type)).toEqual([1, 1, 4, 2, 1, 2, 13, 2]);
    expect(full.messages[0]).toMatchObject({ username: alice.login, channel });

    const ndjson = await ok(`/channel/${channel}/2024/3/5?ndjson`);
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = ndjson.body.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(basic.messages);
  });

  it('answer what is not there with 404 in each peer’s words', async () => {
    for (const path of [
      '/channel/nobody_at_all/2024/3/5',
      `/channel/${channel}/2024/3/6`,
      `/channel/${channel}/user/nobody_at_all/2024/3`,
      `/channel/${channel}/user/${bob.login}/2024/4`,
      `/channelid/999999999/2024/3/5`,
      `/channel/${channel}/userid/999999999/random`,
    ]) {
      const answer = await get(path);
      expect(answer, path).toMatchObject({ status: 404, body: 'could not load logs\n' });
      expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    }
    for (const path of [
      `/channel/${channel}/2024/3/6?jsonBasic`,
      '/channel/nobody_at_all?limit=1',
      `/channel/${channel}?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z`,
    ])
      expect(await get(path), path).toMatchObject({ status: 404, body: 'Not found' });
  });

  it('refuse bad dates, names and numbers with a clear 400', async () => {
    for (const [path, body] of [
      [`/channel/${channel}/2024/13/5`, 'Invalid date 2024/13/5\n'],
      [`/channel/${channel}/2024/2/30`, 'Invalid date 2024/2/30\n'],
      [`/channel/${channel}/24/3/5`, 'Invalid date 24/3/5\n'],
      [`/channel/${channel}/user/${alice.login}/2024/0`, 'Invalid date 2024/0/1\n'],
      [`/channel/${channel}/2024/3/5?limit=many`, 'Invalid param: limit must be a whole number'],
      [
        '/channel/not-a-login/2024/3/5',
        'channel must be a Twitch login: 1 to 25 letters, digits or underscores\n',
      ],
      ['/channelid/abc/2024/3/5', 'channelid must be a numeric Twitch id\n'],
      [`/channel/${channel}/userid/abc/2024/3`, 'userid must be a numeric Twitch id\n'],
    ])
      expect(await get(path!), path).toMatchObject({ status: 400, body });
  });
});

describe('a log API key, when the admin requires one', () => {
  let key: string;

  const setAccess = (logApiAccess: 'public' | 'key') =>
    archive.team.admin.json('/api/archive/settings', {
      method: 'PUT',
      body: JSON.stringify({ retentionMonths: null, logApiAccess }),
    });

  beforeAll(async () => {
    const issued = await archive.team.admin.json<IssuedLogApiKey>(
      '/api/archive/settings/log-api-key',
      { method: 'POST' },
    );
    key = issued.body.key;
    expect((await setAccess('key')).status).toBe(200);
  });

  afterAll(async () => {
    await setAccess('public');
  });

  it('is needed on every log API, in the header or as ?key=', async () => {
    const day = `/channel/${channel}/2024/3/5`;
    const missing = await get(day);
    expect(missing.status).toBe(401);
    expect(missing.body).toBe(
      `A log API key is needed to read these logs: send it as ?key= or in the ${LOG_API_KEY_HEADER} header (the team's admin issues it).\n`,
    );
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    expect(await get(day, { [LOG_API_KEY_HEADER]: 'ilk_wrong' })).toMatchObject({
      status: 403,
      body: "That log API key is not valid: ask the team's admin for the current log API key.\n",
    });
    // rustlog's dialect: no newline.
    expect((await get(`${day}?jsonBasic`)).body).not.toMatch(/\n$/);
    expect((await get('/channels')).status).toBe(401);
    expect((await get(`/list?channel=${channel}`)).status).toBe(401);

    expect((await ok(day, { [LOG_API_KEY_HEADER]: key })).body).toBe(justlogDay());
    expect((await ok(`${day}?key=${encodeURIComponent(key)}`)).body).toBe(justlogDay());
    await ok('/channels', { [LOG_API_KEY_HEADER]: key });
  });

  it('is refused on recent-messages in its JSON error format', async () => {
    const missing = await get(`/api/v2/recent-messages/${channel}`);
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({
      status: 401,
      status_message: 'Unauthorized',
      error_code: 'unauthorized',
    });
    const wrong = await get(`/api/v2/recent-messages/${channel}?key=ilk_wrong`);
    expect(JSON.parse(wrong.body)).toMatchObject({ status: 403, error_code: 'forbidden' });
    await ok(`/api/v2/recent-messages/${channel}`, { [LOG_API_KEY_HEADER]: key });
  });

  it('is not needed once the logs are public again', async () => {
    await setAccess('public');
    await ok(`/channel/${channel}/2024/3/5`);
    await setAccess('key');
  });
});
