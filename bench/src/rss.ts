/**
 * Integron's memory with many channels: the built backend (live mode, child process) joined to
 * 100 simulated channels that together send 1,000 chat lines/s, its resident set sampled from
 * /proc every few seconds for some minutes. Prints the RSS before the traffic, at its peak and at
 * the end, with the V8 heap beside it.
 *
 *   npx nx run @integron/bench:build && npm run rss -w @integron/bench -- [minutes] [rate] [channels] [--heap-limit=MB]
 */
import { DEFAULT_MIX, exclusiveMix } from '@integron/simulator';
import { committedMessages, flagValue, LiveRun, numberArgs, sleep } from './support/live-run.js';
import { loadAverage, megabytes, sampleProcess } from './support/process-stats.js';

const SAMPLE_EVERY_MS = 5_000;
const TARGET_RSS_MB = 300;
const PRINT_EVERY_SAMPLES = 6;
/** Chat as it is: plain lines, emote spam, /me, replies and cheers, all PRIVMSGs. */
const CHAT_MIX = exclusiveMix({
  chat: DEFAULT_MIX.chat,
  emotes: DEFAULT_MIX.emotes,
  action: DEFAULT_MIX.action,
  reply: DEFAULT_MIX.reply,
  cheer: DEFAULT_MIX.cheer,
});

const [minutes = 3, rate = 1_000, channelCount = 100] = numberArgs(process.argv);
const load = loadAverage();
const joinStarted = performance.now();
// `--heap-limit=MB` runs Integron with that V8 old-space limit (`--max-old-space-size`).
const heapLimit = flagValue(process.argv, 'heap-limit');
const run = await LiveRun.start({
  channels: channelCount,
  chatters: 5_000,
  nodeArgs: heapLimit ? [`--max-old-space-size=${heapLimit}`] : [],
});
const joinSeconds = (performance.now() - joinStarted) / 1000;
try {
  await measure(run);
} finally {
  await run.close();
}

async function measure(run: LiveRun): Promise<void> {
  const { simulator, integron } = run;
  const sample = async () => {
    const metrics = await integron.metrics();
    return {
      rss: sampleProcess(integron.pid)?.rssBytes ?? 0,
      heap: metrics.get('nodejs_heap_size_used_bytes') ?? 0,
    };
  };
  const start = await sample();
  const traffic = simulator.traffic({ rate, mix: CHAT_MIX });
  traffic.start();
  const samples: Awaited<ReturnType<typeof sample>>[] = [];
  const count = Math.round((minutes * 60_000) / SAMPLE_EVERY_MS);
  console.log(`load average at start   ${load} (2 cores)`);
  console.log(
    `joined                  ${run.channels.length} channels in ${joinSeconds.toFixed(0)} s (start-up, sign-in and adding included)`,
  );
  for (let i = 1; i <= count; i++) {
    await sleep(SAMPLE_EVERY_MS);
    samples.push(await sample());
    if (i % PRINT_EVERY_SAMPLES === 0 || i === count)
      console.log(
        `  after ${String(Math.round((i * SAMPLE_EVERY_MS) / 1000)).padStart(4)} s         RSS ${megabytes(samples.at(-1)!.rss)}, heap used ${megabytes(samples.at(-1)!.heap)}`,
      );
  }
  traffic.stop();
  await sleep(2_000);
  const generated = traffic.stats().byKind['chat.message'] ?? 0;
  const committed = await committedMessages(run, generated);
  const peak = samples.reduce((top, entry) => (entry.rss > top.rss ? entry : top), start);
  const end = samples.at(-1) ?? start;
  console.log(
    `offered rate            ${rate} chat lines/s over ${channelCount} channels for ${minutes} min (achieved ${Math.round(traffic.stats().ratePerSecond)}/s)`,
  );
  console.log(
    `Integron RSS            start ${megabytes(start.rss)}, peak ${megabytes(peak.rss)}, end ${megabytes(end.rss)}`,
  );
  console.log(
    `V8 heap used            start ${megabytes(start.heap)}, at RSS peak ${megabytes(peak.heap)}, end ${megabytes(end.heap)}`,
  );
  console.log(`archive                 ${committed} of ${generated} lines committed`);
  console.log(
    `target                  RSS < ${TARGET_RSS_MB} MB: peak ${megabytes(peak.rss)} (${peak.rss < TARGET_RSS_MB * 1e6 ? 'met' : 'MISSED'})` +
      (heapLimit ? `, Integron run with --max-old-space-size=${heapLimit}` : ''),
  );
}
