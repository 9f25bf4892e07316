import type pg from 'pg';

/** Bumped whenever the fixture's shape changes, so that a cached database is built again. */
const FIXTURE_VERSION = 1;

export const FIXTURE_CHANNELS = 20;
export const FIXTURE_CHATTERS = 300_000;
/** Distinct words of the chat text; word ranks run 1 (most common) to this. */
export const FIXTURE_VOCABULARY = 20_000;
const SPAN_DAYS = 180;
/** One mod action per this many messages. */
const MESSAGES_PER_MOD_ACTION = 100;
/** Every this-many-th message is marked deleted. */
const DELETED_EVERY = 211;
const CHANNEL_TWITCH_ID_BASE = 900_000;
export const CHATTER_TWITCH_ID_BASE = 1_000_000;
const MODERATOR_TWITCH_ID_BASE = 5_000_000;
const MODERATORS = 90;

/**
 * The most common words first, as chat has them; past these, ranks name made-up words of four
 * syllables (base 16 digits of the rank), all distinct.
 */
const CHAT_WORDS = [
  'lol',
  'gg',
  'kappa',
  'pog',
  'lul',
  'xd',
  'hype',
  'nice',
  'kekw',
  'poggers',
  'monkas',
  'ez',
  'pepega',
  'haha',
  'wp',
  'sadge',
  'copium',
  'clap',
  'wow',
  'no',
  'yes',
  'the',
  'is',
  'omegalul',
];
const SYLLABLES = [
  'ka',
  'po',
  'gu',
  'ri',
  'mo',
  'te',
  'sa',
  'lu',
  'ne',
  'vi',
  'do',
  'ba',
  'ze',
  'fi',
  'ho',
  'ja',
];

/** What the fixture's comment on its database says once it is complete. */
export function fixtureLabel(messages: number): string {
  return `integron-bench archive fixture v${FIXTURE_VERSION}: ${messages} messages`;
}

export interface FixtureTimings {
  loadSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
}

/**
 * Fills a freshly migrated Integron database with `messages` archived messages over the last
 * 180 days (message text drawn from a skewed vocabulary, so that full-text search meets common,
 * middling and rare words), spread unevenly over 20 channels and 300,000 chatters, one mod
 * action per 100 messages, all with SQL on the server (generate_series). The indexes of
 * `messages` are dropped for the load and created again from their own definitions, as the
 * migrations made them. `connections` are two clients of the database, used side by side.
 */
