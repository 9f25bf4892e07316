import {
  MOD_ACTION_TYPES,
  type ModAction,
  type ModActionContext,
  type ModActionQuery,
  type ModActionStats,
  type ModActionType,
  type Page,
  type ReviewModActionRequest,
  type SessionMember,
  type StatsBucket,
} from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import { MessagesService } from './messages.service.js';
import {
  MOD_ACTION_COLUMNS,
  MOD_ACTION_JOINS,
  modActionOf,
  type ModActionRecord,
} from './mod-action.mapper.js';
import {
  COUNT_LIMIT,
  pageOf,
  pageSliceOf,
  SqlParams,
  timeRangeOf,
  whereOf,
} from '../../http/query-support.js';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
const DEFAULT_STATS_RANGE_MS = 7 * DAY_MS;
/** Hourly buckets for up to a month, daily ones for up to a year: charts of at most ~750 points. */
const MAX_STATS_RANGE_MS: Record<StatsBucket, number> = { hour: 31 * DAY_MS, day: 366 * DAY_MS };
const TOP_MODERATORS = 10;

export interface ModActionStatsQuery {
  channelId?: string;
  since?: string;
  until?: string;
  bucket?: StatsBucket;
}

export function zeroCounts(): Record<ModActionType, number> {
  return Object.fromEntries(MOD_ACTION_TYPES.map((type) => [type, 0])) as Record<
    ModActionType,
    number
  >;
}

/**
 * Moderation actions: listed newest first (each filter has its `(…, occurred_at DESC)` index),
 * counted for charts, reviewed by the team, and shown with what their target wrote before.
 */
