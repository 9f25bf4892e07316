import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class TeamAndAccess1763790000000 implements MigrationInterface {
  name = 'TeamAndAccess1763790000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE team_members (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        login           text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9_]{1,25}$'),
        twitch_user_id  text UNIQUE CHECK (twitch_user_id ~ '^[0-9]+$'),
        display_name    text,
        role            text NOT NULL CHECK (role IN ('moderator', 'admin', 'owner')),
        added_by        bigint REFERENCES team_members (id) ON DELETE SET NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz
      )`);
    // The layout connect-pg-simple reads and writes.
    await db.query(`
      CREATE TABLE sessions (
        sid    varchar NOT NULL PRIMARY KEY,
        sess   json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await db.query(`CREATE INDEX sessions_expire_idx ON sessions (expire)`);
    await db.query(`
      CREATE TABLE twitch_accounts (
        id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        twitch_user_id     text NOT NULL CHECK (twitch_user_id ~ '^[0-9]+$'),
        login              text NOT NULL,
        display_name       text NOT NULL,
        purpose            text NOT NULL CHECK (purpose IN ('broadcaster', 'bot')),
        scopes             text[] NOT NULL,
        access_token_enc   text NOT NULL,
        refresh_token_enc  text,
        expires_at         timestamptz,
        obtained_at        timestamptz NOT NULL,
        status             text NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'needs_reconnect')),
        problem            text,
        connected_by       bigint REFERENCES team_members (id) ON DELETE SET NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        UNIQUE (twitch_user_id, purpose)
      )`);
    await db.query(`
      CREATE TABLE overlay_keys (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        channel_id   bigint NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
        key_hash     bytea NOT NULL UNIQUE,
        prefix       text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await db.query(`CREATE INDEX overlay_keys_channel_idx ON overlay_keys (channel_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE overlay_keys`);
    await db.query(`DROP TABLE twitch_accounts`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`DROP TABLE team_members`);
  }
}
