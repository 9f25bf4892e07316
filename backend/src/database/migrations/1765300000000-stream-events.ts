import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The stream events log: subs, gifts, cheers, follows, raids, redemptions, hype trains (and
 * polls, predictions and shoutouts when a setting keeps them). One row per real-world event:
 * `event_id` collapses re-deliveries, `natural_key` finds the same event told by the other source
 * (chat or EventSub) a little earlier or later.
 */
export class StreamEvents1765300000000 implements MigrationInterface {
  name = 'StreamEvents1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stream_events (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id    text NOT NULL UNIQUE,
        channel_id  bigint NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        type        text NOT NULL,
        source      text NOT NULL CHECK (source IN ('irc', 'eventsub', 'test')),
        user_id     text,
        user_login  text,
        natural_key text,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        data        jsonb NOT NULL
      )`);
    await db.query(
      `CREATE INDEX stream_events_time_idx ON stream_events (occurred_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX stream_events_channel_time_idx ON stream_events (channel_id, occurred_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX stream_events_type_time_idx ON stream_events (type, occurred_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX stream_events_user_idx ON stream_events (user_login text_pattern_ops)`,
    );
    await db.query(
      `CREATE INDEX stream_events_natural_key_idx ON stream_events (natural_key, occurred_at)
        WHERE natural_key IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE stream_events`);
  }
}
