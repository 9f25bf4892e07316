import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseIrcFrame } from './irc-frame.util.js';
import { type LogCommand, type LogLine } from './log-line.types.js';
import { type LogRange } from './log-request.js';

/** A channel the archive knows, removed ones included (their history is kept). */
export interface LogChannel {
  id: string;
  twitchId: string;
  login: string;
  isActive: boolean;
  removed: boolean;
}

/** Whose lines: a channel's, or one user's in a channel. */
export interface LogScope {
  channel: LogChannel;
  /** A user's Twitch id. */
  userId: string | null;
}

/** Which moderation lines a log shows: justlog never logged CLEARMSG, rustlog does. */
export type ModerationLines = 'clearchat' | 'clearchat-and-clearmsg';

export interface LinesQuery {
  scope: LogScope;
  range: LogRange;
  moderation: ModerationLines;
  newestFirst: boolean;
  limit: number | null;
  offset: number;
}

/** A calendar day or month with logs, as justlog's `/list` names it: `{year:"2026", month:"3"}`. */
export interface LogDate {
  year: string;
  month: string;
  day?: string;
}

interface LineRow {
  at: Date;
  atText: string;
  key: string;
  command: LogCommand;
  login: string;
  displayName: string;
  text: string;
  systemText: string;
  messageId: string;
  userId: string | null;
  durationSeconds: number | null;
  raw: string | null;
  moderated: boolean;
}

const PAGE_SIZE = 2_000;

/** messages → lines. `$1` is the channel's id. */
const MESSAGE_LINE = `
  m.sent_at AS at, m.sent_at::text AS "atText", m.twitch_message_id AS key,
  CASE m.kind WHEN 1 THEN 'PRIVMSG' ELSE 'USERNOTICE' END AS command,
  m.login, m.display_name AS "displayName", m.text, COALESCE(m.system_text, '') AS "systemText",
  m.twitch_message_id AS "messageId", m.chatter_id AS "userId",
  NULL::integer AS "durationSeconds", m.raw, m.deleted_at IS NOT NULL AS moderated`;

/** IRC moderation (CLEARCHAT and CLEARMSG, as received) → lines. */
const ACTION_LINE = `
  a.occurred_at AS at, a.occurred_at::text AS "atText", a.event_key AS key,
  CASE a.type WHEN 'delete' THEN 'CLEARMSG' ELSE 'CLEARCHAT' END AS command,
  COALESCE(a.target_login, '') AS login, COALESCE(a.target_name, a.target_login, '') AS "displayName",
  COALESCE(a.message_text, '') AS text, '' AS "systemText", COALESCE(a.message_id, '') AS "messageId",
  a.target_id AS "userId", a.duration_seconds AS "durationSeconds", a.raw, false AS moderated`;

/** Action types as lines show them; `unban`/`untimeout` have no IRC line. */
const ACTION_TYPES: Record<ModerationLines, string[]> = {
  clearchat: ['ban', 'timeout', 'clear'],
  'clearchat-and-clearmsg': ['ban', 'timeout', 'clear', 'delete'],
};

/** The largest Twitch id a bigint column can hold; longer digit strings name nobody. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/**
 * The archive as the log APIs read it: channels and users by name or id (a user's former login
 * still finds them), a channel's or a user's lines in time order (messages and IRC moderation
 * merged, paged by keyset so that a busy day streams in bounded memory), the days and months that
 * have logs, a random line, and the recent lines recent-messages serves.
 */
@Injectable()
export class LogArchive {
  constructor(private readonly dataSource: DataSource) {}

  /** The channels being archived (removed ones are readable but not listed), by login. */
  listedChannels(): Promise<{ twitchId: string; login: string }[]> {
    return this.dataSource.query(
      `SELECT twitch_id AS "twitchId", login FROM channels WHERE removed_at IS NULL ORDER BY login`,
    );
  }

  /** By current login, else by the login its broadcaster had before. */
  async channelByLogin(login: string): Promise<LogChannel | null> {
    const rows: LogChannel[] = await this.dataSource.query(
      `SELECT ${CHANNEL} FROM channels c WHERE c.login = $1
        ORDER BY c.removed_at IS NOT NULL, c.id DESC LIMIT 1`,
      [login],
    );
    if (rows[0]) return rows[0];
    const former: LogChannel[] = await this.dataSource.query(
      `SELECT ${CHANNEL} FROM chatter_names n JOIN channels c ON c.twitch_id = n.chatter_id::text
        WHERE n.login = $1 ORDER BY n.last_seen DESC LIMIT 1`,
      [login],
    );
    return former[0] ?? null;
  }

  async channelByTwitchId(twitchId: string): Promise<LogChannel | null> {
    const rows: LogChannel[] = await this.dataSource.query(
      `SELECT ${CHANNEL} FROM channels c WHERE c.twitch_id = $1`,
      [twitchId],
    );
    return rows[0] ?? null;
  }

