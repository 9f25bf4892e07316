/**
 * IRC parse + normalise on one core: ircv3's `parseMessage` (what twurple's IrcClient calls, with
 * the message types twurple registers) and Integron's `normalizeIrcLine`, over lines the
 * simulator renders for its default traffic mix (chat with emotes, replies, cheers, /me; subs,
 * gifts, raids, announcements; deletions, timeouts, bans). Also each step alone, and the whole of
 * twurple's receive path (`ChatClient.irc.receiveLine`: parse plus twurple's own handlers), which
 * is what Integron runs for every line it reads.
 *
 *   npx nx run @integron/bench:build && npm run parse -w @integron/bench -- [lines] [rounds]
 */
import { type ChannelRef, type ChatEvent } from '@integron/contracts';
import {
  DEFAULT_MIX,
  type Happening,
  renderIrc,
  Simulator,
  TrafficGenerator,
} from '@integron/simulator';
import {
  ChatClient,
  ChatMessage,
  ClearChat,
  ClearMsg,
  GlobalUserState,
  Reconnect,
  RoomState,
  UserNotice,
  UserState,
  Whisper,
} from '@twurple/chat';
import {
  defaultServerProperties,
  type Message,
  type MessageConstructor,
  MessageTypes,
  parseMessage,
} from 'ircv3';
import { loadAverage } from './support/process-stats.js';

/** What `normalizeIrcLine` takes: the fields Integron's ChatReader copies from twurple's Message. */
interface IrcLine {
  command: string;
  params: readonly string[];
  tags: ReadonlyMap<string, string>;
  raw: string;
}
type NormalizeIrcLine = (
  line: IrcLine,
  channels: (login: string) => ChannelRef | undefined,
) => ChatEvent | null;

// The built backend's module (the backend publishes no type declarations: typed by hand above).
const normalizerModule = import.meta
  .resolve('@integron/backend/dist/twitch/chat/irc-normalizer.js');
const { normalizeIrcLine } = (await import(normalizerModule)) as {
  normalizeIrcLine: NormalizeIrcLine;
};

const [lineCount = 100_000, rounds = 5] = process.argv.slice(2).map(Number);
const TARGET_LINES_PER_SECOND = 50_000;

const simulator = await Simulator.start({
  seed: 1,
  discord: false,
  chat: { host: '127.0.0.1', tcpPort: 0, wsPort: null },
  population: { channels: 8, chatters: 2_000 },
});
const lines = renderTraffic(simulator, lineCount);
await simulator.stop();

const channels = new Map<string, ChannelRef>(
  simulator.population.channels.map(({ broadcaster }) => [
    broadcaster.login,
    { id: broadcaster.id, login: broadcaster.login, displayName: broadcaster.displayName },
  ]),
);
const lookup = (login: string) => channels.get(login);

/** The message types twurple's ChatClient registers on its IrcClient, PRIVMSG as ChatMessage. */
const messageTypes = new Map<string, MessageConstructor>();
for (const type of [
  ...Object.values(MessageTypes.Commands),
  ...Object.values(MessageTypes.Numerics),
  ClearChat,
  ClearMsg,
  GlobalUserState,
  Reconnect,
  RoomState,
  UserNotice,
  UserState,
  Whisper,
  ChatMessage,
] as MessageConstructor[])
  messageTypes.set(type.COMMAND.toUpperCase(), type);

const parse = (raw: string): Message =>
  parseMessage(raw, defaultServerProperties, messageTypes, true, ['004']);
const ircLine = (message: Message): IrcLine => ({
  command: message.command,
  params: message.rawParamValues,
  tags: message.tags,
  raw: message.rawLine!,
});

let events = 0;
const parsed = lines.map((raw) => ircLine(parse(raw)));
const twurple = new ChatClient({ readOnly: true, rejoinChannelsOnReconnect: false });
twurple.irc.onAnyMessage((message: Message) => {
  if (normalizeIrcLine(ircLine(message), lookup)) events++;
});

const results = {
  'parse + normalise': time(() => {
    for (const raw of lines) if (normalizeIrcLine(ircLine(parse(raw)), lookup)) events++;
  }),
  'parse only (ircv3)': time(() => {
    for (const raw of lines) if (parse(raw).command === '') events++;
  }),
  'normalise only': time(() => {
    for (const line of parsed) if (normalizeIrcLine(line, lookup)) events++;
  }),
  'twurple receiveLine + normalise': time(() => {
    for (const raw of lines) twurple.irc.receiveLine(raw);
  }),
};
twurple.quit();

const commands = new Map<string, number>();
for (const line of parsed) commands.set(line.command, (commands.get(line.command) ?? 0) + 1);
const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 2, 0);
console.log(`load average at start            ${loadAverage()} (2 cores; this runs on one)`);
console.log(
  `lines                            ${lines.length} (${[...commands].map(([command, n]) => `${command} ${n}`).join(', ')}), ${Math.round(bytes / lines.length)} bytes average`,
);
for (const [name, result] of Object.entries(results))
  console.log(
    `${name.padEnd(33)}${Math.round(result.best)} lines/s best of ${rounds} rounds (median ${Math.round(result.median)})`,
  );
console.log(`(events made: ${events}, so that no step is optimised away)`);
const measured = results['parse + normalise'];
console.log(
  `target                           ≥ ${TARGET_LINES_PER_SECOND} lines/s (parse + normalise): best ${Math.round(measured.best)}, median ${Math.round(measured.median)} (${measured.best >= TARGET_LINES_PER_SECOND ? 'met' : 'MISSED'} by the best round)`,
);

/** Runs `work` over all lines once to warm up, then `rounds` times; lines per second. */
function time(work: () => void): { best: number; median: number } {
  work();
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    work();
    rates.push(lines.length / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { best: rates.at(-1)!, median: rates[Math.floor(rates.length / 2)]! };
}

/** The default traffic mix, applied to the simulated world and rendered as Twitch's IRC shows it. */
function renderTraffic(simulator: Simulator, count: number): string[] {
  const { twitch, population } = simulator;
  const rendered: string[] = [];
  const generator = new TrafficGenerator(
    twitch.world,
    twitch.events,
    population,
    {
      happen: (happening: Happening) => {
        // Applies it to the world (bans, subs…) as the simulated Twitch does, then renders it.
        void twitch.happen(happening).catch(() => undefined);
        rendered.push(...renderIrc(happening, twitch.world).lines);
      },
    },
    { rate: 0, mix: DEFAULT_MIX },
  );
  while (rendered.length < count) generator.generate(1_000);
  return rendered.slice(0, count);
}
