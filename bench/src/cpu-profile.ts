/**
 * Where a process's CPU time went, from a V8 CPU profile (`node --cpu-prof`, e.g. Integron's own
 * process under `npm run ingest -- … --cpu-prof=DIR`): self time by area of the pipeline (IRC
 * parse, twurple, normalise, bus, archive rows, COPY encoding, pg, sockets, GC…), the functions
 * with the most self time, and the inclusive time of the pipeline's entry points.
 *
 *   npm run cpu-profile -w @integron/bench -- FILE.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Areas by where the code lives, first match wins; order matters (specific before general). */
const AREAS: [area: string, matches: (url: string, name: string) => boolean][] = [
  ['idle', (url, name) => name === '(idle)'],
  ['garbage collection', (url, name) => name === '(garbage collector)'],
  ['IRC parse (ircv3)', (url) => url.includes('/ircv3/')],
  ['twurple chat client', (url) => url.includes('/@twurple/chat/')],
  ['twurple connection/logger', (url) => url.includes('/@d-fischer/')],
  ['normalise (irc-normalizer)', (url) => url.includes('/twitch/chat/irc-normalizer')],
  [
    'chat reader + dedupe',
    (url) => /\/twitch\/chat\/(chat-reader|twitch-chat\.service|recent-ids)/.test(url),
  ],
  ['bus (event-bus + rxjs)', (url) => url.includes('/bus/') || url.includes('/rxjs/')],
  ['live feed (gateway)', (url) => url.includes('/archive/live/')],
  ['archive rows (event → row)', (url) => url.includes('/archive/ingest/archive-rows')],
  ['COPY encoding (copy-text)', (url) => url.includes('/archive/ingest/copy-text')],
  ['batch store (SQL, upserts)', (url) => url.includes('/archive/ingest/batch-store')],
  ['archive writer + journal', (url) => url.includes('/archive/ingest/')],
  ['pg + pg-copy-streams', (url) => /\/(pg|pg-protocol|pg-copy-streams|pg-pool)\//.test(url)],
  ['socket.io / engine.io', (url) => /\/(socket\.io|engine\.io|ws)\//.test(url)],
  ['metrics (prom-client)', (url) => url.includes('/prom-client/')],
  ['other Integron code', (url) => url.includes('/backend/dist/')],
  ['other packages', (url) => url.includes('/node_modules/')],
  ['Node internals (streams, net, timers)', (url) => url.startsWith('node:')],
  ['V8 / native (program, builtins)', () => true],
];

const file = process.argv[2];
if (!file) throw new Error('Usage: cpu-profile FILE.cpuprofile [top]');
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const totalMs = (profile.endTime - profile.startTime) / 1000;

const areaOf = (node: ProfileNode) =>
  AREAS.find(([, matches]) => matches(node.callFrame.url, node.callFrame.functionName))![0];
const functionKey = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*\/(node_modules|dist)\//, '').replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
};

const parentOf = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parentOf.set(child, node.id);

const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  byArea.set(areaOf(node), (byArea.get(areaOf(node)) ?? 0) + ms);
  byFunction.set(functionKey(node), (byFunction.get(functionKey(node)) ?? 0) + ms);
}

// Builtins and Node internals charged to the code that called them: `split` inside ircv3 is parse.
const UNCHARGED = new Set([
  'V8 / native (program, builtins)',
  'Node internals (streams, net, timers)',
]);
const charged = new Map<string, number>();
for (const [id, ms] of selfMs) {
  let area = areaOf(byId.get(id)!);
  for (let at = parentOf.get(id); UNCHARGED.has(area) && at !== undefined; at = parentOf.get(at)) {
    const above = areaOf(byId.get(at)!);
    if (!UNCHARGED.has(above)) area = above;
  }
  charged.set(area, (charged.get(area) ?? 0) + ms);
}

// Inclusive time of a function: every sample with it anywhere on the stack, counted once.
const inclusive = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const key = functionKey(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
}

const busyMs = totalMs - (byArea.get('idle') ?? 0);
const percent = (ms: number, of: number) => `${((ms / of) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `profile ${file}: ${(totalMs / 1000).toFixed(1)} s wall, ${(busyMs / 1000).toFixed(1)} s on the main thread (${percent(busyMs, totalMs).trim()} of one core)`,
);
console.log('\nself time by area (share of busy time)');
for (const [area, ms] of [...byArea].sort((a, b) => b[1] - a[1])) {
  if (area === 'idle') continue;
  console.log(`  ${percent(ms, busyMs)}  ${(ms / 1000).toFixed(2).padStart(6)} s  ${area}`);
}
console.log('\nthe same, with builtins and Node internals charged to the code calling them');
for (const [area, ms] of [...charged].sort((a, b) => b[1] - a[1])) {
  if (area === 'idle') continue;
  console.log(`  ${percent(ms, busyMs)}  ${(ms / 1000).toFixed(2).padStart(6)} s  ${area}`);
}
console.log(`\ntop ${top} functions by self time`);
for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  if (name.startsWith('(idle)')) continue;
  console.log(`  ${percent(ms, busyMs)}  ${name}`);
}
const ENTRY_POINTS = [
  /^receiveLine .*ircv3/,
  /^parseMessage .*ircv3/,
  /^normalizeIrcLine /,
  /^receive .*twitch-chat\.service/,
  /^publish .*event-bus/,
  /^accept .*archive-writer/,
  /^write .*archive-writer/,
  /^archiveRowOf /,
  /^messageLine /,
  /^copyLine /,
  /^write .*batch-store/,
  /^send .*live\.gateway/,
];
console.log('\ninclusive time of pipeline steps (share of busy time)');
for (const pattern of ENTRY_POINTS) {
  const matches = [...inclusive].filter(([name]) => pattern.test(name));
  for (const [name, ms] of matches) console.log(`  ${percent(ms, busyMs)}  ${name}`);
}
