import {
  type ActivityPoint,
  type ChatterProfile,
  type ChatterSummary,
  type NameHistoryEntry,
  type Page,
  type PageQuery,
  type SessionMember,
} from '@integron/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import { isBigIntId } from '../../http/bigint-id.pipe.js';
import { channelBriefOf } from './archived-message.mapper.js';
import { COUNT_LIMIT, pageOf, pageSliceOf, SqlParams } from '../../http/query-support.js';

interface ChatterRecord {
  twitch_id: string;
  login: string;
  display_name: string;
  first_seen: Date;
  last_seen: Date;
  messages: string;
}

/** What a hard delete removed. */
export interface ChatterDeletion {
  messages: number;
  modActions: number;
  channels: number;
  names: number;
}

function summaryOf(row: ChatterRecord): ChatterSummary {
  return {
    user: { id: row.twitch_id, login: row.login, displayName: row.display_name },
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    messageCount: Number(row.messages),
  };
}

/** Chatters whose current or past login is like `$1`, or whose Twitch id is `$2`. */
const MATCHING_CHATTERS = `
  SELECT twitch_id AS id FROM chatters WHERE login LIKE $1
  UNION SELECT chatter_id FROM chatter_names WHERE login LIKE $1
  UNION SELECT twitch_id FROM chatters WHERE twitch_id = $2::bigint`;

/**
 * Up to this many matches, all are ranked by their summed message counts (a lookup each, ~10 µs);
 * a broader prefix (a letter or two, as a picker sends first) is ranked by the busiest index.
 */
const RANK_EVERY_MATCH_MAX = 2_000;
const BUSIEST_ROWS_PER_CHATTER = 4;

