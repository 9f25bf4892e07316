import { type StreamEvent, streamEventUser } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SAME_EVENT_WINDOW_MS, sameEventKey } from './same-event.js';

export type RecordOutcome = 'recorded' | 'duplicate' | 'unknown channel';

/**
 * Writes stream events once: a re-delivery (same `eventId`) and the same event told by the other
 * source (same key, within the window) are not written again. Replicas serialise on the key with
 * an advisory lock, so the check and the insert are one step for all of them.
 */
@Injectable()
export class StreamEventStore {
  constructor(private readonly dataSource: DataSource) {}

  async record(event: StreamEvent): Promise<RecordOutcome> {
    const same = event.source === 'test' ? null : sameEventKey(event);
    const user = streamEventUser(event);
    return this.dataSource.transaction(async (db) => {
      if (same) {
        await db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `stream-event:${same.key}`,
        ]);
        const told: { data: StreamEvent }[] = await db.query(
          `SELECT data FROM stream_events
            WHERE natural_key = $1 AND source NOT IN ($2, 'test')
              AND occurred_at BETWEEN $3::timestamptz - $4 * interval '1 ms'
                                  AND $3::timestamptz + $4 * interval '1 ms'`,
          [same.key, event.source, event.occurredAt, SAME_EVENT_WINDOW_MS],
        );
        if (told.some((row) => same.isSame(row.data))) return 'duplicate';
      }
      const inserted: { channel_known: boolean }[] = await db.query(
        `WITH channel AS (SELECT id FROM channels WHERE twitch_id = $2)
         INSERT INTO stream_events
           (event_id, channel_id, type, source, user_id, user_login, natural_key, occurred_at, data)
         SELECT $1, channel.id, $3, $4, $5, $6, $7, $8, $9::jsonb FROM channel
         ON CONFLICT (event_id) DO NOTHING
         RETURNING true AS channel_known`,
        [
          event.eventId,
          event.channel.id,
          event.type,
          event.source,
          user?.id ?? null,
          user?.login ?? null,
          same?.key ?? null,
          event.occurredAt,
          JSON.stringify(event),
        ],
      );
      if (inserted.length > 0) return 'recorded';
      const [known]: { n: number }[] = await db.query(
        'SELECT count(*)::int AS n FROM channels WHERE twitch_id = $1',
        [event.channel.id],
      );
      return known?.n ? 'duplicate' : 'unknown channel';
    });
  }
}
