/**
 * How many chat lines per second Integron archives, end to end: the simulator's chat-only firehose
 * over real IRC into Integron's built backend (live mode, twurple, normaliser, bus, batch writer)
 * and committed by COPY into `messages` with every index live, full-text one included. Then, in
 * the same run and on the same rows, a raw COPY into the same table, for the ratio. Lines lost
 * are counted: rows committed against lines the generator produced. The offered rate defaults to
 * the target; above what Integron reads, the simulated Twitch drops it as a slow reader (as Twitch
 * does), which shows as reconnects and lost lines. Integron's CPU time per line, from /proc, tells
 * what one core of it could take.
 *
 *   npx nx run @integron/bench:build && npm run ingest -w @integron/bench -- [seconds] [rate] [channels] [--cpu-prof=DIR]
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exclusiveMix } from '@integron/simulator';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { LiveRun, numberArgs, profileArgs, sleep } from './support/live-run.js';
import {
  coreShare,
  loadAverage,
  megabytes,
  type ProcessSample,
  sampleMachine,
  sampleProcess,
} from './support/process-stats.js';

const WARM_UP_SECONDS = 5;
const TARGET_PER_SECOND = 25_000;
const TARGET_RATIO = 0.7;
/** The writer's batch size (DEFAULT_WRITER_LIMITS.batchRows), for the batched raw COPY. */
const WRITER_BATCH_ROWS = 5_000;
const DRAIN_QUIET_SECONDS = 15;

interface Sample {
  at: number;
  generated: number;
  read: number;
  written: number;
  buffered: number;
  journaled: number;
  integron: ProcessSample | null;
  postgres: ProcessSample | null;
  bench: number;
  machine: { busySeconds: number; totalSeconds: number };
}

const [seconds = 30, rate = TARGET_PER_SECOND, channelCount = 1] = numberArgs(process.argv);
const load = loadAverage();
const run = await LiveRun.start({
  channels: channelCount,
  chatters: 2_000,
  nodeArgs: profileArgs(process.argv),
});
try {
  await measure(run);
} finally {
  await run.close();
}

async function measure(run: LiveRun): Promise<void> {
  const { simulator, integron, database } = run;
  const traffic = simulator.traffic({ rate, mix: exclusiveMix({ chat: 1 }) });
  const samples: Sample[] = [];
  let writerPid: number | null = null;
  const sample = async (): Promise<Sample> => {
    writerPid ??= await archiveWriterPid(run);
    const metrics = await integron.metrics();
    const read = metrics.get('integron_chat_events_total{outcome="published"}') ?? 0;
    const written = metrics.get('integron_archive_rows_total{outcome="written"}') ?? 0;
    const buffered = metrics.get('integron_archive_buffer_rows') ?? 0;
    const journaled = metrics.get('integron_archive_journal_rows') ?? 0;
    const cpu = process.cpuUsage();
    const entry: Sample = {
      at: performance.now() / 1000,
      generated: traffic.stats().total,
      read,
      written,
      buffered,
      journaled,
      integron: sampleProcess(integron.pid),
      postgres: writerPid === null ? null : sampleProcess(writerPid),
      bench: (cpu.user + cpu.system) / 1e6,
      machine: sampleMachine(),
    };
    samples.push(entry);
    return entry;
  };

  const before = await sample();
  traffic.start();
  for (let second = 1; second <= seconds; second++) {
    await sleep(before.at * 1000 + second * 1000 - performance.now());
    await sample();
  }
  traffic.stop();
  const generatedEnd = samples.at(-1)!;
  // Drain: until everything generated is committed, or nothing moved for a while.
  let quiet = 0;
  while (quiet < DRAIN_QUIET_SECONDS) {
    await sleep(1_000);
    const previous = samples.at(-1)!;
    const now = await sample();
    if (now.written >= traffic.stats().total) break;
    quiet = now.written === previous.written ? quiet + 1 : 0;
  }
  const drained = samples.at(-1)!;
  const generated = traffic.stats().byKind['chat.message'] ?? 0;
  const committed = await database.count('SELECT count(*) AS n FROM messages');

  const warm = samples[Math.min(WARM_UP_SECONDS, samples.length - 1)]!;
  const window = generatedEnd.at - warm.at;
  const perSecond = (pick: (entry: Sample) => number) => (pick(generatedEnd) - pick(warm)) / window;
  const steady = samples.slice(WARM_UP_SECONDS + 1, seconds + 1);
  const writtenEachSecond = steady.map((entry, i) => {
    const previous = samples[WARM_UP_SECONDS + i]!;
    return (entry.written - previous.written) / (entry.at - previous.at);
  });
  const sustained = perSecond((entry) => entry.written);
  const integronCores = coreShare(warm.integron, generatedEnd.integron, window);
  const readPerSecond = perSecond((entry) => entry.read);
  const cpuPerLineUs = readPerSecond > 0 ? (integronCores / readPerSecond) * 1e6 : Number.NaN;
  const reconnects = integron.problemsMatching(/Chat connection lost/);
  const machineBusy =
    (generatedEnd.machine.busySeconds - warm.machine.busySeconds) /
    (generatedEnd.machine.totalSeconds - warm.machine.totalSeconds);

  console.log(`load average at start   ${load} (2 cores)`);
  console.log(
    `offered rate            ${rate} chat lines/s over ${channelCount} channel(s), ${seconds} s (first ${WARM_UP_SECONDS} s not counted)`,
  );
  console.log(
    `generator achieved      ${Math.round(perSecond((entry) => entry.generated))} lines/s`,
  );
  console.log(
    `Integron read (IRC)     ${Math.round(readPerSecond)} lines/s; dropped by the server as a slow reader ${reconnects} time(s)`,
  );
  console.log(
    `Integron committed      ${Math.round(sustained)} messages/s sustained (per second: ${Math.round(Math.min(...writtenEachSecond))}–${Math.round(Math.max(...writtenEachSecond))})`,
  );
  console.log(
    `writer backlog at stop  ${generatedEnd.buffered} buffered, ${generatedEnd.journaled} journaled; drained ${(drained.at - generatedEnd.at).toFixed(1)} s after the generator stopped`,
  );
  console.log(
    `lost                    ${generated - committed} (generated ${generated}, committed ${committed} rows)`,
  );
  console.log(
    `CPU (cores, steady)     Integron ${integronCores.toFixed(2)}, ` +
      `simulator+bench ${((generatedEnd.bench - warm.bench) / window).toFixed(2)}, ` +
      `Postgres writer backend ${coreShare(warm.postgres, generatedEnd.postgres, window).toFixed(2)}, ` +
      `machine ${(machineBusy * 100).toFixed(0)}% busy`,
  );
  console.log(
    `CPU per line            ${cpuPerLineUs.toFixed(0)} µs of Integron's process (all its threads): one core would read about ${Math.round(1e6 / cpuPerLineUs)} lines/s`,
  );
  console.log(
    `Integron RSS            ${megabytes(before.integron?.rssBytes ?? 0)} -> ${megabytes(Math.max(...samples.map((entry) => entry.integron?.rssBytes ?? 0)))} (peak)`,
  );

  await integron.stop();
  const raw = await rawCopy(run, committed, sustained);
  const lost = generated - committed;
  console.log(
    `target                  ≥ ${TARGET_PER_SECOND} messages/s: ${Math.round(sustained)} (${sustained >= TARGET_PER_SECOND ? 'met' : 'MISSED'}); ` +
      `ratio ≥ ${TARGET_RATIO}: ${raw.toFixed(2)} (${raw >= TARGET_RATIO ? 'met' : 'MISSED'}); ` +
      `0 lost: ${lost} (${lost === 0 ? 'met' : 'MISSED'})`,
  );
}

