import { type ArchivedMessage, type MessageQuery, type Page } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import {
  archivedMessageOf,
  MESSAGE_COLUMNS,
  MESSAGE_JOINS,
  type MessageRecord,
} from './archived-message.mapper.js';
import { archivedMonths, monthWindows, type TimeWindow } from './month-windows.js';
import {
  COUNT_LIMIT,
  pageOf,
  pageSliceOf,
  SqlParams,
  timeRangeOf,
  type TimeRange,
  whereOf,
} from '../../http/query-support.js';

/** What a message listing is narrowed by, once validated. */
export interface MessageFilter extends TimeRange {
  channelId: string | null;
  /** The author's Twitch id. */
  userId: string | null;
  q: string | null;
  includeDeleted: boolean;
}

/** A message's key: its Twitch id and `sent_at` (the partition key) as Postgres wrote it. */
interface MessageKey {
  id: string;
  at: string;
}

const newestFirst = (alias: string) => `${alias}.sent_at DESC, ${alias}.twitch_message_id DESC`;

/**
 * Above this many estimated matches in a window, a search across all channels walks each
 * channel's `(channel_id, sent_at)` index newest first instead of reading every match from the
 * full-text index and sorting them. Reading a match through the GIN index costs about twice a row
 * of an index walk that also checks the text, and the walk stops after a page per channel: with
 * tens of channels and month windows of millions of rows the two meet at a few ten thousand.
 */
const GIN_FIRST_MAX_ROWS = 20_000;

/** An estimate this far above the count's cap is not worth checking by counting. */
const SURELY_OVER_CAP = COUNT_LIMIT * 10;

/**
 * Archived messages: listed newest first with filters and full-text search, and one by one.
 * Every query walks one of the `messages` indexes in time order — `(channel_id, sent_at)`,
 * `(chatter_id, sent_at)` — or reads the full-text GIN index; there is no index on `sent_at`
 * alone, so a listing across channels merges one walk per channel (there are few channels).
 */
