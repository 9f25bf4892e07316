import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageRow, type ModActionRow } from '../../src/archive/ingest/archive-rows.js';
import { BatchStore } from '../../src/archive/ingest/batch-store.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { TestDatabase } from '../utils/test-database.js';

const CHANNEL_TWITCH_ID = '100001';

function messageRow(id: string, fields: Partial<MessageRow> = {}): MessageRow {
  return {
    sentAt: '2026-12-07T10:00:00.000Z',
    twitchMessageId: id,
    channelTwitchId: CHANNEL_TWITCH_ID,
    chatterId: '200001',
    kind: 1,
    noticeType: null,
    login: 'viewer',
    displayName: 'Viewer',
    text: `message ${id}`,
    systemText: null,
    isAction: false,
    color: null,
    badges: null,
    emotes: null,
    bits: 0,
    replyParentId: null,
    isFirst: false,
    raw: null,
    subMonths: 0,
    ...fields,
  };
}

function deletion(messageId: string, eventKey: string): ModActionRow {
  return {
    eventKey,
    channelTwitchId: CHANNEL_TWITCH_ID,
    type: 'delete',
    moderatorId: null,
    moderatorLogin: null,
    moderatorName: null,
    targetId: null,
    targetLogin: 'viewer',
    targetName: 'viewer',
    durationSeconds: null,
    reason: null,
    occurredAt: '2026-12-07T10:00:05.000Z',
    messageId,
    source: 'irc',
    raw: null,
  };
}

describe(BatchStore.name, () => {
  let database: TestDatabase;
  let client: pg.Client;
  let sut: BatchStore;

  beforeAll(async () => {
    database = await TestDatabase.create();
    const dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: MIGRATIONS,
    }).initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    await database.query(
      `INSERT INTO channels (twitch_id, login, display_name) VALUES ($1, 'teamcaptain', 'TeamCaptain')`,
      [CHANNEL_TWITCH_ID],
    );
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    sut = new BatchStore(async (db, twitchId) => {
      const { rows } = await db.query<{ id: string }>(
        'SELECT id::text FROM channels WHERE twitch_id = $1',
        [twitchId],
      );
      return rows[0]?.id;
    });
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const stats = async () =>
    (
      await database.query<{ messages: number; counted: string; hourly: number }>(
        `SELECT (SELECT count(*)::int FROM messages) AS messages,
                (SELECT message_count FROM channel_chatters WHERE chatter_id = 200001) AS counted,
                (SELECT sum(messages)::int FROM channel_hourly_activity) AS hourly`,
      )
    ).rows[0];

  it('writes a batch, and takes the same batch again without failing or counting twice', async () => {
    const batch = { messages: [messageRow('a-1'), messageRow('a-2')], modActions: [] };

    const first = await sut.write(client, batch);
    const again = await sut.write(client, batch);

    expect(first).toEqual({ messagesWritten: 2, duplicates: 0, modActionsWritten: 0 });
    expect(again).toEqual({ messagesWritten: 0, duplicates: 2, modActionsWritten: 0 });
    expect(await stats()).toEqual({ messages: 2, counted: '2', hourly: 2 });
  });

  it('takes a batch that repeats a line within itself and with an earlier batch', async () => {
    const result = await sut.write(client, {
      messages: [messageRow('a-1'), messageRow('b-1'), messageRow('b-1')],
      modActions: [],
    });

    expect(result).toEqual({ messagesWritten: 1, duplicates: 2, modActionsWritten: 0 });
    expect(await stats()).toEqual({ messages: 3, counted: '3', hourly: 3 });
  });

  it('keeps text COPY would misread: tabs, newlines, backslashes, NUL', async () => {
    const text = 'tab\there\nnew line \\N back\\slash \u0000nul';

    await sut.write(client, { messages: [messageRow('c-1', { text })], modActions: [] });

    const { rows } = await database.query<{ text: string }>(
      `SELECT text FROM messages WHERE twitch_message_id = 'c-1'`,
    );
    expect(rows[0]?.text).toBe('tab\there\nnew line \\N back\\slash nul');
  });

  it('creates the partition of a month it has not seen, and applies a deletion once', async () => {
    const old = messageRow('d-1', { sentAt: '2024-02-29T23:59:59.999Z' });
    const action = deletion('d-1', 'clearmsg:d-1');

    await sut.write(client, { messages: [old], modActions: [action] });
    const again = await sut.write(client, { messages: [], modActions: [action] });

    expect(again.modActionsWritten).toBe(0);
    const { rows } = await database.query<{ tableoid: string; deleted_at: Date | null }>(
      `SELECT tableoid::regclass::text AS tableoid, deleted_at FROM messages WHERE twitch_message_id = 'd-1'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tableoid).toBe('messages_y2024m02');
    expect(rows[0]?.deleted_at).toBeInstanceOf(Date);
  });

  it('drops whole months older than the retention', async () => {
    const dropped = await sut.messagePartitions.dropOlderThan(client, 12, new Date('2026-12-07'));

    expect(dropped).toEqual(['2024-02']);
    expect((await stats())?.messages).toBe(4);
  });
});
