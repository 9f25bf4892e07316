/**
 * Overlay fan-out: how long after a stream event is fired 2,000 overlay sockets of one channel
 * have it, against a bare Socket.io server broadcasting the same payload to as many sockets,
 * measured in the same harness and run. Both are child processes triggered over HTTP (Integron
 * through the test panel's `POST /api/events/test`, target `overlays`; the bare server through
 * `POST /fire`), and every socket lives in this process, so one clock times both ends.
 *
 *   npx nx run @integron/bench:build && npm run overlay-fanout -w @integron/bench -- [sockets] [events]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  type FollowEvent,
  type IssuedOverlayKey,
  OVERLAY_NAMESPACE,
  type StreamEvent,
} from '@integron/contracts';
import { io, type Socket } from 'socket.io-client';
import { LiveRun, numberArgs, sleep } from './support/live-run.js';
import { loadAverage, quantile } from './support/process-stats.js';

const TARGET_RATIO = 1.25;
const CONNECT_BATCH = 100;
const EVENT_SPACING_MS = 250;
const WARM_UP_EVENTS = 5;
const RAW_SERVER = fileURLToPath(new URL('./support/raw-broadcast-server.js', import.meta.url));

const [socketCount = 2_000, eventCount = 60] = numberArgs(process.argv);
const load = loadAverage();

/** A follow from a bench follower, told apart from the others by its login. */
function follow(n: number): Pick<FollowEvent, 'user'> {
  return {
    user: {
      id: String(900_000_000 + n),
      login: `benchfollower${n}`,
      displayName: `BenchFollower${n}`,
    },
  };
}

interface Fanout {
  latencies: number[];
  missing: number;
}

/** Opens `count` sockets, fires `eventCount` follows with `fire(n)`, and times each arrival. */
async function measure(
  url: string,
  auth: Record<string, unknown>,
  fire: (n: number) => Promise<void>,
): Promise<Fanout> {
  const sockets: Socket[] = [];
  const firedAt = new Map<string, number>();
  const latencies: number[] = [];
  let arrivals = 0;
  for (let start = 0; start < socketCount; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, socketCount - start) }, () =>
      io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true }),
    );
    for (const socket of batch) {
      socket.on('stream-event', (event: StreamEvent) => {
        if (event.type !== 'follow') return;
        const at = firedAt.get(event.user.login);
        if (at === undefined) return;
        arrivals++;
        latencies.push(performance.now() - at);
      });
    }
    await Promise.all(
      batch.map(
        (socket) =>
          new Promise<void>((connected, failed) => {
            socket.once('connect', connected);
            socket.once('connect_error', failed);
          }),
      ),
    );
    sockets.push(...batch);
  }
  try {
    for (let n = 0; n < WARM_UP_EVENTS + eventCount; n++) {
      const measured = n >= WARM_UP_EVENTS;
      if (measured) firedAt.set(follow(n).user.login, performance.now());
      await fire(n);
      await sleep(EVENT_SPACING_MS);
    }
    await sleep(1_000);
    return { latencies, missing: eventCount * socketCount - arrivals };
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

async function startRawServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [RAW_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return { child, port: Number(chunk.toString().trim()) };
}

function summary(label: string, { latencies, missing }: Fanout): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (q: number) => `${quantile(sorted, q).toFixed(1)} ms`;
  console.log(
    `${label.padEnd(28)}p50 ${ms(0.5)}, p95 ${ms(0.95)}, p99 ${ms(0.99)}, max ${ms(1)}; ${latencies.length} arrivals, ${missing} missing`,
  );
  return quantile(sorted, 0.99);
}

console.log(`load average at start   ${load} (2 cores)`);
console.log(
  `sockets                 ${socketCount} on one channel, ${eventCount} events ${EVENT_SPACING_MS} ms apart (after ${WARM_UP_EVENTS} unmeasured)`,
);

const raw = await startRawServer();
let rawP99: number;
try {
  rawP99 = summary(
    'bare Socket.io broadcast',
    await measure(`http://127.0.0.1:${raw.port}${OVERLAY_NAMESPACE}`, {}, async (n) => {
      const answer = await fetch(`http://127.0.0.1:${raw.port}/fire`, {
        method: 'POST',
        body: JSON.stringify({ type: 'follow', ...follow(n) }),
      });
      if (answer.status !== 201) throw new Error(`The bare server answered ${answer.status}`);
    }),
  );
} finally {
  raw.child.kill('SIGTERM');
}

const run = await LiveRun.start({ channels: 1, chatters: 100 });
try {
  const channel = run.channels[0]!;
  const issued = await run.admin.fetch(`/api/channels/${channel.id}/overlay-keys`, {
    method: 'POST',
    body: JSON.stringify({ name: 'fan-out bench' }),
  });
  if (issued.status !== 201)
    throw new Error(`Issuing an overlay key failed: ${await issued.text()}`);
  const { key } = (await issued.json()) as IssuedOverlayKey;
  const integronP99 = summary(
    'Integron overlays',
    await measure(`${run.integron.baseUrl}${OVERLAY_NAMESPACE}`, { key }, async (n) => {
      const answer = await run.admin.fetch('/api/events/test', {
        method: 'POST',
        body: JSON.stringify({
          channelId: channel.id,
          type: 'follow',
          target: 'overlays',
          payload: follow(n),
        }),
      });
      if (answer.status !== 201)
        throw new Error(`Firing failed: ${answer.status} ${await answer.text()}`);
    }),
  );
  const ratio = integronP99 / rawP99;
  console.log(
    `target                  p99 ≤ ${TARGET_RATIO} × bare: ${ratio.toFixed(2)} × (${ratio <= TARGET_RATIO ? 'met' : 'MISSED'})`,
  );
} finally {
  await run.close();
}