/** The Postgres backend of Integron's archive writer (its pool holds one connection). */
async function archiveWriterPid(run: LiveRun): Promise<number | null> {
  const client = await run.database.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'integron-archive-writer'`,
      [run.database.name],
    );
    return rows[0]?.pid ?? null;
  } finally {
    await client.end();
  }
}

/**
 * The rows Integron committed, loaded again by plain COPY into the emptied `messages` (same
 * partitions, same indexes): in one stream, in batches of the writer's size, and once more
 * without the full-text index, to show what that index costs.
 */
async function rawCopy(run: LiveRun, rows: number, integronRate: number): Promise<number> {
  const client = await run.database.connect();
  try {
    const chunks: Buffer[] = [];
    await pipeline(
      client.query(copyTo('COPY (SELECT * FROM messages) TO STDOUT')),
      async function (source) {
        for await (const chunk of source as AsyncIterable<Buffer>) chunks.push(chunk);
      },
    );
    const data = Buffer.concat(chunks);
    const batches = splitRows(data, WRITER_BATCH_ROWS);
    const { rows: backend } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = backend[0]!.pid;

    const load = async (parts: readonly Buffer[]) => {
      await client.query('TRUNCATE messages');
      await client.query('CHECKPOINT').catch(() => undefined);
      const cpuBefore = sampleProcess(pid);
      const started = performance.now();
      for (const part of parts) await copyIn(client, part);
      const elapsed = (performance.now() - started) / 1000;
      return {
        rate: rows / elapsed,
        elapsed,
        postgresCores: coreShare(cpuBefore, sampleProcess(pid), elapsed),
      };
    };
    const single = await load([data]);
    const batched = await load(batches);
    await client.query('DROP INDEX messages_channel_text_search_idx');
    const withoutFts = await load([data]);

    const line = (label: string, result: Awaited<ReturnType<typeof load>>) =>
      console.log(
        `${label.padEnd(25)}${Math.round(result.rate)} rows/s (${rows} rows in ${result.elapsed.toFixed(1)} s, Postgres backend ${result.postgresCores.toFixed(2)} cores)`,
      );
    console.log(`raw COPY data            ${megabytes(data.length)} of COPY text, ${rows} rows`);
    line('raw COPY, one stream', single);
    line(`raw COPY, ${WRITER_BATCH_ROWS}-row COPYs`, batched);
    line('raw COPY, no FTS index', withoutFts);
    console.log(
      `ratio Integron/raw       ${(integronRate / single.rate).toFixed(2)} (one stream), ${(integronRate / batched.rate).toFixed(2)} (${WRITER_BATCH_ROWS}-row COPYs)`,
    );
    return integronRate / single.rate;
  } finally {
    await client.end();
  }
}

function copyIn(client: pg.Client, data: Buffer): Promise<void> {
  return pipeline(Readable.from([data]), client.query(copyFrom('COPY messages FROM STDIN')));
}

/** COPY text holds one row per line (newlines inside values are escaped). */
function splitRows(data: Buffer, rowsPerPart: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  let rows = 0;
  for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) {
    if (++rows < rowsPerPart) continue;
    parts.push(data.subarray(start, at + 1));
    start = at + 1;
    rows = 0;
  }
  if (start < data.length) parts.push(data.subarray(start));
  return parts;
}
