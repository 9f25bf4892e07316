import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The full-text index keys each message by its channel as well as its words (`btree_gin`), so a
 * search in one channel reads only that channel's matches out of the index. With words alone,
 * Postgres read every channel's matches and then either visited each row or intersected them with
 * the whole channel's rows from `(channel_id, sent_at)`: tens of milliseconds a month on a busy
 * archive, against a few with both in one index. A search across channels uses the words alone.
 */
export class SearchWithinAChannel1765200000000 implements MigrationInterface {
  name = 'SearchWithinAChannel1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await db.query(
      `CREATE INDEX messages_channel_text_search_idx ON messages
         USING gin (channel_id, to_tsvector('simple', text))`,
    );
    await db.query(`DROP INDEX messages_text_search_idx`);
    await db.query(`ANALYZE messages`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX messages_text_search_idx ON messages USING gin (to_tsvector('simple', text))`,
    );
    await db.query(`DROP INDEX messages_channel_text_search_idx`);
  }
}
