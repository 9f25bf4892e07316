import {
  type EventsSummary,
  type LoggedStreamEvent,
  type Page,
  STREAM_EVENT_TYPES,
  type StreamEvent,
  type StreamEventType,
} from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  COUNT_LIMIT,
  pageOf,
  pageSliceOf,
  SqlParams,
  timeRangeOf,
  whereOf,
} from '../http/query-support.js';
import { ApiError } from '../http/api-error.js';
import { type StreamEventQueryDto } from './dto/stream-event.dto.js';

interface LoggedRow {
  id: string;
  channel_id: string;
  source: string;
  recorded_at: Date;
  data: StreamEvent;
}

function toLogged(row: LoggedRow): LoggedStreamEvent {
  return {
    id: row.id,
    channelId: row.channel_id,
    event: row.data,
    isTest: row.source === 'test',
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** The stream events log, newest first. */
@Injectable()
export class EventsLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: StreamEventQueryDto): Promise<Page<LoggedStreamEvent>> {
    const { since, until } = timeRangeOf(query.since, query.until);
    const slice = pageSliceOf(query);
    const params = new SqlParams();
    const conditions: string[] = [];
    if (query.channelId) conditions.push(`channel_id = ${params.add(query.channelId)}`);
    if (query.types) conditions.push(`type = ANY(${params.add(query.types.split(','))})`);
    if (query.user)
      conditions.push(`user_login LIKE ${params.add(`${query.user.toLowerCase()}%`)}`);
    if (since) conditions.push(`occurred_at >= ${params.add(since)}`);
    if (until) conditions.push(`occurred_at < ${params.add(until)}`);
    if (query.includeTests === false) conditions.push(`source <> 'test'`);
    const where = whereOf(conditions);
    const filterValues = [...params.values];
    const [rows, counted] = await Promise.all([
      this.dataSource.query<LoggedRow[]>(
        `SELECT id::text, channel_id::text, source, recorded_at, data FROM stream_events ${where}
          ORDER BY occurred_at DESC, id DESC
          LIMIT ${params.add(slice.limit)} OFFSET ${params.add(slice.offset)}`,
        params.values,
      ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM stream_events ${where} LIMIT ${COUNT_LIMIT}) t`,
        filterValues,
      ),
    ]);
    return pageOf(rows.map(toLogged), counted[0]?.n ?? 0, slice);
  }

  /** One logged event; a 404 when the log has none with this id. */
  async get(logId: string): Promise<LoggedStreamEvent> {
    const [row] = await this.dataSource.query<LoggedRow[]>(
      `SELECT id::text, channel_id::text, source, recorded_at, data FROM stream_events
        WHERE id = $1`,
      [logId],
    );
    if (!row) throw new ApiError('NOT_FOUND', `The events log has no event ${logId}.`);
    return toLogged(row);
  }

  /** How many of each event since `since` (default: today, UTC), test events left out. */
  async summary(since: string | undefined): Promise<EventsSummary> {
    const from = since ? new Date(since) : startOfUtcDay(new Date());
    const rows: { type: StreamEventType; n: number }[] = await this.dataSource.query(
      `SELECT type, count(*)::int AS n FROM stream_events
        WHERE occurred_at >= $1 AND source <> 'test' GROUP BY type`,
      [from],
    );
    const counts = Object.fromEntries(STREAM_EVENT_TYPES.map((type) => [type, 0])) as Record<
      StreamEventType,
      number
    >;
    for (const row of rows) counts[row.type] = row.n;
    return {
      since: from.toISOString(),
      counts,
      total: rows.reduce((sum, row) => sum + row.n, 0),
    };
  }
}

function startOfUtcDay(time: Date): Date {
  return new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
}