@Injectable()
export class MessagesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: MessageQuery): Promise<Page<ArchivedMessage>> {
    const q = query.q?.trim() ?? '';
    const filter: MessageFilter = {
      ...timeRangeOf(query.since, query.until),
      channelId: query.channelId ?? null,
      userId: query.userId ?? null,
      q: q === '' ? null : q,
      includeDeleted: query.includeDeleted ?? true,
    };
    const slice = pageSliceOf(query);
    // Two connections, two cores: the page and its count run side by side.
    const [records, counted] = await Promise.all([
      filter.q === null
        ? this.records(filter, null, slice.offset + slice.limit, slice)
        : this.searchRecords(filter, slice.offset, slice.limit),
      this.count(filter),
    ]);
    return pageOf(records.map(archivedMessageOf), counted, slice);
  }

  async get(twitchMessageId: string): Promise<ArchivedMessage> {
    const rows: MessageRecord[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS}
        WHERE m.twitch_message_id = $1 ORDER BY m.sent_at DESC LIMIT 1`,
      [twitchMessageId],
    );
    if (!rows[0])
      throw new ApiError('NOT_FOUND', `No archived message has the id ${twitchMessageId}.`);
    return archivedMessageOf(rows[0]);
  }

  /** Messages by their keys, in the keys' order. */
  async byKeys(keys: MessageKey[]): Promise<ArchivedMessage[]> {
    return (await this.recordsByKeys(keys)).map(archivedMessageOf);
  }

  private async recordsByKeys(keys: MessageKey[]): Promise<MessageRecord[]> {
    if (keys.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS}
         FROM unnest($1::text[], $2::timestamptz[]) WITH ORDINALITY AS k (id, at, n)
         JOIN messages m ON m.twitch_message_id = k.id AND m.sent_at = k.at
         ${MESSAGE_JOINS}
        ORDER BY k.n`,
      [keys.map((key) => key.id), keys.map((key) => key.at)],
    );
  }

  /**
   * A full-text search newest first, one window of months at a time, stopping once the page is
   * full. Postgres cannot stop early when it reads matches from the GIN index (they come in no
   * order, so all of them are sorted); bounding each read to a window bounds that work by the
   * matches of a few months, not of the whole archive, and a common word fills its page from the
   * newest month through a time-ordered index walk.
   */
  private async searchRecords(
    filter: MessageFilter,
    offset: number,
    limit: number,
  ): Promise<MessageRecord[]> {
    const wanted = offset + limit;
    const found: MessageRecord[] = [];
    const windows = monthWindows(await archivedMonths(this.dataSource), filter.since, filter.until);
    for (const window of windows) {
      found.push(...(await this.records(filter, window, wanted - found.length)));
      if (found.length >= wanted) break;
    }
    return found.slice(offset, wanted);
  }

  /**
   * Up to `take` messages newest first within `window` (or the whole range); with `slice`, that
   * page of them instead. One index walk reads whole rows in one round trip; a merge of one walk
   * per channel sorts only keys, then reads the page's rows by them.
   */
  private async records(
    filter: MessageFilter,
    window: TimeWindow | null,
    take: number,
    slice?: { limit: number; offset: number },
  ): Promise<MessageRecord[]> {
    const params = new SqlParams();
    const conditions = this.conditions(filter, params, window);
    const page = slice
      ? `LIMIT ${params.add(slice.limit)} OFFSET ${params.add(slice.offset)}`
      : `LIMIT ${params.add(take)}`;
    const perChannel =
      filter.channelId === null &&
      filter.userId === null &&
      (filter.q === null || (await this.estimatedMatches(filter, window)) > GIN_FIRST_MAX_ROWS);
    if (!perChannel)
      return this.dataSource.query(
        `SELECT ${MESSAGE_COLUMNS} FROM (
           SELECT * FROM messages m ${whereOf(this.ownConditions(filter, params, conditions))}
            ORDER BY ${newestFirst('m')} ${page}
         ) m ${MESSAGE_JOINS}
         ORDER BY ${newestFirst('m')}`,
        params.values,
      );
    const keys: MessageKey[] = await this.dataSource.query(
      `SELECT k.twitch_message_id AS id, k.sent_at::text AS at
         FROM channels c CROSS JOIN LATERAL (
           SELECT m.sent_at, m.twitch_message_id FROM messages m
            WHERE m.channel_id = c.id ${conditions.map((condition) => `AND ${condition}`).join(' ')}
            ORDER BY ${newestFirst('m')} LIMIT ${params.add(take)}
         ) k
        ORDER BY ${newestFirst('k')} ${page}`,
      params.values,
    );
    return this.recordsByKeys(keys);
  }

  /** How many messages the planner expects the search to match in `window`. */
  private async estimatedMatches(filter: MessageFilter, window: TimeWindow | null) {
    const params = new SqlParams();
    const conditions = this.conditions(filter, params, window);
    const [row]: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[] =
      await this.dataSource.query(
        `EXPLAIN (FORMAT JSON) SELECT 1 FROM messages m ${whereOf(conditions)}`,
        params.values,
      );
    return row?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? Infinity;
  }

  /**
   * How many messages match, counted up to `COUNT_LIMIT`. A search the planner expects to match
   * many times the cap is not counted: counting ten thousand matches out of the full-text index
   * costs far more than the page, and the answer would be "10,000+" either way.
   */
  private async count(filter: MessageFilter): Promise<number> {
    if (filter.q !== null && (await this.estimatedMatches(filter, null)) > SURELY_OVER_CAP)
      return COUNT_LIMIT;
    const params = new SqlParams();
    const conditions = this.conditions(filter, params, null);
    const limit = params.add(COUNT_LIMIT);
    // Without a channel, user or search, only per-channel index walks avoid reading whole months.
    const sql =
      filter.channelId === null && filter.userId === null && filter.q === null
        ? `SELECT count(*)::int AS n FROM (
             SELECT 1 FROM channels c CROSS JOIN LATERAL (
               SELECT 1 FROM messages m
                WHERE m.channel_id = c.id ${conditions.map((condition) => `AND ${condition}`).join(' ')}
                LIMIT ${limit}
             ) x LIMIT ${limit}
           ) t`
        : `SELECT count(*)::int AS n FROM (
             SELECT 1 FROM messages m ${whereOf(this.ownConditions(filter, params, conditions))}
              LIMIT ${limit}
           ) t`;
    const [row]: { n: number }[] = await this.dataSource.query(sql, params.values);
    return row?.n ?? 0;
  }

  /** The conditions on `m` other than its channel (which a per-channel walk sets itself). */
  private conditions(
    filter: MessageFilter,
    params: SqlParams,
    window: TimeWindow | null,
  ): string[] {
    const conditions: string[] = [];
    if (filter.userId !== null) conditions.push(`m.chatter_id = ${params.add(filter.userId)}`);
    const since = window?.from ?? filter.since;
    const until = window?.to ?? filter.until;
    if (since) conditions.push(`m.sent_at >= ${params.add(since)}`);
    if (until) conditions.push(`m.sent_at < ${params.add(until)}`);
    if (filter.q !== null)
      // The expression of messages_channel_text_search_idx, so that the GIN index answers it.
      conditions.push(
        `to_tsvector('simple', m.text) @@ websearch_to_tsquery('simple', ${params.add(filter.q)})`,
      );
    if (!filter.includeDeleted) conditions.push('m.deleted_at IS NULL');
    return conditions;
  }

  private ownConditions(filter: MessageFilter, params: SqlParams, conditions: string[]): string[] {
    return filter.channelId === null
      ? conditions
      : [`m.channel_id = ${params.add(filter.channelId)}`, ...conditions];
  }
}
