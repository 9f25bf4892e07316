import {
  type ApiErrorBody,
  type ArchivedMessage,
  type ArchiveSettings,
  EXPORT_ROWS_HEADER,
  type IssuedLogApiKey,
  type Page,
} from '@integron/contracts';
import { type SimChannel, type SimUser } from '@integron/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveSettingsService } from '../../../src/archive/settings/archive-settings.service.js';
import { ArchiveApp } from '../../utils/archive-app.js';

const HOUR = 60 * 60_000;
const CSV_HEADER =
  'sent_at,twitch_message_id,channel_id,channel_login,user_id,user_login,user_display_name,kind,notice_type,text,system_text,is_action,color,badges,emotes,bits,reply_parent_id,is_first_message,deleted_at,deleted_by_id,deleted_by_login';

let archive: ArchiveApp;

beforeAll(async () => {
  archive = await ArchiveApp.start();
});

afterAll(async () => {
  await archive.close();
});

describe('exports', () => {
  let channel: SimChannel;
  let channelId: string;
  let writer: SimUser;
  let other: SimUser;
  const now = Date.now();
  const since = new Date(now - 2 * HOUR).toISOString();
  const until = new Date(now + HOUR).toISOString();

  const download = (query: string) =>
    archive.team.moderator.fetch(`/api/exports/messages?${query}`);

  beforeAll(async () => {
    channel = archive.channels[0]!;
    channelId = await archive.channelId(channel);
    [writer, other] = archive.chatters as [SimUser, SimUser];
    const { events } = archive;
    const at = <T extends { at: number }>(happening: T, ago: number): T => ({
      ...happening,
      at: now - ago,
    });
    await archive.happen(
      at(events.chatMessage(channel.broadcaster, writer, 'plain words'), 5000),
      at(events.chatMessage(channel.broadcaster, other, 'she said "hi, there"\nand left'), 4000),
      at(events.chatMessage(channel.broadcaster, writer, '=HYPERLINK("http://x") Grüße 😀'), 3000),
      at(events.chatMessage(archive.channels[1]!.broadcaster, writer, 'another channel'), 2000),
      // Outside the range.
      at(events.chatMessage(channel.broadcaster, writer, 'too old'), 3 * HOUR),
    );
  });

  it("streams a channel's messages as CSV, oldest first, quoted as RFC 4180 says", async () => {
    const response = await download(
      `channelId=${channelId}&since=${since}&until=${until}&format=csv`,
    );
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get(EXPORT_ROWS_HEADER)).toBe('3');
    expect(response.headers.get('access-control-expose-headers')).toContain(EXPORT_ROWS_HEADER);
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="integron-${channel.broadcaster.login}-\\d{8}T\\d{6}Z-\\d{8}T\\d{6}Z\\.csv"$`,
      ),
    );
    const records = text.split('\r\n');
    expect(records[0]).toBe(CSV_HEADER);
    expect(records.at(-1)).toBe('');
    expect(text).toContain(
      `,${other.id},${other.login},${other.displayName},message,,"she said ""hi, there""\nand left",,false,`,
    );
    // A spreadsheet would run it as a formula; the apostrophe makes it text.
    expect(text).toContain(`,"'=HYPERLINK(""http://x"") Grüße 😀",`);
    expect(text.indexOf('plain words')).toBeLessThan(text.indexOf('she said'));
    expect(text).not.toContain('too old');
    expect(text).not.toContain('another channel');
  });

  it("streams a chatter's messages as NDJSON, one archived message per line", async () => {
    const response = await download(
      `userId=${writer.id}&since=${since}&until=${until}&format=ndjson`,
    );
    const lines = (await response.text()).split('\n');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    expect(response.headers.get(EXPORT_ROWS_HEADER)).toBe('3');
    expect(response.headers.get('content-disposition')).toContain(`integron-user-${writer.id}-`);
    expect(lines.at(-1)).toBe('');
    const exported = lines.slice(0, -1).map((line) => JSON.parse(line) as ArchivedMessage);
    const listed = await archive.team.moderator.json<Page<ArchivedMessage>>(
      `/api/messages?userId=${writer.id}&since=${since}&until=${until}`,
    );
    expect(exported).toEqual(listed.body.items.reverse());
    expect(exported.map((message) => message.text)).toEqual([
      'plain words',
      '=HYPERLINK("http://x") Grüße 😀',
      'another channel',
    ]);
  });

  it('sends only the header row when nothing matches', async () => {
    const response = await download(
      `channelId=${channelId}&since=2020-01-01&until=2020-02-01&format=csv`,
    );

    expect(response.headers.get(EXPORT_ROWS_HEADER)).toBe('0');
    expect(await response.text()).toBe(`${CSV_HEADER}\r\n`);
  });

  it.each([
    [`since=2026-01-01&until=2026-01-02&format=csv`, 'exactly one of channelId'],
    [
      `channelId=1&userId=2&since=2026-01-01&until=2026-01-02&format=csv`,
      'exactly one of channelId',
    ],
    [`channelId=1&until=2026-01-02&format=csv`, 'since must be an ISO 8601 time'],
    [`channelId=1&since=2024-01-01&until=2026-01-02&format=csv`, 'at most 366 days'],
    [`channelId=1&since=2026-01-01&until=2026-01-02&format=xml`, 'format must be csv or ndjson'],
    [
      `channelId=1&since=2026-01-02&until=2026-01-01&format=csv`,
      'since must be earlier than until',
    ],
  ])('refuses %s', async (query, message) => {
    const response = await download(query);
    const body = (await response.json()) as ApiErrorBody;

    expect(response.status).toBe(400);
    expect(body.message).toContain(message);
  });

  it('says so for an unknown channel', async () => {
    const response = await download(
      'channelId=999999&since=2026-01-01&until=2026-01-02&format=csv',
    );

    expect(response.status).toBe(404);
  });

  it('stops the query when the client goes away', async () => {
    // Enough rows that the export cannot have finished when the client leaves. Written straight
    // into the table: fifty thousand lines over IRC would only slow the test down.
    await archive.db.query(`CREATE TABLE IF NOT EXISTS messages_y2020m01 PARTITION OF messages
      FOR VALUES FROM ('2020-01-01 00:00:00+00') TO ('2020-02-01 00:00:00+00')`);
    await archive.db.query(
      `INSERT INTO messages (sent_at, twitch_message_id, channel_id, chatter_id, kind, login, display_name, text)
       SELECT timestamptz '2020-01-01' + g * interval '1 second', gen_random_uuid()::text, $1, $2, 1, $3, $3,
              repeat('a long line of chat ', 10) || g
         FROM generate_series(1, 50000) g`,
      [channelId, writer.id, writer.login],
    );
    const exporting = () =>
      archive.db.query<{ state: string }>(
        `SELECT state FROM pg_stat_activity WHERE application_name = 'integron-export' AND state <> 'idle'`,
      );
    const abort = new AbortController();
    const response = await archive.team.moderator.fetch(
      `/api/exports/messages?channelId=${channelId}&since=2020-01-01&until=2020-02-01&format=ndjson`,
      { signal: abort.signal },
    );
    expect(response.headers.get(EXPORT_ROWS_HEADER)).toBe('50000');
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    expect((await exporting()).rows.length).toBe(1);

    abort.abort();

    await expect.poll(async () => (await exporting()).rows.length, { timeout: 5_000 }).toBe(0);
    const again = await download(`channelId=${channelId}&since=${since}&until=${until}&format=csv`);
    expect(again.status).toBe(200);
    await again.text();
  });
});

describe('archive settings', () => {
  const put = (body: unknown, browser = archive.team.admin) =>
    browser.json<ArchiveSettings & ApiErrorBody>('/api/archive/settings', {
      method: 'PUT',
      body: JSON.stringify(body),
    });

  it('are readable by moderators, and keep everything publicly readable by default', async () => {
    const { status, body } =
      await archive.team.moderator.json<ArchiveSettings>('/api/archive/settings');

    expect(status).toBe(200);
    expect(body).toEqual({ retentionMonths: null, logApiAccess: 'public', logApiKeyIssued: false });
  });

  it('are changed by admins only', async () => {
    expect(
      (await put({ retentionMonths: 12, logApiAccess: 'public' }, archive.team.moderator)).status,
    ).toBe(403);
    const issued = await archive.team.moderator.fetch('/api/archive/settings/log-api-key', {
      method: 'POST',
    });
    expect(issued.status).toBe(403);
  });

  it.each([
    [
      { retentionMonths: 0, logApiAccess: 'public' },
      'retentionMonths must be a whole number of months from 1 to 120',
    ],
    [{ retentionMonths: 121, logApiAccess: 'public' }, 'retentionMonths must be a whole number'],
    [{ retentionMonths: 1.5, logApiAccess: 'public' }, 'retentionMonths must be a whole number'],
    [{ retentionMonths: '12', logApiAccess: 'public' }, 'retentionMonths must be a whole number'],
    [{ logApiAccess: 'public' }, 'or null to keep everything'],
    [{ retentionMonths: null, logApiAccess: 'open' }, 'logApiAccess must be public or key'],
    [
      { retentionMonths: null, logApiAccess: 'public', extra: 1 },
      'property extra should not exist',
    ],
  ])('refuse %j', async (body, message) => {
    const sut = await put(body);

    expect(sut.status).toBe(400);
    expect(sut.body.message).toContain(message);
  });

  it('need a key issued before the log APIs can require it', async () => {
    const sut = await put({ retentionMonths: null, logApiAccess: 'key' });

    expect(sut.status).toBe(409);
    expect(sut.body.message).toContain('Issue a log API key first');
  });

  it('issue a key once, which then opens the log APIs when they need one', async () => {
    const issued = await archive.team.admin.json<IssuedLogApiKey>(
      '/api/archive/settings/log-api-key',
      { method: 'POST' },
    );
    expect(issued.status).toBe(201);
    expect(issued.body.key).toMatch(/^ilk_[A-Za-z0-9_-]{32}$/);

    const updated = await put({ retentionMonths: 120, logApiAccess: 'key' });

    expect(updated).toMatchObject({
      status: 200,
      body: { retentionMonths: 120, logApiAccess: 'key', logApiKeyIssued: true },
    });
    expect((await archive.team.moderator.json('/api/archive/settings')).body).toEqual(updated.body);
    const access = archive.sut.app.get(ArchiveSettingsService);
    expect(await access.mayReadLogs(issued.body.key)).toBe(true);
    expect(await access.mayReadLogs('ilk_wrong')).toBe(false);
    expect(
      (await put({ retentionMonths: null, logApiAccess: 'public' })).body.retentionMonths,
    ).toBeNull();
  });
});