@Injectable()
export class ModActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: MessagesService,
  ) {}

  async list(query: ModActionQuery): Promise<Page<ModAction>> {
    const { since, until } = timeRangeOf(query.since, query.until);
    const slice = pageSliceOf(query);
    const params = new SqlParams();
    const conditions: string[] = [];
    if (query.type) conditions.push(`a.type = ${params.add(query.type)}`);
    if (query.channelId) conditions.push(`a.channel_id = ${params.add(query.channelId)}`);
    if (query.moderatorId) conditions.push(`a.moderator_id = ${params.add(query.moderatorId)}`);
    if (query.targetId) conditions.push(`a.target_id = ${params.add(query.targetId)}`);
    if (query.status) conditions.push(`a.review_status = ${params.add(query.status)}`);
    if (since) conditions.push(`a.occurred_at >= ${params.add(since)}`);
    if (until) conditions.push(`a.occurred_at < ${params.add(until)}`);
    const where = whereOf(conditions);
    const filterValues = [...params.values];
    const [rows, [counted]] = await Promise.all([
      this.dataSource.query<ModActionRecord[]>(
        `SELECT ${MOD_ACTION_COLUMNS} FROM mod_actions a ${MOD_ACTION_JOINS} ${where}
          ORDER BY a.occurred_at DESC, a.id DESC
          LIMIT ${params.add(slice.limit)} OFFSET ${params.add(slice.offset)}`,
        params.values,
      ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM mod_actions a ${where} LIMIT ${COUNT_LIMIT}) t`,
        filterValues,
      ),
    ]);
    return pageOf(rows.map(modActionOf), counted?.n ?? 0, slice);
  }

  async get(id: string): Promise<ModAction> {
    const [row] = await this.dataSource.query<ModActionRecord[]>(
      `SELECT ${MOD_ACTION_COLUMNS} FROM mod_actions a ${MOD_ACTION_JOINS} WHERE a.id = $1`,
      [id],
    );
    if (!row) throw new ApiError('NOT_FOUND', `No mod action with id ${id}.`);
    return modActionOf(row);
  }

  /** The most recent actions of all channels. */
  async recent(limit: number): Promise<ModAction[]> {
    const rows = await this.dataSource.query<ModActionRecord[]>(
      `SELECT ${MOD_ACTION_COLUMNS} FROM mod_actions a ${MOD_ACTION_JOINS}
        ORDER BY a.occurred_at DESC, a.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(modActionOf);
  }

  /**
   * Records a review; `note` left out keeps the note there is, `null` clears it. Back to
   * `pending`, the action has no reviewer again.
   */
  async review(
    id: string,
    request: ReviewModActionRequest,
    reviewer: SessionMember,
  ): Promise<ModAction> {
    const [updated] = await this.dataSource.query<{ id: string }[]>(
      `WITH reviewed AS (
         UPDATE mod_actions SET
           review_status = $2,
           review_note = CASE WHEN $3::boolean THEN $4 ELSE review_note END,
           reviewed_by = CASE WHEN $2 = 'pending' THEN NULL ELSE $5::bigint END,
           reviewed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
         WHERE id = $1 RETURNING id
       ) SELECT id::text FROM reviewed`,
      [id, request.status, request.note !== undefined, request.note ?? null, reviewer.id],
    );
    if (!updated) throw new ApiError('NOT_FOUND', `No mod action with id ${id}.`);
    return this.get(id);
  }

  /**
   * What the target wrote in that channel up to the action, oldest first; for `clear` (no
   * target), or a target the archive never saw write, the channel's last lines before it.
   */
  async context(id: string, limit: number): Promise<ModActionContext> {
    const [action, [at]] = await Promise.all([
      this.get(id),
      this.dataSource.query<{ occurred_at: string }[]>(
        'SELECT occurred_at::text AS occurred_at FROM mod_actions WHERE id = $1',
        [id],
      ),
    ]);
    const byTarget = action.type !== 'clear' && action.target !== null && action.target.id !== '';
    // Constants, not a join with the action: the planner then walks the time index backwards
    // and stops after `limit` lines, instead of reading all of the target's earlier lines.
    const keys = await this.dataSource.query<{ id: string; at: string }[]>(
      `SELECT twitch_message_id AS id, sent_at::text AS at FROM messages
        WHERE channel_id = $1 AND sent_at <= $2 ${byTarget ? 'AND chatter_id = $4' : ''}
        ORDER BY sent_at DESC, twitch_message_id DESC LIMIT $3`,
      [action.channel.id, at!.occurred_at, limit, ...(byTarget ? [action.target!.id] : [])],
    );
    return { action, messages: await this.messages.byKeys(keys.reverse()) };
  }

  async stats(query: ModActionStatsQuery): Promise<ModActionStats> {
    const bucket = query.bucket ?? 'day';
    const range = timeRangeOf(query.since, query.until);
    const until = range.until ?? new Date();
    const since = range.since ?? new Date(until.getTime() - DEFAULT_STATS_RANGE_MS);
    if (since >= until)
      throw new ApiError('VALIDATION_FAILED', 'Invalid request: since must be earlier than until.');
    if (until.getTime() - since.getTime() > MAX_STATS_RANGE_MS[bucket])
      throw new ApiError(
        'VALIDATION_FAILED',
        bucket === 'hour'
          ? 'Invalid request: hourly stats cover at most 31 days; use bucket=day for longer ranges.'
          : 'Invalid request: stats cover at most 366 days; narrow since/until.',
        [{ field: 'since', message: `since to until spans more than one ${bucket} bucket allows` }],
      );
    const params = new SqlParams();
    const conditions = [
      `a.occurred_at >= ${params.add(since)}`,
      `a.occurred_at < ${params.add(until)}`,
    ];
    if (query.channelId) conditions.push(`a.channel_id = ${params.add(query.channelId)}`);
    const where = whereOf(conditions);
    const filterValues = [...params.values];
    const [buckets, moderators] = await Promise.all([
      this.dataSource.query<{ at: Date; type: ModActionType; n: number; unattributed: number }[]>(
        `SELECT date_trunc(${params.add(bucket)}, a.occurred_at, 'UTC') AS at, a.type,
                count(*)::int AS n, count(*) FILTER (WHERE a.moderator_id IS NULL)::int AS unattributed
           FROM mod_actions a ${where} GROUP BY 1, 2`,
        params.values,
      ),
      this.dataSource.query<{ id: string; login: string; name: string | null; n: number }[]>(
        `SELECT a.moderator_id::text AS id,
                (array_agg(a.moderator_login ORDER BY a.occurred_at DESC))[1] AS login,
                (array_agg(a.moderator_name ORDER BY a.occurred_at DESC))[1] AS name,
                count(*)::int AS n
           FROM mod_actions a ${where} AND a.moderator_id IS NOT NULL
          GROUP BY a.moderator_id ORDER BY n DESC, a.moderator_id LIMIT ${TOP_MODERATORS}`,
        filterValues,
      ),
    ]);
    const series = bucketStarts(since, until, bucket).map((at) => ({
      at: at.toISOString(),
      counts: zeroCounts(),
    }));
    const byStart = new Map(series.map((point) => [point.at, point.counts]));
    const byType = zeroCounts();
    let unattributed = 0;
    for (const row of buckets) {
      const counts = byStart.get(row.at.toISOString());
      if (counts) counts[row.type] += row.n;
      byType[row.type] += row.n;
      unattributed += row.unattributed;
    }
    return {
      byType,
      series,
      topModerators: moderators.map((row) => ({
        moderator: { id: row.id, login: row.login, displayName: row.name ?? row.login },
        count: row.n,
      })),
      unattributed,
    };
  }
}

/** The UTC starts of the hours or days from the one holding `since` up to `until`. */
function bucketStarts(since: Date, until: Date, bucket: StatsBucket): Date[] {
  const step = bucket === 'hour' ? HOUR_MS : DAY_MS;
  const starts: Date[] = [];
  for (let at = Math.floor(since.getTime() / step) * step; at < until.getTime(); at += step)
    starts.push(new Date(at));
  return starts;
}
