/**
 * The archive's reads on 10 M messages, through Integron's HTTP API as the admin asks them: a
 * channel-wide full-text search, a user's message history and the mod-action list, each asked
 * one request at a time by a signed-in owner; latencies are the client's (HTTP, Nest, SQL).
 *
 * The archive is a database of its own, `integron_bench_<rows>` (`integron_bench_10m`), migrated
 * by Integron itself and filled with SQL (generate_series; see support/archive-fixture.ts). It is
 * kept: a later run with the same row count finds it complete and goes straight to measuring.
 * `--rebuild` builds it again; `--drop` removes it after the run.
 *
 *   npx nx run @integron/bench:build && npm run queries -w @integron/bench -- [--rows=10000000] [--requests=300] [--rebuild] [--drop] [--cpu-prof=DIR]
 */
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Page } from '@integron/contracts';
import { Simulator } from '@integron/simulator';
import type pg from 'pg';
import { AdminSession } from './support/admin-session.js';
import {
  buildArchiveFixture,
  CHATTER_TWITCH_ID_BASE,
  FIXTURE_VOCABULARY,
  fixtureChannelIds,
  fixtureLabel,
  fixtureWords,
} from './support/archive-fixture.js';
import { BenchDatabase } from './support/bench-database.js';
import { LiveIntegron, loopbackAddress } from './support/live-integron.js';
import { flagValue, profileArgs } from './support/live-run.js';
import { loadAverage, quantile } from './support/process-stats.js';

const WARM_UP_REQUESTS = 30;

interface Probe {
  /** What sort of request it is, for the per-class figures. */
  kind: string;
  path: string;
}

interface Target {
  name: string;
  /** `null` for the baseline, which has none. */
  p95GoalMs: number | null;
  probes: Probe[];
}

const rows = Number(flagValue(process.argv, 'rows') ?? 10_000_000);
const requests = Number(flagValue(process.argv, 'requests') ?? 300);
if (!Number.isInteger(rows) || rows < 1_000)
  throw new Error('--rows must be a whole number ≥ 1000');
const load = loadAverage();
const database = BenchDatabase.named(`integron_bench_${rowsLabel(rows)}`);
const simulator = await Simulator.start({
  seed: 1,
  discord: false,
  chat: { host: loopbackAddress(), tcpPort: 6667, wsPort: null },
  population: { channels: 1, chatters: 10 },
});
try {
  await ensureFixture();
  await measure();
} finally {
  await simulator.stop();
  if (process.argv.includes('--drop')) await database.drop();
}

/** The database with `rows` archived messages: found complete, or built now. */
async function ensureFixture(): Promise<void> {
  if (!process.argv.includes('--rebuild') && (await database.comment()) === fixtureLabel(rows)) {
    console.log(`archive                 ${database.name}: kept from an earlier run`);
    return;
  }
  console.log(`archive                 building ${database.name} (${rows} messages)…`);
  await database.drop();
  await database.createEmpty();
  // Integron's own start-up migrates it.
  const integron = await LiveIntegron.start({ simulator, databaseUrl: database.url });
  await integron.stop();
  const connections = [await database.connect(), await database.connect()] as const;
  try {
    const timings = await buildArchiveFixture(connections, rows, (line) =>
      console.log(`  ${line}`),
    );
    console.log(
      `archive                 built: load ${timings.loadSeconds.toFixed(0)} s, indexes ${timings.indexSeconds.toFixed(0)} s, vacuum+analyze ${timings.vacuumSeconds.toFixed(0)} s`,
    );
  } finally {
    await Promise.all(connections.map((client) => client.end()));
  }
  await database.setComment(fixtureLabel(rows));
}

