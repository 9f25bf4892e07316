import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The chat archive: chatters and their names, per-channel stats, messages (partitioned by month,
 * searchable), moderation actions with their review, hourly activity, and an audit log.
 * Messages carry no foreign keys and no surrogate id: they are written by COPY at tens of
 * thousands a second, and named by Twitch's message id.
 */
export class ChatArchive1765100000000 implements MigrationInterface {
  name = 'ChatArchive1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE channels ADD COLUMN removed_at timestamptz`);
    await db.query(`
      CREATE TABLE chatters (
        twitch_id    bigint PRIMARY KEY,
        login        text NOT NULL,
        display_name text NOT NULL,
        first_seen   timestamptz NOT NULL,
        last_seen    timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX chatters_login_idx ON chatters (login text_pattern_ops)`);
    await db.query(`
      CREATE TABLE chatter_names (
        chatter_id   bigint NOT NULL REFERENCES chatters (twitch_id) ON DELETE CASCADE,
        login        text NOT NULL,
        display_name text NOT NULL,
        first_seen   timestamptz NOT NULL,
        last_seen    timestamptz NOT NULL,
        PRIMARY KEY (chatter_id, login, display_name)
      )`);
    // Finds a renamed chatter by a login they used to have.
    await db.query(
      `CREATE INDEX chatter_names_login_idx ON chatter_names (login text_pattern_ops)`,
    );
    await db.query(`
      CREATE TABLE channel_chatters (
        channel_id    bigint NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        chatter_id    bigint NOT NULL REFERENCES chatters (twitch_id) ON DELETE CASCADE,
        message_count bigint NOT NULL DEFAULT 0,
        bits_total    bigint NOT NULL DEFAULT 0,
        sub_months    integer NOT NULL DEFAULT 0,
        first_seen    timestamptz NOT NULL,
        last_seen     timestamptz NOT NULL,
        PRIMARY KEY (channel_id, chatter_id)
      )`);
    await db.query(`CREATE INDEX channel_chatters_chatter_idx ON channel_chatters (chatter_id)`);
    await db.query(
      `CREATE INDEX channel_chatters_recent_idx ON channel_chatters (channel_id, last_seen)`,
    );
    await db.query(
      `CREATE INDEX channel_chatters_busiest_idx ON channel_chatters (message_count DESC)`,
    );

    // kind: 1 PRIVMSG, 4 USERNOTICE (the numbering justlog's JSON uses).
    await db.query(`
      CREATE TABLE messages (
        sent_at           timestamptz NOT NULL,
        twitch_message_id text NOT NULL,
        channel_id        bigint NOT NULL,
        chatter_id        bigint,
        kind              smallint NOT NULL CHECK (kind IN (1, 4)),
        notice_type       text,
        login             text NOT NULL,
        display_name      text NOT NULL,
        text              text NOT NULL,
        system_text       text,
        is_action         boolean NOT NULL DEFAULT false,
        color             text,
        badges            jsonb,
        emotes            jsonb,
        bits              integer NOT NULL DEFAULT 0,
        reply_parent_id   text,
        is_first          boolean NOT NULL DEFAULT false,
        deleted_at        timestamptz,
        deleted_by        bigint,
        raw               text
      ) PARTITION BY RANGE (sent_at)`);
    // A unique index on a partitioned table must include the partition key; a re-sent line
    // carries the same tmi-sent-ts, so it still collides.
    await db.query(
      `CREATE UNIQUE INDEX messages_twitch_id_idx ON messages (twitch_message_id, sent_at)`,
    );
    await db.query(`CREATE INDEX messages_channel_time_idx ON messages (channel_id, sent_at)`);
    await db.query(`CREATE INDEX messages_chatter_time_idx ON messages (chatter_id, sent_at)`);
    // 'simple': chat is multilingual and full of names and emotes; stemming would mangle them.
    await db.query(
      `CREATE INDEX messages_text_search_idx ON messages USING gin (to_tsvector('simple', text))`,
    );

    await db.query(`
      CREATE TABLE mod_actions (
        id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_key         text NOT NULL UNIQUE,
        channel_id        bigint NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        type              text NOT NULL CHECK (type IN ('ban', 'timeout', 'unban', 'untimeout', 'delete', 'clear')),
        moderator_id      bigint,
        moderator_login   text,
        moderator_name    text,
        target_id         bigint,
        target_login      text,
        target_name       text,
        duration_seconds  integer,
        reason            text,
        occurred_at       timestamptz NOT NULL,
        message_id        text,
        message_sent_at   timestamptz,
        message_text      text,
        source            text NOT NULL CHECK (source IN ('irc', 'eventsub')),
        raw               text,
        review_status     text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'ok', 'flagged')),
        review_note       text,
        reviewed_by       bigint REFERENCES team_members (id) ON DELETE SET NULL,
        reviewed_at       timestamptz
      )`);
    await db.query(`CREATE INDEX mod_actions_time_idx ON mod_actions (occurred_at DESC)`);
    await db.query(
      `CREATE INDEX mod_actions_channel_idx ON mod_actions (channel_id, occurred_at DESC)`,
    );
    await db.query(
      `CREATE INDEX mod_actions_target_idx ON mod_actions (target_id, occurred_at DESC)`,
    );
    await db.query(
      `CREATE INDEX mod_actions_moderator_idx ON mod_actions (moderator_id, occurred_at DESC) WHERE moderator_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX mod_actions_review_idx ON mod_actions (review_status, occurred_at DESC)`,
    );
    await db.query(`CREATE INDEX mod_actions_type_idx ON mod_actions (type, occurred_at DESC)`);

    await db.query(`
      CREATE TABLE channel_hourly_activity (
        channel_id      bigint NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        hour            timestamptz NOT NULL,
        messages        integer NOT NULL,
        bits            bigint NOT NULL DEFAULT 0,
        last_message_at timestamptz NOT NULL,
        PRIMARY KEY (channel_id, hour)
      )`);
    await db.query(
      `CREATE INDEX channel_hourly_activity_hour_idx ON channel_hourly_activity (hour)`,
    );

    await db.query(`
      CREATE TABLE audit_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id    bigint REFERENCES team_members (id) ON DELETE SET NULL,
        actor_login text NOT NULL,
        action      text NOT NULL,
        subject     text NOT NULL,
        details     jsonb,
        at          timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP TABLE channel_hourly_activity`);
    await db.query(`DROP TABLE mod_actions`);
    await db.query(`DROP TABLE messages`);
    await db.query(`DROP TABLE channel_chatters`);
    await db.query(`DROP TABLE chatter_names`);
    await db.query(`DROP TABLE chatters`);
    await db.query(`ALTER TABLE channels DROP COLUMN removed_at`);
  }
}
