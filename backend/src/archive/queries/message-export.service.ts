import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type ArchivedMessage,
  EXPORT_ROWS_HEADER,
  type ExportFormat,
  type ExportQuery,
} from '@integron/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type Response } from 'express';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import { DatabaseTarget } from '../../database/database-target.js';
import { ApiError } from '../../http/api-error.js';
import {
  archivedMessageOf,
  MESSAGE_COLUMNS,
  MESSAGE_JOINS,
  type MessageRecord,
} from './archived-message.mapper.js';
import { csvRecord, type CsvValue, spreadsheetText } from './csv.util.js';
import { timeRangeOf } from '../../http/query-support.js';

const MAX_RANGE_MS = 366 * 24 * 60 * 60_000;
/** Exports run for minutes on a pool of their own, so they never starve the API's connections. */
const EXPORT_CONNECTIONS = 3;
const ROWS_PER_FETCH = 500;

const CSV_COLUMNS: [header: string, value: (message: ArchivedMessage) => CsvValue][] = [
  ['sent_at', (message) => message.sentAt],
  ['twitch_message_id', (message) => message.twitchMessageId],
  ['channel_id', (message) => message.channel.id],
  ['channel_login', (message) => message.channel.login],
  ['user_id', (message) => message.user?.id ?? null],
  ['user_login', (message) => message.user?.login ?? null],
  ['user_display_name', (message) => message.user?.displayName ?? null],
  ['kind', (message) => message.kind],
  ['notice_type', (message) => message.noticeType],
  ['text', (message) => spreadsheetText(message.text)],
  ['system_text', (message) => spreadsheetText(message.systemText)],
  ['is_action', (message) => message.isAction],
  ['color', (message) => message.color],
  ['badges', (message) => JSON.stringify(message.badges)],
  ['emotes', (message) => JSON.stringify(message.emotes)],
  ['bits', (message) => message.bits],
  ['reply_parent_id', (message) => message.replyParentId],
  ['is_first_message', (message) => message.isFirstMessage],
  ['deleted_at', (message) => message.deletedAt],
  ['deleted_by_id', (message) => message.deletedBy?.id ?? null],
  ['deleted_by_login', (message) => message.deletedBy?.login ?? null],
];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** A line of the export for one row. */
function lineOf(format: ExportFormat, message: ArchivedMessage): string {
  return format === 'csv'
    ? csvRecord(CSV_COLUMNS.map(([, value]) => value(message)))
    : `${JSON.stringify(message)}\n`;
}

/** `2026-11-22T10:00:00.000Z` → `20261122T100000Z`, for file names. */
function compactTime(time: Date): string {
  return time.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/**
 * A channel's or a chatter's messages over a time range as CSV or NDJSON, oldest first,
 * streamed from a cursor: rows are fetched as the client reads them, never all at once, and a
 * client that goes away ends the query. The row count goes first, in `X-Export-Rows`, for a
 * progress bar; count and rows come from one snapshot, so they agree.
 */
@Injectable()
export class MessageExportService implements OnModuleDestroy {
  private readonly logger = new Logger('Export');
  private readonly connectionFailed = (error: Error): void =>
    this.logger.warn(`An export connection failed: ${error.message}`);
  private readonly pool: pg.Pool;

  constructor(database: DatabaseTarget) {
    this.pool = new pg.Pool({
      connectionString: database.url,
      max: EXPORT_CONNECTIONS,
      connectionTimeoutMillis: 2_000,
      application_name: 'integron-export',
    });
    this.pool.on('error', this.connectionFailed);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  async stream(query: ExportQuery, response: Response): Promise<void> {
    if ((query.channelId === undefined) === (query.userId === undefined))
      throw new ApiError(
        'VALIDATION_FAILED',
        'Invalid request: give exactly one of channelId (a channel’s messages) or userId (a chatter’s).',
        [{ field: 'channelId', message: 'exactly one of channelId or userId is required' }],
      );
    const { since, until } = timeRangeOf(query.since, query.until);
    if (!since || !until) throw new ApiError('VALIDATION_FAILED', 'since and until are required.');
    if (until.getTime() - since.getTime() > MAX_RANGE_MS)
      throw new ApiError(
        'VALIDATION_FAILED',
        'Invalid request: an export covers at most 366 days; export longer ranges in parts.',
        [{ field: 'until', message: 'until must be at most 366 days after since' }],
      );
    const client = await this.pool.connect().catch(() => {
      throw new ApiError(
        'SERVICE_UNAVAILABLE',
        `${EXPORT_CONNECTIONS} exports are running already; try again when one has finished.`,
      );
    });
    // The pool hears idle connections only; one that drops mid-export also says so as an event.
    client.on('error', this.connectionFailed);
    let reusable = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const subject = await this.subject(client, query);
      const where = `${subject.condition} AND m.sent_at >= $2 AND m.sent_at < $3`;
      const values = [subject.id, since, until];
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM messages m WHERE ${where}`,
        values,
      );
      const format = query.format;
      response.status(200);
      response.setHeader('Content-Type', CONTENT_TYPES[format]);
      response.setHeader(EXPORT_ROWS_HEADER, rows[0]?.n ?? '0');
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="integron-${subject.name}-${compactTime(since)}-${compactTime(until)}.${format}"`,
      );
      response.setHeader(
        'Access-Control-Expose-Headers',
        `${EXPORT_ROWS_HEADER}, Content-Disposition`,
      );
      response.setHeader('Cache-Control', 'no-store');
      // The count reaches the client before the first row does.
      response.flushHeaders();
      const cursor = client.query(
        new QueryStream(
          `SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS}
            WHERE ${where} ORDER BY m.sent_at, m.twitch_message_id`,
          values,
          { batchSize: ROWS_PER_FETCH },
        ),
      );
      let header = format === 'csv';
      const lines = new Transform({
        writableObjectMode: true,
        transform(row: MessageRecord, _encoding, done) {
          const line = lineOf(format, archivedMessageOf(row));
          if (header) {
            header = false;
            done(null, csvRecord(CSV_COLUMNS.map(([name]) => name)) + line);
          } else done(null, line);
        },
        flush(done) {
          done(null, header ? csvRecord(CSV_COLUMNS.map(([name]) => name)) : undefined);
        },
      });
      await pipeline(cursor, lines, response);
      await client.query('COMMIT');
      reusable = true;
    } catch (error) {
      if (!response.headersSent) {
        await client.query('ROLLBACK').then(
          () => (reusable = true),
          () => undefined,
        );
        throw error;
      }
      // The client went away (or the database did): the cursor is closed by now, and the
      // connection is dropped below, which ends its transaction.
      this.logger.log(
        `An export of ${query.channelId ? 'channel' : 'chatter'} messages ended early: ${String(error)}`,
      );
    } finally {
      client.off('error', this.connectionFailed);
      client.release(!reusable);
    }
  }

  /** The channel or chatter exported: its condition on `m`, its id and a name for the file. */
  private async subject(
    client: pg.ClientBase,
    query: ExportQuery,
  ): Promise<{ condition: string; id: string; name: string }> {
    if (query.userId !== undefined)
      return { condition: 'm.chatter_id = $1', id: query.userId, name: `user-${query.userId}` };
    const { rows } = await client.query<{ login: string }>(
      'SELECT login FROM channels WHERE id = $1',
      [query.channelId],
    );
    if (!rows[0]) throw new ApiError('NOT_FOUND', `No channel with id ${query.channelId}.`);
    return { condition: 'm.channel_id = $1', id: query.channelId!, name: rows[0].login };
  }
}
