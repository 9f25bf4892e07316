import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class InitialSchema1763780000000 implements MigrationInterface {
  name = 'InitialSchema1763780000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE settings (
        key        text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]*$'),
        value      jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE channels (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        twitch_id    text NOT NULL UNIQUE CHECK (twitch_id ~ '^[0-9]+$'),
        login        text NOT NULL CHECK (login ~ '^[a-z0-9_]{1,25}$'),
        display_name text NOT NULL,
        is_active    boolean NOT NULL DEFAULT true,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX channels_login_idx ON channels (login)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE channels`);
    await db.query(`DROP TABLE settings`);
  }
}