  /** A user's Twitch id: whoever has the login now, else whoever had it last. */
  async userIdByLogin(login: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM (
         SELECT twitch_id AS id, 0 AS rank, last_seen FROM chatters WHERE login = $1
         UNION ALL
         SELECT chatter_id, 1, last_seen FROM chatter_names WHERE login = $1
       ) known ORDER BY rank, last_seen DESC LIMIT 1`,
      [login],
    );
    return rows[0]?.id ?? null;
  }

  async userIdExists(twitchId: string): Promise<boolean> {
    if (BigInt(twitchId) > MAX_BIGINT) return false;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM chatters WHERE twitch_id = $1`,
      [twitchId],
    );
    return rows.length > 0;
  }

  /** The scope's lines in `[from, to)`, a page at a time. */
  async *lines(query: LinesQuery): AsyncGenerator<LogLine[]> {
    const { scope, range, newestFirst } = query;
    const direction = newestFirst ? 'DESC' : 'ASC';
    const after = newestFirst ? '<' : '>';
    let cursor: { at: string; key: string } | null = null;
    let remaining = query.limit ?? Number.POSITIVE_INFINITY;
    let offset = query.offset;
    while (remaining > 0) {
      const size = Math.min(PAGE_SIZE, remaining);
      const params: unknown[] = [
        scope.channel.id,
        range.from.toISOString(),
        range.to.toISOString(),
        ACTION_TYPES[query.moderation],
        size,
        offset,
        cursor?.at ?? null,
        cursor?.key ?? null,
      ];
      let messageScope = 'm.channel_id = $1';
      let actionScope = 'a.channel_id = $1 AND a.type = ANY($4)';
      if (scope.userId !== null) {
        params.push(scope.userId);
        messageScope += ' AND m.chatter_id = $9';
        // A user's log shows what was done to them: bans and timeouts.
        actionScope += ` AND a.target_id = $9 AND a.type IN ('ban', 'timeout')`;
      }
      const page = (time: string, key: string) =>
        `($7::timestamptz IS NULL OR (${time}, ${key}) ${after} ($7::timestamptz, $8::text))`;
      const rows: LineRow[] = await this.dataSource.query(
        `SELECT * FROM (
           (SELECT ${MESSAGE_LINE} FROM messages m
             WHERE ${messageScope} AND m.sent_at >= $2 AND m.sent_at < $3
               AND ${page('m.sent_at', 'm.twitch_message_id')}
             ORDER BY m.sent_at ${direction}, m.twitch_message_id ${direction} LIMIT $5::int + $6::int)
           UNION ALL
           (SELECT ${ACTION_LINE} FROM mod_actions a
             WHERE ${actionScope} AND a.raw IS NOT NULL AND a.occurred_at >= $2 AND a.occurred_at < $3
               AND ${page('a.occurred_at', 'a.event_key')}
             ORDER BY a.occurred_at ${direction}, a.event_key ${direction} LIMIT $5::int + $6::int)
         ) lines ORDER BY at ${direction}, key ${direction} LIMIT $5::int OFFSET $6::int`,
        params,
      );
      offset = 0;
      if (rows.length === 0) return;
      yield rows.map((row) => lineOf(row, scope.channel.login));
      remaining -= rows.length;
      if (rows.length < size) return;
      const last = rows[rows.length - 1]!;
      cursor = { at: last.atText, key: last.key };
    }
  }

  /** The UTC days of the channel that have messages, newest first (one index probe a day). */
  channelDays(channel: LogChannel, limit: number | null = null): Promise<LogDate[]> {
    return this.dates('day', 'm.channel_id = $2', [limit, channel.id]);
  }

  /** The UTC months in which the user wrote in the channel, newest first. */
  userMonths(channel: LogChannel, userId: string, limit: number | null = null): Promise<LogDate[]> {
    return this.dates('month', 'm.channel_id = $2 AND m.chatter_id = $3', [
      limit,
      channel.id,
      userId,
    ]);
  }

  /** `params[0]` is the limit (`null`: all); the recursion stops when it is reached. */
  private async dates(unit: 'day' | 'month', where: string, params: unknown[]): Promise<LogDate[]> {
    const rows: { date: string }[] = await this.dataSource.query(
      `WITH RECURSIVE dates (start) AS (
         SELECT date_trunc('${unit}', max(m.sent_at), 'UTC') FROM messages m WHERE ${where}
         UNION ALL
         SELECT (SELECT date_trunc('${unit}', max(m.sent_at), 'UTC') FROM messages m
                  WHERE ${where} AND m.sent_at < dates.start)
           FROM dates WHERE dates.start IS NOT NULL
       )
       SELECT to_char(start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date FROM dates
        WHERE start IS NOT NULL LIMIT $1::int`,
      params,
    );
    return rows.map(({ date }) => {
      const [year, month, day] = date.split('-').map(Number);
      const named = { year: String(year), month: String(month) };
      return unit === 'day' ? { ...named, day: String(day) } : named;
    });
  }

  /** A random message of the scope, or `null` when it has none. */
  async randomLine(scope: LogScope): Promise<LogLine | null> {
    const params: unknown[] = [scope.channel.id];
    let where = 'm.channel_id = $1';
    if (scope.userId !== null) {
      params.push(scope.userId);
      where += ' AND m.chatter_id = $2';
    }
    const bounds: { first: Date | null; last: Date | null }[] = await this.dataSource.query(
      `SELECT min(m.sent_at) AS first, max(m.sent_at) AS last FROM messages m WHERE ${where}`,
      params,
    );
    const { first, last } = bounds[0] ?? { first: null, last: null };
    if (!first || !last) return null;
    // A random moment, then the first message from there: two index probes, however big the log.
    const moment = new Date(first.getTime() + Math.random() * (last.getTime() - first.getTime()));
    const at = `$${params.length + 1}`;
    for (const [condition, order] of [
      [`>= ${at}`, 'ASC'],
      [`<= ${at}`, 'DESC'],
    ] as const) {
      const rows: LineRow[] = await this.dataSource.query(
        `SELECT ${MESSAGE_LINE} FROM messages m WHERE ${where} AND m.sent_at ${condition}
          ORDER BY m.sent_at ${order} LIMIT 1`,
        [...params, moment.toISOString()],
      );
      if (rows[0]) return lineOf(rows[0], scope.channel.login);
    }
    return null;
  }

  /**
   * The channel's newest `limit` IRC lines (messages, CLEARCHAT, CLEARMSG) in `(after, before)`,
   * oldest first; a message is `moderated` when it was deleted, or a ban or timeout of its author
   * or a clear of the chat came after it.
   */
  async recentLines(
    channel: LogChannel,
    window: { limit: number; before: Date | null; after: Date | null },
  ): Promise<LogLine[]> {
    const params = [
      channel.id,
      window.limit,
      window.before?.toISOString() ?? null,
      window.after?.toISOString() ?? null,
      ACTION_TYPES['clearchat-and-clearmsg'],
    ];
    const within = (time: string) =>
      `($3::timestamptz IS NULL OR ${time} < $3) AND ($4::timestamptz IS NULL OR ${time} > $4)`;
    const rows: LineRow[] = await this.dataSource.query(
      `SELECT l.at, l."atText", l.key, l.command, l.login, l."displayName", l.text, l."systemText",
              l."messageId", l."userId", l."durationSeconds", l.raw,
              (l.command IN ('PRIVMSG', 'USERNOTICE') AND (l.moderated OR EXISTS (
                 SELECT 1 FROM mod_actions a
                  WHERE a.channel_id = $1 AND a.occurred_at >= l.at
                    AND (a.type = 'clear' OR (a.type IN ('ban', 'timeout') AND a.target_id = l."userId"))
              ))) AS moderated
         FROM (
           (SELECT ${MESSAGE_LINE} FROM messages m
             WHERE m.channel_id = $1 AND m.raw IS NOT NULL AND ${within('m.sent_at')}
             ORDER BY m.sent_at DESC, m.twitch_message_id DESC LIMIT $2)
           UNION ALL
           (SELECT ${ACTION_LINE} FROM mod_actions a
             WHERE a.channel_id = $1 AND a.type = ANY($5) AND a.raw IS NOT NULL
               AND ${within('a.occurred_at')}
             ORDER BY a.occurred_at DESC, a.event_key DESC LIMIT $2)
           ORDER BY at DESC, key DESC LIMIT $2
         ) l
        ORDER BY l.at, l.key`,
      params,
    );
    return rows.map((row) => lineOf(row, channel.login));
  }
}

const CHANNEL = `c.id::text AS id, c.twitch_id AS "twitchId", c.login, c.is_active AS "isActive",
  c.removed_at IS NOT NULL AS removed`;

function lineOf(row: LineRow, channelLogin: string): LogLine {
  const frame = row.raw === null ? null : parseIrcFrame(row.raw);
  const target = frame?.params[0];
  return {
    at: row.at,
    cursor: { at: row.atText, key: row.key },
    command: row.command,
    channelLogin: target?.startsWith('#') ? target.slice(1) : channelLogin,
    login: row.login,
    displayName: row.displayName,
    text: row.text,
    systemText: row.systemText,
    messageId: row.messageId,
    userId: row.userId,
    durationSeconds: row.durationSeconds,
    raw: row.raw,
    frame,
    moderated: row.moderated,
  };
}