export async function buildArchiveFixture(
  connections: readonly [pg.Client, pg.Client],
  messages: number,
  log: (line: string) => void,
): Promise<FixtureTimings> {
  const [main] = connections;
  for (const client of connections)
    await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '1GB'`);
  const end = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
  const start = new Date(end.getTime() - SPAN_DAYS * 86_400_000);
  const stepMs = (end.getTime() - start.getTime()) / messages;

  await main.query(wordFunction());
  await main.query(
    `INSERT INTO channels (twitch_id, login, display_name, is_active)
     SELECT (${CHANNEL_TWITCH_ID_BASE} + n)::text, 'bench_channel_' || n, 'Bench_Channel_' || n, false
       FROM generate_series(0, ${FIXTURE_CHANNELS - 1}) n`,
  );
  const channelIds = await fixtureChannelIds(main);
  await main.query(
    `INSERT INTO chatters (twitch_id, login, display_name, first_seen, last_seen)
     SELECT ${CHATTER_TWITCH_ID_BASE} + u, 'user_' || u, 'User_' || u, $1::timestamptz, $2::timestamptz
       FROM generate_series(0, ${FIXTURE_CHATTERS - 1}) u
     UNION ALL
     SELECT ${MODERATOR_TWITCH_ID_BASE} + m, 'mod_' || m, 'Mod_' || m, $1::timestamptz, $2::timestamptz
       FROM generate_series(0, ${MODERATORS - 1}) m`,
    [start, end],
  );
  for (const month of monthsBetween(start, end)) await main.query(partitionDdl(month));

  const { rows: indexes } = await main.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = 'messages' ORDER BY indexname`,
  );
  for (const index of indexes) await main.query(`DROP INDEX ${index.indexname}`);

  let started = performance.now();
  const half = Math.ceil(messages / 2);
  await Promise.all([
    insertMessages(connections[0], 1, half, { end, stepMs, channelIds }),
    insertMessages(connections[1], half + 1, messages, { end, stepMs, channelIds }),
  ]);
  await insertModActions(main, Math.ceil(messages / MESSAGES_PER_MOD_ACTION), {
    end,
    stepMs: stepMs * MESSAGES_PER_MOD_ACTION,
    channelIds,
  });
  const loadSeconds = (performance.now() - started) / 1000;
  log(`loaded ${messages} messages and their mod actions in ${loadSeconds.toFixed(0)} s`);

  started = performance.now();
  // The full-text index takes longest (Postgres 15 builds GIN indexes on one core): it runs
  // beside the B-trees, on the other connection.
  const queue = [...indexes].sort(
    (a, b) => Number(b.indexdef.includes('gin')) - Number(a.indexdef.includes('gin')),
  );
  await Promise.all(
    connections.map(async (client) => {
      for (let index = queue.shift(); index; index = queue.shift()) {
        const begun = performance.now();
        // pg_indexes shows a partitioned table's index as `ON ONLY`: made here for every partition.
        await client.query(index.indexdef.replace(' ON ONLY ', ' ON '));
        log(`  ${index.indexname} in ${((performance.now() - begun) / 1000).toFixed(0)} s`);
      }
    }),
  );
  const indexSeconds = (performance.now() - started) / 1000;
  log(`created the ${indexes.length} indexes of messages in ${indexSeconds.toFixed(0)} s`);

  started = performance.now();
  await main.query('VACUUM (ANALYZE) messages');
  await main.query('ANALYZE mod_actions, chatters, channels');
  const vacuumSeconds = (performance.now() - started) / 1000;
  return { loadSeconds, indexSeconds, vacuumSeconds };
}

