/**
 * IRC line → admin socket: how long after the simulated Twitch writes a PRIVMSG a signed-in
 * admin's Socket.io client (namespace `/live`, following every channel) receives it, while
 * Integron (the built backend, live mode, in a child process) archives the same traffic. The
 * simulator and the socket client share this process, so one clock times both ends.
 *
 *   npx nx run @integron/bench:build && npm run live-latency -w @integron/bench -- [seconds] [rate] [channels]
 */
import {
  type ChatLine,
  LIVE_NAMESPACE,
  type LiveAck,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
} from '@integron/contracts';
import { DEFAULT_MIX, exclusiveMix, TrafficGenerator } from '@integron/simulator';
import { io, type Socket } from 'socket.io-client';
import { committedMessages, LiveRun, numberArgs, sleep } from './support/live-run.js';
import { loadAverage, quantile } from './support/process-stats.js';

const WARM_UP_SECONDS = 5;
const TARGET_P99_MS = 50;
/** Chat as it is: plain lines, emote spam, /me, replies and cheers, all PRIVMSGs. */
const CHAT_MIX = exclusiveMix({
  chat: DEFAULT_MIX.chat,
  emotes: DEFAULT_MIX.emotes,
  action: DEFAULT_MIX.action,
  reply: DEFAULT_MIX.reply,
  cheer: DEFAULT_MIX.cheer,
});

const [seconds = 60, rate = 1_000, channelCount = 3] = numberArgs(process.argv);
const load = loadAverage();
const run = await LiveRun.start({ channels: channelCount, chatters: 2_000 });
try {
  await measure(run);
} finally {
  await run.close();
}

async function measure(run: LiveRun): Promise<void> {
  const { simulator, integron, admin } = run;
  const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io(
    `${integron.baseUrl}${LIVE_NAMESPACE}`,
    {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: admin.cookieHeader },
    },
  );
  await new Promise<void>((connected, failed) => {
    socket.once('connect', connected);
    socket.once('connect_error', failed);
  });
  const ack = await new Promise<LiveAck>((answer) =>
    socket.emit('subscribe', { all: true }, answer),
  );
  if (!ack.ok) throw new Error(`Subscribing failed: ${ack.error}`);

  // When each line was handed to the simulated chat server, which writes it to Integron at once.
  const writtenAt = new Map<string, number>();
  const latencies: number[] = [];
  let measuring = false;
  let received = 0;
  let dropped = 0;
  socket.on('message', (line: ChatLine) => {
    const at = writtenAt.get(line.twitchMessageId);
    if (at === undefined) return;
    writtenAt.delete(line.twitchMessageId);
    received++;
    if (measuring) latencies.push(performance.now() - at);
  });
  socket.on('dropped', (count) => (dropped += count));

  const { twitch, population } = simulator;
  const traffic = new TrafficGenerator(
    twitch.world,
    twitch.events,
    population,
    {
      happen: (happening) => {
        if (happening.kind === 'chat.message') writtenAt.set(happening.id, performance.now());
        void twitch.happen(happening).catch(() => undefined);
      },
    },
    { rate, mix: CHAT_MIX },
  );
  traffic.start();
  await sleep(WARM_UP_SECONDS * 1000);
  measuring = true;
  await sleep((seconds - WARM_UP_SECONDS) * 1000);
  measuring = false;
  traffic.stop();
  await sleep(2_000);
  socket.disconnect();

  const generated = traffic.stats().byKind['chat.message'] ?? 0;
  const committed = await committedMessages(run, generated);
  latencies.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`load average at start   ${load} (2 cores)`);
  console.log(
    `offered rate            ${rate} chat lines/s over ${channelCount} channels, ${seconds} s (first ${WARM_UP_SECONDS} s not counted)`,
  );
  console.log(`generator achieved      ${Math.round(traffic.stats().ratePerSecond)} lines/s`);
  console.log(
    `socket received         ${received} of ${generated} lines (${dropped} reported dropped); archive committed ${committed}`,
  );
  console.log(
    `IRC line → socket       p50 ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, ` +
      `p99 ${ms(quantile(latencies, 0.99))}, max ${ms(latencies.at(-1) ?? Number.NaN)} over ${latencies.length} lines`,
  );
  const p99 = quantile(latencies, 0.99);
  console.log(
    `target                  p99 < ${TARGET_P99_MS} ms: ${ms(p99)} (${p99 < TARGET_P99_MS ? 'met' : 'MISSED'})`,
  );
}
