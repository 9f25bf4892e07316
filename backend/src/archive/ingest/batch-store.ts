import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type MessageRow, type ModActionRow } from './archive-rows.js';
import { copyLine } from './copy-text.js';
import { MessagePartitions, monthOf } from './message-partitions.js';

const UNIQUE_VIOLATION = '23505';
/** How far apart chat and EventSub may tell the same moderation action. */
const SAME_ACTION_WINDOW_MS = 2 * 60_000;

const MESSAGE_COLUMNS = [
  'sent_at',
  'twitch_message_id',
  'channel_id',
  'chatter_id',
  'kind',
  'notice_type',
  'login',
  'display_name',
  'text',
  'system_text',
  'is_action',
  'color',
  'badges',
  'emotes',
  'bits',
  'reply_parent_id',
  'is_first',
  'raw',
].join(', ');

/** Rows in arrival order; mod actions refer to messages of the same or earlier batches. */
export interface ArchiveBatch {
  messages: MessageRow[];
  modActions: ModActionRow[];
}

export interface BatchResult {
  messagesWritten: number;
  duplicates: number;
  modActionsWritten: number;
}

/** Name history changes rarely: a name seen this recently is not written again. */
const NAME_REFRESH_MS = 60 * 60_000;

/**
 * Writes a batch in one transaction: chatters and their names, the messages by COPY (a repeated
 * Twitch message id falls back to a staging table and `ON CONFLICT DO NOTHING`, so a duplicate
 * never fails a batch), per-channel and hourly counts from the rows actually inserted, and the
 * mod actions, each linked to the message it concerns.
 */
export class BatchStore {
  private readonly partitions = new MessagePartitions();
  private readonly namesWritten = new Map<string, number>();

  constructor(
    private readonly channelIdOf: (
      client: pg.ClientBase,
      twitchId: string,
    ) => Promise<string | undefined>,
  ) {}

  get messagePartitions(): MessagePartitions {
    return this.partitions;
  }