async function measure(): Promise<void> {
  const client = await database.connect();
  let targets: Target[];
  let sizes: string;
  try {
    // Whoever signs in first becomes owner: the team of an earlier run is forgotten.
    await client.query(
      'DELETE FROM sessions; DELETE FROM twitch_accounts; DELETE FROM team_members',
    );
    targets = await chooseProbes(client);
    const { rows: size } = await client.query<{
      messages: string;
      mod_actions: string;
      bytes: string;
    }>(
      `SELECT (SELECT count(*) FROM messages) AS messages,
              (SELECT count(*) FROM mod_actions) AS mod_actions,
              pg_size_pretty(pg_database_size(current_database())) AS bytes`,
    );
    sizes = `${size[0]!.messages} messages, ${size[0]!.mod_actions} mod actions, ${size[0]!.bytes} on disk`;
  } finally {
    await client.end();
  }

  const integron = await LiveIntegron.start({
    simulator,
    databaseUrl: database.url,
    nodeArgs: profileArgs(process.argv),
  });
  try {
    const admin = await AdminSession.signIn(integron.baseUrl, simulator, 'bench_owner');
    console.log(`load average at start   ${load} (2 cores)`);
    console.log(`archive                 ${sizes}`);
    console.log(
      `requests                ${requests} per target, one at a time, after ${WARM_UP_REQUESTS} unmeasured`,
    );
    report(
      {
        name: 'bare Node http server in the bench process (the machine)',
        p95GoalMs: null,
        probes: [],
      },
      await timeBareHttp(requests + WARM_UP_REQUESTS),
    );
    for (const target of targets) report(target, await timeProbes(admin, target.probes));
  } finally {
    await integron.stop();
  }
}

/** The requests of each target, chosen with a fixed seed so that runs ask the same things. */
async function chooseProbes(client: pg.Client): Promise<Target[]> {
  const random = seededRandom(9);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const channels = await fixtureChannelIds(client);
  const [busiest, middling, quiet] = [channels[0]!, channels[5]!, channels.at(-1)!];
  const [common, frequent, middlingWord, rare, second] = await fixtureWords(client, [
    1,
    100,
    2_000,
    FIXTURE_VOCABULARY,
    30,
  ]);
  const words: Record<string, string> = {
    'common word (rank 1)': common!,
    'frequent word (rank 100)': frequent!,
    'middling word (rank 2000)': middlingWord!,
    [`rare word (rank ${FIXTURE_VOCABULARY})`]: rare!,
    'two words (ranks 1 + 30)': `${common} ${second}`,
    'phrase (ranks 1, 30)': `"${common} ${second}"`,
    'no match': 'zzbenchnomatch',
  };
  const search = Array.from({ length: requests + WARM_UP_REQUESTS }, () => {
    const [kind, q] = pick(Object.entries(words));
    const channelId = pick([busiest, middling, quiet]);
    return { kind, path: `/api/messages?${new URLSearchParams({ channelId, q }).toString()}` };
  });

  // Chatter n writes about (n+1)^(1/4) - n^(1/4) of everything: 0–9 are the busiest by far.
  const chatterGroups: [string, () => number][] = [
    ['busiest chatters (0–9)', () => Math.floor(random() * 10)],
    ['regulars (100–999)', () => 100 + Math.floor(random() * 900)],
    ['occasional (10k–300k)', () => 10_000 + Math.floor(random() * 290_000)],
  ];
  const history = Array.from({ length: requests + WARM_UP_REQUESTS }, (_, i) => {
    const [kind, chatter] = chatterGroups[i % chatterGroups.length]!;
    const page = i % 4 === 3 ? '?offset=50' : '';
    return {
      kind: page ? `${kind}, page 2` : kind,
      path: `/api/users/${CHATTER_TWITCH_ID_BASE + chatter()}/messages${page}`,
    };
  });

  const modActionFilters: [string, () => Record<string, string>][] = [
    ['all channels', () => ({})],
    ['one channel', () => ({ channelId: pick(channels) })],
    ['type ban', () => ({ type: 'ban' })],
    ['channel + type timeout', () => ({ channelId: pick(channels), type: 'timeout' })],
    ['pending review', () => ({ status: 'pending' })],
    ['by target', () => ({ targetId: String(CHATTER_TWITCH_ID_BASE + Math.floor(random() * 50)) })],
  ];
  const modActions = Array.from({ length: requests + WARM_UP_REQUESTS }, () => {
    const [kind, filter] = pick(modActionFilters);
    const query = new URLSearchParams(filter()).toString();
    return { kind, path: `/api/mod-actions${query ? `?${query}` : ''}` };
  });

  const baseline = Array.from({ length: requests + WARM_UP_REQUESTS }, (_, i) =>
    i % 2 === 0
      ? { kind: 'GET /api/health (public)', path: '/api/health' }
      : { kind: 'GET /api/auth/me', path: '/api/auth/me' },
  );

  return [
    // What any request costs here (HTTP, Nest), and a signed-in one (its session and member): the floor.
    { name: 'baseline (no archive SQL)', p95GoalMs: null, probes: baseline },
    { name: 'channel-wide full-text search', p95GoalMs: 50, probes: search },
    { name: 'user history page', p95GoalMs: 10, probes: history },
    { name: 'mod-action list', p95GoalMs: 20, probes: modActions },
  ];
}