/** The fixture's channels, Integron's ids in the order of their number (0 busiest). */
export async function fixtureChannelIds(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id::text AS id FROM channels WHERE login LIKE 'bench\\_channel\\_%'
      ORDER BY twitch_id::bigint`,
  );
  return rows.map((row) => row.id);
}

/** The word of a rank, as the fixture wrote it (the database's own `bench_word`). */
export async function fixtureWords(client: pg.Client, ranks: readonly number[]): Promise<string[]> {
  const { rows } = await client.query<{ word: string }>(
    'SELECT bench_word(r) AS word FROM unnest($1::int[]) WITH ORDINALITY AS t (r, n) ORDER BY n',
    [ranks],
  );
  return rows.map((row) => row.word);
}

interface Spread {
  end: Date;
  stepMs: number;
  channelIds: string[];
}

/**
 * Messages `from`..`to`, newest first back from `end`. Channel and chatter are drawn skewed
 * (pow of a uniform draw): channel 0 has about a fifth of all messages, chatter 0 some 4 %.
 * Each text has 2–12 words whose ranks are skewed the same way (rank 1 is 4 % of all words).
 */
function insertMessages(client: pg.Client, from: number, to: number, spread: Spread) {
  return client.query(
    `INSERT INTO messages (sent_at, twitch_message_id, channel_id, chatter_id, kind, login,
                           display_name, text, color, bits, is_first, deleted_at, deleted_by)
     SELECT s.at, md5('m' || s.g)::uuid::text, ($4::bigint[])[s.c + 1],
            ${CHATTER_TWITCH_ID_BASE} + s.u, 1, 'user_' || s.u, 'User_' || s.u,
            (SELECT string_agg(bench_word(w.r), ' ')
               FROM (SELECT 1 + floor(pow(random(), 3) * ${FIXTURE_VOCABULARY})::int AS r
                       FROM generate_series(0, 1 + s.g % 11)) w),
            '#' || lpad(to_hex(s.g % 16777216), 6, '0'), 0, s.g % 97 = 0,
            CASE WHEN s.g % ${DELETED_EVERY} = 0 THEN s.at + interval '5 seconds' END,
            CASE WHEN s.g % ${DELETED_EVERY} = 0 THEN ${MODERATOR_TWITCH_ID_BASE} + s.g % ${MODERATORS} END
       FROM (SELECT g, $1::timestamptz - g * $2::double precision * interval '1 millisecond' AS at,
                    floor(${FIXTURE_CHANNELS} * pow(random(), 2))::int AS c,
                    floor(${FIXTURE_CHATTERS} * pow(random(), 4))::int AS u
               FROM generate_series($3::bigint, $5::bigint) g) s`,
    [spread.end, spread.stepMs, from, spread.channelIds, to],
  );
}

function insertModActions(client: pg.Client, count: number, spread: Spread) {
  return client.query(
    `INSERT INTO mod_actions (event_key, channel_id, type, moderator_id, moderator_login,
                              moderator_name, target_id, target_login, target_name,
                              duration_seconds, reason, occurred_at, source)
     SELECT 'bench-' || s.g, ($3::bigint[])[s.c + 1], s.type,
            CASE WHEN s.m < ${MODERATORS} THEN ${MODERATOR_TWITCH_ID_BASE} + s.m END,
            CASE WHEN s.m < ${MODERATORS} THEN 'mod_' || s.m END,
            CASE WHEN s.m < ${MODERATORS} THEN 'Mod_' || s.m END,
            CASE WHEN s.type <> 'clear' THEN ${CHATTER_TWITCH_ID_BASE} + s.u END,
            CASE WHEN s.type <> 'clear' THEN 'user_' || s.u END,
            CASE WHEN s.type <> 'clear' THEN 'User_' || s.u END,
            CASE WHEN s.type = 'timeout' THEN 600 END,
            CASE WHEN s.g % 3 = 0 THEN 'spam' END,
            $1::timestamptz - s.g * $2::double precision * interval '1 millisecond', 'irc'
       FROM (SELECT d.*,
                    CASE WHEN d.r < 0.60 THEN 'timeout' WHEN d.r < 0.85 THEN 'delete'
                         WHEN d.r < 0.95 THEN 'ban' WHEN d.r < 0.98 THEN 'unban'
                         WHEN d.r < 0.99 THEN 'untimeout' ELSE 'clear' END AS type
               FROM (SELECT g, random() AS r,
                            floor(${FIXTURE_CHANNELS} * pow(random(), 2))::int AS c,
                            floor(${FIXTURE_CHATTERS} * pow(random(), 2))::int AS u,
                            floor(random() * 100)::int AS m
                       FROM generate_series(1, $4::bigint) g) d) s`,
    [spread.end, spread.stepMs, spread.channelIds, count],
  );
}

function wordFunction(): string {
  const list = (words: readonly string[]) => `ARRAY[${words.map((w) => `'${w}'`).join(', ')}]`;
  const syllable = (shift: number) => `(${list(SYLLABLES)})[1 + (rank / ${16 ** shift}) % 16]`;
  return `CREATE OR REPLACE FUNCTION bench_word(rank int) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN rank <= ${CHAT_WORDS.length} THEN (${list(CHAT_WORDS)})[rank]
                        ELSE ${[3, 2, 1, 0].map(syllable).join(' || ')} END $$`;
}

/** `2026-07` … the month after `end`'s, as Integron names and bounds its partitions. */
function monthsBetween(start: Date, end: Date): string[] {
  const months: string[] = [];
  const at = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  const last = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 1);
  for (; at.getTime() <= last; at.setUTCMonth(at.getUTCMonth() + 1))
    months.push(at.toISOString().slice(0, 7));
  return months;
}

/** The partition DDL of backend/src/archive/ingest/message-partitions.ts, for one month. */
function partitionDdl(month: string): string {
  const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const next = index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
  return `CREATE TABLE IF NOT EXISTS messages_y${month.slice(0, 4)}m${month.slice(5, 7)}
            PARTITION OF messages
            FOR VALUES FROM ('${month}-01 00:00:00+00') TO ('${next}-01 00:00:00+00')`;
}