  async write(client: pg.ClientBase, batch: ArchiveBatch): Promise<BatchResult> {
    const messages = await this.resolveChannels(client, batch.messages);
    const modActions = await this.resolveChannels(client, batch.modActions);
    await this.partitions.ensure(
      client,
      messages.map(({ row }) => monthOf(row.sentAt)),
    );
    await client.query('BEGIN');
    try {
      const inserted = await this.insertMessages(client, messages);
      await this.upsertChatters(client, messages);
      await this.upsertChannelChatters(client, inserted);
      await this.upsertHourlyActivity(client, inserted);
      const modActionsWritten = await this.insertModActions(client, modActions);
      await client.query('COMMIT');
      return {
        messagesWritten: inserted.length,
        duplicates: messages.length - inserted.length,
        modActionsWritten,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async resolveChannels<R extends { channelTwitchId: string }>(
    client: pg.ClientBase,
    rows: R[],
  ): Promise<{ row: R; channelId: string }[]> {
    const resolved: { row: R; channelId: string }[] = [];
    for (const row of rows) {
      const channelId = await this.channelIdOf(client, row.channelTwitchId);
      if (channelId !== undefined) resolved.push({ row, channelId });
    }
    return resolved;
  }

  /** The rows that went in: all of them, unless some were already there. */
  private async insertMessages(
    client: pg.ClientBase,
    messages: { row: MessageRow; channelId: string }[],
  ): Promise<{ row: MessageRow; channelId: string }[]> {
    if (messages.length === 0) return [];
    const text = messages.map(({ row, channelId }) => messageLine(row, channelId)).join('');
    await client.query('SAVEPOINT copy_messages');
    try {
      await copy(client, `COPY messages (${MESSAGE_COLUMNS}) FROM STDIN`, text);
      await client.query('RELEASE SAVEPOINT copy_messages');
      return messages;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await client.query('ROLLBACK TO SAVEPOINT copy_messages');
    }
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS messages_staging
         (LIKE messages INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
    );
    await client.query('TRUNCATE messages_staging');
    await copy(client, `COPY messages_staging (${MESSAGE_COLUMNS}) FROM STDIN`, text);
    const { rows } = await client.query<{ twitch_message_id: string }>(
      `INSERT INTO messages (${MESSAGE_COLUMNS})
         SELECT DISTINCT ON (twitch_message_id, sent_at) ${MESSAGE_COLUMNS} FROM messages_staging
       ON CONFLICT DO NOTHING
       RETURNING twitch_message_id`,
    );
    const fresh = new Set(rows.map((row) => row.twitch_message_id));
    const inserted: { row: MessageRow; channelId: string }[] = [];
    for (const message of messages) {
      if (fresh.delete(message.row.twitchMessageId)) inserted.push(message);
    }
    return inserted;
  }

  private async upsertChatters(
    client: pg.ClientBase,
    messages: { row: MessageRow }[],
  ): Promise<void> {
    const chatters = new Map<
      string,
      { login: string; name: string; first: string; last: string }
    >();
    for (const { row } of messages) {
      if (row.chatterId === null) continue;
      const seen = chatters.get(row.chatterId);
      if (!seen)
        chatters.set(row.chatterId, {
          login: row.login,
          name: row.displayName,
          first: row.sentAt,
          last: row.sentAt,
        });
      else if (row.sentAt >= seen.last)
        Object.assign(seen, { login: row.login, name: row.displayName, last: row.sentAt });
      else if (row.sentAt < seen.first) seen.first = row.sentAt;
    }
    if (chatters.size === 0) return;
    // In id order, so that concurrent writers (replicas) lock rows in the same order.
    const ids = [...chatters.keys()].sort(compareIds);
    const values = ids.map((id) => chatters.get(id)!);
    await client.query(
      `INSERT INTO chatters (twitch_id, login, display_name, first_seen, last_seen)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
       ON CONFLICT (twitch_id) DO UPDATE SET
         login = CASE WHEN excluded.last_seen >= chatters.last_seen THEN excluded.login ELSE chatters.login END,
         display_name = CASE WHEN excluded.last_seen >= chatters.last_seen THEN excluded.display_name ELSE chatters.display_name END,
         first_seen = least(chatters.first_seen, excluded.first_seen),
         last_seen = greatest(chatters.last_seen, excluded.last_seen)`,
      [
        ids,
        values.map((chatter) => chatter.login),
        values.map((chatter) => chatter.name),
        values.map((chatter) => chatter.first),
        values.map((chatter) => chatter.last),
      ],
    );
    await this.upsertNames(client, messages);
  }

  private async upsertNames(client: pg.ClientBase, messages: { row: MessageRow }[]): Promise<void> {
    const now = Date.now();
    const names = new Map<
      string,
      { id: string; login: string; name: string; first: string; last: string }
    >();
    for (const { row } of messages) {
      if (row.chatterId === null) continue;
      const key = `${row.chatterId} ${row.login} ${row.displayName}`;
      if (now - (this.namesWritten.get(key) ?? 0) < NAME_REFRESH_MS) continue;
      const seen = names.get(key);
      if (!seen)
        names.set(key, {
          id: row.chatterId,
          login: row.login,
          name: row.displayName,
          first: row.sentAt,
          last: row.sentAt,
        });
      else {
        if (row.sentAt > seen.last) seen.last = row.sentAt;
        if (row.sentAt < seen.first) seen.first = row.sentAt;
      }
    }
    if (names.size === 0) return;
    const values = [...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await client.query(
      `INSERT INTO chatter_names (chatter_id, login, display_name, first_seen, last_seen)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
       ON CONFLICT (chatter_id, login, display_name) DO UPDATE SET
         first_seen = least(chatter_names.first_seen, excluded.first_seen),
         last_seen = greatest(chatter_names.last_seen, excluded.last_seen)`,
      [
        values.map(([, name]) => name.id),
        values.map(([, name]) => name.login),
        values.map(([, name]) => name.name),
        values.map(([, name]) => name.first),
        values.map(([, name]) => name.last),
      ],
    );
    // Only once committed would be exact; a rolled-back batch is written again with its names.
    for (const [key] of values) this.namesWritten.set(key, now);
    if (this.namesWritten.size > 200_000) this.namesWritten.clear();
  }

  private async upsertChannelChatters(
    client: pg.ClientBase,
    inserted: { row: MessageRow; channelId: string }[],
  ): Promise<void> {
    const stats = new Map<
      string,
      {
        channelId: string;
        chatterId: string;
        messages: number;
        bits: number;
        subMonths: number;
        first: string;
        last: string;
      }
    >();
    for (const { row, channelId } of inserted) {
      if (row.chatterId === null) continue;
      const key = `${channelId} ${row.chatterId}`;
      let entry = stats.get(key);
      if (!entry) {
        entry = {
          channelId,
          chatterId: row.chatterId,
          messages: 0,
          bits: 0,
          subMonths: 0,
          first: row.sentAt,
          last: row.sentAt,
        };
        stats.set(key, entry);
      }
      if (row.kind === 1) entry.messages++;
      entry.bits += row.bits;
      entry.subMonths = Math.max(entry.subMonths, row.subMonths);
      if (row.sentAt < entry.first) entry.first = row.sentAt;
      if (row.sentAt > entry.last) entry.last = row.sentAt;
    }
    if (stats.size === 0) return;
    const values = [...stats.values()].sort(
      (a, b) => compareIds(a.channelId, b.channelId) || compareIds(a.chatterId, b.chatterId),
    );
    await client.query(
      `INSERT INTO channel_chatters (channel_id, chatter_id, message_count, bits_total, sub_months, first_seen, last_seen)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::int[], $6::timestamptz[], $7::timestamptz[])
       ON CONFLICT (channel_id, chatter_id) DO UPDATE SET
         message_count = channel_chatters.message_count + excluded.message_count,
         bits_total = channel_chatters.bits_total + excluded.bits_total,
         sub_months = greatest(channel_chatters.sub_months, excluded.sub_months),
         first_seen = least(channel_chatters.first_seen, excluded.first_seen),
         last_seen = greatest(channel_chatters.last_seen, excluded.last_seen)`,
      [
        values.map((entry) => entry.channelId),
        values.map((entry) => entry.chatterId),
        values.map((entry) => entry.messages),
        values.map((entry) => entry.bits),
        values.map((entry) => entry.subMonths),
        values.map((entry) => entry.first),
        values.map((entry) => entry.last),
      ],
    );
  }

  private async upsertHourlyActivity(
    client: pg.ClientBase,
    inserted: { row: MessageRow; channelId: string }[],
  ): Promise<void> {
    const hours = new Map<
      string,
      { channelId: string; hour: string; messages: number; bits: number; last: string }
    >();
    for (const { row, channelId } of inserted) {
      const hour = `${row.sentAt.slice(0, 13)}:00:00.000Z`;
      const key = `${channelId} ${hour}`;
      let entry = hours.get(key);
      if (!entry) {
        entry = { channelId, hour, messages: 0, bits: 0, last: row.sentAt };
        hours.set(key, entry);
      }
      entry.messages++;
      entry.bits += row.bits;
      if (row.sentAt > entry.last) entry.last = row.sentAt;
    }
    if (hours.size === 0) return;
    const values = [...hours.values()].sort(
      (a, b) => compareIds(a.channelId, b.channelId) || (a.hour < b.hour ? -1 : 1),
    );
    await client.query(
      `INSERT INTO channel_hourly_activity (channel_id, hour, messages, bits, last_message_at)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::int[], $4::bigint[], $5::timestamptz[])
       ON CONFLICT (channel_id, hour) DO UPDATE SET
         messages = channel_hourly_activity.messages + excluded.messages,
         bits = channel_hourly_activity.bits + excluded.bits,
         last_message_at = greatest(channel_hourly_activity.last_message_at, excluded.last_message_at)`,
      [
        values.map((entry) => entry.channelId),
        values.map((entry) => entry.hour),
        values.map((entry) => entry.messages),
        values.map((entry) => entry.bits),
        values.map((entry) => entry.last),
      ],
    );
  }

  /** Inserts the actions not seen before, then links each to its message. */
  /**
   * Chat and EventSub both tell of a ban, a timeout, a deletion or a clear, neither with the
   * other's id; only EventSub names the moderator, only chat has the IRC line. The second to
   * arrive fills in what the first lacked instead of making a second record. Replicas serialise
   * on the action's target with an advisory lock.
   */
  private async mergeIntoOtherSource(
    client: pg.ClientBase,
    { row, channelId }: { row: ModActionRow; channelId: string },
  ): Promise<boolean> {
    const target = row.type === 'delete' ? row.messageId : (row.targetId ?? row.targetLogin ?? '');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `mod-action:${channelId}:${row.type}:${target}`,
    ]);
    const { rowCount } = await client.query(
      `UPDATE mod_actions a
          SET moderator_id = coalesce(a.moderator_id, $5),
              moderator_login = coalesce(a.moderator_login, $6),
              moderator_name = coalesce(a.moderator_name, $7),
              reason = coalesce(a.reason, $8),
              raw = coalesce(a.raw, $9),
              target_id = coalesce(a.target_id, $10)
        WHERE a.id = (
          SELECT id FROM mod_actions
           WHERE channel_id = $1 AND type = $2 AND source <> $3
             AND CASE WHEN $2 = 'delete' THEN message_id = $4
                      WHEN $2 = 'clear' THEN true
                      ELSE coalesce(target_id::text, target_login) = $4 END
             AND occurred_at BETWEEN $11::timestamptz - $12 * interval '1 ms'
                                 AND $11::timestamptz + $12 * interval '1 ms'
           ORDER BY abs(extract(epoch FROM occurred_at - $11::timestamptz)) LIMIT 1)`,
      [
        channelId,
        row.type,
        row.source,
        target,
        row.moderatorId,
        row.moderatorLogin,
        row.moderatorName,
        row.reason,
        row.raw,
        row.targetId,
        row.occurredAt,
        SAME_ACTION_WINDOW_MS,
      ],
    );
    return rowCount === 1;
  }

  private async insertModActions(
    client: pg.ClientBase,
    told: { row: ModActionRow; channelId: string }[],
  ): Promise<number> {
    const actions: { row: ModActionRow; channelId: string }[] = [];
    for (const action of told) {
      const earlier = actions.find((other) => sameActionTold(other, action));
      if (earlier) earlier.row = mergedAction(earlier.row, action.row);
      else if (!(await this.mergeIntoOtherSource(client, action))) actions.push(action);
    }
    if (actions.length === 0) return 0;
    const column = <K extends keyof ModActionRow>(key: K) => actions.map(({ row }) => row[key]);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO mod_actions (event_key, channel_id, type, moderator_id, moderator_login, moderator_name,
                                target_id, target_login, target_name, duration_seconds, reason, occurred_at,
                                message_id, source, raw)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[],
                              $7::bigint[], $8::text[], $9::text[], $10::int[], $11::text[], $12::timestamptz[],
                              $13::text[], $14::text[], $15::text[])
       ON CONFLICT (event_key) DO NOTHING
       RETURNING id`,
      [
        column('eventKey'),
        actions.map(({ channelId }) => channelId),
        column('type'),
        column('moderatorId'),
        column('moderatorLogin'),
        column('moderatorName'),
        column('targetId'),
        column('targetLogin'),
        column('targetName'),
        column('durationSeconds'),
        column('reason'),
        column('occurredAt'),
        column('messageId'),
        column('source'),
        column('raw'),
      ],
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    // A deletion marks its message, learns the author's id from it, and keeps its text.
    await client.query(
      `WITH deletions AS (
         SELECT id, channel_id, message_id, occurred_at, moderator_id
           FROM mod_actions WHERE id = ANY($1::bigint[]) AND type = 'delete'
       ), marked AS (
         UPDATE messages m
            SET deleted_at = coalesce(m.deleted_at, d.occurred_at),
                deleted_by = coalesce(m.deleted_by, d.moderator_id)
           FROM deletions d
          WHERE m.twitch_message_id = d.message_id AND m.channel_id = d.channel_id
          RETURNING d.id AS action_id, m.chatter_id, m.sent_at, m.text
       )
       UPDATE mod_actions a
          SET target_id = coalesce(a.target_id, marked.chatter_id),
              message_sent_at = marked.sent_at,
              message_text = marked.text
         FROM marked WHERE a.id = marked.action_id`,
      [ids],
    );
    // A ban or timeout points at what its target last wrote in the channel before it.
    await client.query(
      `UPDATE mod_actions a
          SET message_id = last.twitch_message_id, message_sent_at = last.sent_at, message_text = last.text
         FROM mod_actions b
         CROSS JOIN LATERAL (
           SELECT twitch_message_id, sent_at, text FROM messages
            WHERE chatter_id = b.target_id AND channel_id = b.channel_id AND kind = 1
              AND sent_at <= b.occurred_at
            ORDER BY sent_at DESC LIMIT 1
         ) last
        WHERE a.id = b.id AND b.id = ANY($1::bigint[]) AND b.type IN ('ban', 'timeout')
          AND b.target_id IS NOT NULL`,
      [ids],
    );
    return rows.length;
  }
}

function messageLine(row: MessageRow, channelId: string): string {
  return copyLine([
    row.sentAt,
    row.twitchMessageId,
    channelId,
    row.chatterId,
    row.kind,
    row.noticeType,
    row.login,
    row.displayName,
    row.text,
    row.systemText,
    row.isAction,
    row.color,
    row.badges,
    row.emotes,
    row.bits,
    row.replyParentId,
    row.isFirst,
    row.raw,
  ]);
}

function copy(client: pg.ClientBase, sql: string, text: string): Promise<void> {
  const stream = client.query(copyFrom(sql));
  return pipeline(Readable.from([text]), stream);
}

/** Numeric strings in numeric order. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** One action told by both sources within one batch: the same test as against stored ones. */
function sameActionTold(
  a: { row: ModActionRow; channelId: string },
  b: { row: ModActionRow; channelId: string },
): boolean {
  const target = (row: ModActionRow) =>
    row.type === 'delete' ? row.messageId : (row.targetId ?? row.targetLogin);
  return (
    a.channelId === b.channelId &&
    a.row.type === b.row.type &&
    a.row.source !== b.row.source &&
    (a.row.type === 'clear' || target(a.row) === target(b.row)) &&
    Math.abs(Date.parse(a.row.occurredAt) - Date.parse(b.row.occurredAt)) <= SAME_ACTION_WINDOW_MS
  );
}

function mergedAction(first: ModActionRow, second: ModActionRow): ModActionRow {
  return {
    ...first,
    moderatorId: first.moderatorId ?? second.moderatorId,
    moderatorLogin: first.moderatorLogin ?? second.moderatorLogin,
    moderatorName: first.moderatorName ?? second.moderatorName,
    reason: first.reason ?? second.reason,
    raw: first.raw ?? second.raw,
    targetId: first.targetId ?? second.targetId,
  };
}