interface Timed {
  kind: string;
  ms: number;
  total: number;
}

async function timeProbes(admin: AdminSession, probes: Probe[]): Promise<Timed[]> {
  const timed: Timed[] = [];
  for (const [i, probe] of probes.entries()) {
    const started = performance.now();
    const response = await admin.fetch(probe.path);
    const body = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`GET ${probe.path}: ${response.status} ${body}`);
    if (i >= WARM_UP_REQUESTS)
      timed.push({
        kind: probe.kind,
        ms,
        total: (JSON.parse(body) as Partial<Page<unknown>>).total ?? 0,
      });
  }
  return timed;
}

/** What one HTTP round trip costs on this machine with nothing behind it. */
async function timeBareHttp(count: number): Promise<Timed[]> {
  const server = createServer((_request, response) => response.end('{}'));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const timed: Timed[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await (await fetch(url)).text();
      if (i >= WARM_UP_REQUESTS)
        timed.push({ kind: 'GET / (answers {})', ms: performance.now() - started, total: 0 });
    }
  } finally {
    server.close();
  }
  return timed;
}

function report(target: Target, timed: Timed[]): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const sorted = timed.map((entry) => entry.ms).sort((a, b) => a - b);
  const p95 = quantile(sorted, 0.95);
  const verdict =
    target.p95GoalMs === null
      ? ''
      : `  (target p95 < ${target.p95GoalMs} ms: ${p95 < target.p95GoalMs ? 'met' : 'MISSED'})`;
  console.log(
    `\n${target.name}: p50 ${ms(quantile(sorted, 0.5))}, p95 ${ms(p95)}, p99 ${ms(quantile(sorted, 0.99))}, max ${ms(sorted.at(-1)!)}${verdict}`,
  );
  const kinds = [...new Set(timed.map((entry) => entry.kind))].sort();
  for (const kind of kinds) {
    const entries = timed.filter((entry) => entry.kind === kind);
    const times = entries.map((entry) => entry.ms).sort((a, b) => a - b);
    const totals = entries.map((entry) => entry.total).sort((a, b) => a - b);
    console.log(
      `  ${kind.padEnd(36)}${String(entries.length).padStart(4)} × p50 ${ms(quantile(times, 0.5)).padStart(8)}, p95 ${ms(quantile(times, 0.95)).padStart(8)}; total ${quantile(totals, 0.5)} (median)`,
    );
  }
}

function rowsLabel(count: number): string {
  if (count % 1_000_000 === 0) return `${count / 1_000_000}m`;
  if (count % 1_000 === 0) return `${count / 1_000}k`;
  return String(count);
}

/** mulberry32: a small seeded generator, so that every run asks the same requests. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
