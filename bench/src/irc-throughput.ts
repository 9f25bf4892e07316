/**
 * How many chat lines per second the simulator's traffic generator delivers over IRC to one
 * connected client. The client runs in a child process, reads raw TCP and counts PRIVMSG lines.
 *
 *   npx nx run @integron/bench:build && npm run irc-throughput -w @integron/bench -- [seconds] [rate]
 */
import { fork } from 'node:child_process';
import { Socket } from 'node:net';
import { exclusiveMix, Simulator } from '@integron/simulator';

const CHAT_HOST = '127.0.0.77';

if (process.argv[2] === 'client') {
  await countLines(process.argv[3]!, Number(process.argv[4]), process.argv[5]!);
} else {
  await measure(Number(process.argv[2] ?? 10), Number(process.argv[3] ?? 100_000));
}

async function measure(seconds: number, rate: number): Promise<void> {
  const simulator = await Simulator.start({
    seed: 1,
    discord: false,
    chat: { host: CHAT_HOST, tcpPort: 0, wsPort: null },
    population: { channels: 1, chatters: 2_000 },
  });
  const channel = simulator.population.channels[0]!.broadcaster.login;
  const traffic = simulator.traffic({ rate, mix: exclusiveMix({ chat: 1 }) });

  const client = fork(
    new URL(import.meta.url),
    ['client', CHAT_HOST, String(simulator.twitch.chat.tcpPort), channel],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  await new Promise<void>((joined) => client.once('message', () => joined()));

  const samples: { lines: number; bytes: number }[] = [];
  client.on('message', (sample: { lines: number; bytes: number }) => samples.push(sample));
  traffic.start();
  const startRss = process.memoryUsage().rss;
  await new Promise((done) => setTimeout(done, seconds * 1000 + 500));
  traffic.stop();
  const peakRss = process.memoryUsage().rss;

  // Each sample is one second of the client's counting; the first may be partial.
  const steady = samples.slice(1, seconds);
  const linesPerSecond =
    steady.reduce((sum, sample) => sum + sample.lines, 0) / Math.max(1, steady.length);
  const bytesPerSecond =
    steady.reduce((sum, sample) => sum + sample.bytes, 0) / Math.max(1, steady.length);
  console.log(`offered rate            ${rate} happenings/s (chat only), ${seconds} s`);
  console.log(`generator achieved      ${Math.round(traffic.stats().ratePerSecond)} happenings/s`);
  console.log(
    `client received         ${Math.round(linesPerSecond)} PRIVMSG lines/s (${(bytesPerSecond / 1e6).toFixed(1)} MB/s)`,
  );
  console.log(
    `server RSS              ${Math.round(startRss / 1e6)} MB -> ${Math.round(peakRss / 1e6)} MB`,
  );
  client.kill();
  await simulator.stop();
}

/** Child process: an anonymous read-only chat client that reports what it received each second. */
async function countLines(host: string, port: number, channel: string): Promise<void> {
  const socket = new Socket();
  await new Promise<void>((connected) => socket.connect(port, host, connected));
  socket.write(
    `CAP REQ :twitch.tv/tags twitch.tv/commands\r\nNICK justinfan12345\r\nJOIN #${channel}\r\n`,
  );
  let lines = 0;
  let bytes = 0;
  let joined = false;
  let tail = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => {
    bytes += Buffer.byteLength(chunk);
    const text = tail + chunk;
    let start = 0;
    for (let end = text.indexOf('\r\n'); end !== -1; end = text.indexOf('\r\n', start)) {
      const line = text.slice(start, end);
      if (line.includes(' PRIVMSG #')) lines++;
      else if (!joined && line.includes(' ROOMSTATE #')) {
        joined = true;
        process.send?.('joined');
      }
      start = end + 2;
    }
    tail = text.slice(start);
  });
  setInterval(() => {
    process.send?.({ lines, bytes });
    lines = 0;
    bytes = 0;
  }, 1000);
}