/** `LIKE` matches these literally only when escaped. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Chatters: everyone the archive has seen write in the team's channels, by Twitch id. */
@Injectable()
export class ChattersService {
  private readonly logger = new Logger('Chatters');

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Chatters whose login, or a login they had before, starts with `q` (or whose Twitch id it
   * is); exact matches first, then the busiest.
   */
  async search(q: string, page: PageQuery): Promise<Page<ChatterSummary>> {
    const slice = pageSliceOf(page);
    const login = q.trim().replace(/^@/, '').toLowerCase();
    const id = isBigIntId(login) ? login : null;
    // text_pattern_ops indexes answer a LIKE prefix; `_` is common in logins and must be escaped.
    const values = [likePrefix(login), id];
    const [counted] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM (${MATCHING_CHATTERS}) f LIMIT ${COUNT_LIMIT}) t`,
      values,
    );
    const matches = counted?.n ?? 0;
    const ids =
      matches > RANK_EVERY_MATCH_MAX
        ? await this.busiestMatches(login, id, slice.offset + slice.limit)
        : null;
    // MATCHING_CHATTERS takes $1 and $2; a list of ids takes $1.
    const params = new SqlParams();
    let from = MATCHING_CHATTERS;
    if (ids) from = `SELECT unnest(${params.add(ids.slice(slice.offset))}::bigint[]) AS id`;
    else for (const value of values) params.add(value);
    const rows = await this.dataSource.query<ChatterRecord[]>(
      `SELECT c.twitch_id::text AS twitch_id, c.login, c.display_name, c.first_seen, c.last_seen,
              coalesce(s.messages, 0)::text AS messages
         FROM (${from}) f
         JOIN chatters c ON c.twitch_id = f.id
         LEFT JOIN LATERAL (
           SELECT sum(message_count) AS messages FROM channel_chatters WHERE chatter_id = c.twitch_id
         ) s ON true
        ORDER BY (c.login = ${params.add(login)} OR c.twitch_id IS NOT DISTINCT FROM ${params.add(id)}::bigint) DESC,
                 s.messages DESC NULLS LAST, c.login
        LIMIT ${params.add(slice.limit)} OFFSET ${params.add(ids ? 0 : slice.offset)}`,
      params.values,
    );
    return pageOf(rows.map(summaryOf), matches, slice);
  }

  /**
   * The first `take` chatters of a broad prefix, the exact match first and then by their busiest
   * channel: found by walking `channel_chatters_busiest_idx` down until enough match, instead of
   * summing the counts of every one of thousands of matches.
   */
  private async busiestMatches(login: string, id: string | null, take: number): Promise<string[]> {
    const [exact, busiest] = await Promise.all([
      this.dataSource.query<{ id: string }[]>(
        `SELECT twitch_id::text AS id FROM chatters WHERE login = $1 OR twitch_id = $2::bigint`,
        [login, id],
      ),
      this.dataSource.query<{ id: string }[]>(
        `SELECT cc.chatter_id::text AS id FROM channel_chatters cc
           JOIN chatters c ON c.twitch_id = cc.chatter_id
          WHERE c.login LIKE $1 ORDER BY cc.message_count DESC LIMIT $2`,
        // A chatter has a row per channel: enough rows for `take` different chatters, mostly.
        [likePrefix(login), take * BUSIEST_ROWS_PER_CHATTER],
      ),
    ]);
    return [...new Set([...exact, ...busiest].map((row) => row.id))].slice(0, take);
  }

  async profile(twitchId: string): Promise<ChatterProfile> {
    const [chatter] = await this.dataSource.query<(ChatterRecord & { bits: string })[]>(
      `SELECT c.twitch_id::text AS twitch_id, c.login, c.display_name, c.first_seen, c.last_seen,
              coalesce(sum(cc.message_count), 0)::text AS messages,
              coalesce(sum(cc.bits_total), 0)::text AS bits
         FROM chatters c LEFT JOIN channel_chatters cc ON cc.chatter_id = c.twitch_id
        WHERE c.twitch_id = $1 GROUP BY c.twitch_id`,
      [twitchId],
    );
    if (!chatter) throw this.unknown(twitchId);
    const [channels, [moderation]] = await Promise.all([
      this.dataSource.query<
        {
          channel_id: string;
          channel_twitch_id: string;
          channel_login: string;
          channel_name: string;
          message_count: string;
          bits_total: string;
          sub_months: number;
          first_seen: Date;
          last_seen: Date;
        }[]
      >(
        `SELECT c.id::text AS channel_id, c.twitch_id AS channel_twitch_id, c.login AS channel_login,
                c.display_name AS channel_name, cc.message_count::text, cc.bits_total::text,
                cc.sub_months, cc.first_seen, cc.last_seen
           FROM channel_chatters cc JOIN channels c ON c.id = cc.channel_id
          WHERE cc.chatter_id = $1 ORDER BY cc.message_count DESC, c.login`,
        [twitchId],
      ),
      // Deleted messages are counted by the deletions against the chatter: every message marked
      // deleted is marked by one (which learns its author from it), and mod_actions_target_idx
      // answers at once where counting a busy chatter's messages would read all of them.
      this.dataSource.query<{ bans: number; timeouts: number; deleted: number }[]>(
        `SELECT count(*) FILTER (WHERE type = 'ban')::int AS bans,
                count(*) FILTER (WHERE type = 'timeout')::int AS timeouts,
                count(DISTINCT message_id) FILTER (WHERE type = 'delete' AND message_sent_at IS NOT NULL)::int AS deleted
           FROM mod_actions WHERE target_id = $1`,
        [twitchId],
      ),
    ]);
    return {
      ...summaryOf(chatter),
      bitsTotal: Number(chatter.bits),
      channels: channels.map((row) => ({
        channel: channelBriefOf(row),
        messageCount: Number(row.message_count),
        bitsTotal: Number(row.bits_total),
        subMonths: row.sub_months,
        firstSeen: row.first_seen.toISOString(),
        lastSeen: row.last_seen.toISOString(),
      })),
      bans: moderation?.bans ?? 0,
      timeouts: moderation?.timeouts ?? 0,
      deletedMessages: moderation?.deleted ?? 0,
    };
  }

  /** Every login and display name the chatter was seen with, the latest first. */
  async names(twitchId: string): Promise<NameHistoryEntry[]> {
    const rows = await this.dataSource.query<
      { login: string; display_name: string; first_seen: Date; last_seen: Date }[]
    >(
      `SELECT login, display_name, first_seen, last_seen FROM chatter_names
        WHERE chatter_id = $1 ORDER BY last_seen DESC, first_seen DESC`,
      [twitchId],
    );
    return rows.map((row) => ({
      login: row.login,
      displayName: row.display_name,
      firstSeen: row.first_seen.toISOString(),
      lastSeen: row.last_seen.toISOString(),
    }));
  }

  /** Lines written per UTC day over the last `days` days (today included), oldest first. */
  async activity(twitchId: string, days: number): Promise<ActivityPoint[]> {
    // Counted from the (chatter_id, sent_at) index alone, without reading the rows.
    const rows = await this.dataSource.query<{ at: Date; messages: number }[]>(
      `WITH days AS (
         SELECT generate_series(
                  date_trunc('day', now(), 'UTC') - ($2::int - 1) * interval '1 day',
                  date_trunc('day', now(), 'UTC'),
                  interval '1 day') AS day
       ), counted AS (
         SELECT date_trunc('day', sent_at, 'UTC') AS day, count(*)::int AS n FROM messages
          WHERE chatter_id = $1 AND sent_at >= (SELECT min(day) FROM days)
          GROUP BY 1
       )
       SELECT days.day AS at, coalesce(counted.n, 0) AS messages
         FROM days LEFT JOIN counted USING (day) ORDER BY days.day`,
      [twitchId, days],
    );
    return rows.map((row) => ({ at: row.at.toISOString(), messages: row.messages }));
  }

  /**
   * Hard-deletes what the archive holds of a chatter — their messages in every month, the mod
   * actions against them, their per-channel stats and names, the chatter — in one transaction,
   * and records who did it in the audit log. Hourly channel counts lose their lines too, so
   * totals stay true. Lines still on their way in may bring the chatter back.
   */
  async delete(twitchId: string, actor: SessionMember): Promise<ChatterDeletion> {
    const deletion = await this.dataSource.transaction(async (db) => {
      const [messages] = await db.query<{ n: number }[]>(
        `WITH gone AS (
           DELETE FROM messages WHERE chatter_id = $1 RETURNING channel_id, sent_at, bits
         ), hourly AS (
           SELECT channel_id, date_trunc('hour', sent_at, 'UTC') AS hour,
                  count(*)::int AS n, sum(bits)::bigint AS bits
             FROM gone GROUP BY 1, 2
         ), adjusted AS (
           UPDATE channel_hourly_activity h
              SET messages = greatest(h.messages - hourly.n, 0), bits = greatest(h.bits - hourly.bits, 0)
             FROM hourly WHERE h.channel_id = hourly.channel_id AND h.hour = hourly.hour
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM gone)::int AS n, (SELECT count(*) FROM adjusted) AS hours`,
        [twitchId],
      );
      const counted = async (sql: string) =>
        (await db.query<{ n: number }[]>(sql, [twitchId]))[0]?.n ?? 0;
      const modActions = await counted(
        `WITH gone AS (DELETE FROM mod_actions WHERE target_id = $1 RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      );
      const channels = await counted(
        `WITH gone AS (DELETE FROM channel_chatters WHERE chatter_id = $1 RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      );
      const names = await counted(
        `WITH gone AS (DELETE FROM chatter_names WHERE chatter_id = $1 RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      );
      const chatter = await counted(
        `WITH gone AS (DELETE FROM chatters WHERE twitch_id = $1 RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      );
      const removed = { messages: messages?.n ?? 0, modActions, channels, names };
      if (chatter === 0 && removed.messages === 0 && removed.modActions === 0) return null;
      await db.query(
        `INSERT INTO audit_log (actor_id, actor_login, action, subject, details)
         VALUES ($1, $2, 'chatter.deleted', $3, $4::jsonb)`,
        [actor.id, actor.login, twitchId, JSON.stringify(removed)],
      );
      return removed;
    });
    if (!deletion) throw this.unknown(twitchId);
    this.logger.log(
      `${actor.login} deleted the archive of chatter ${twitchId}: ${deletion.messages} messages, ${deletion.modActions} mod actions`,
    );
    return deletion;
  }

  private unknown(twitchId: string): ApiError {
    return new ApiError(
      'NOT_FOUND',
      `The archive has nothing of a chatter with Twitch id ${twitchId}.`,
    );
  }
}
