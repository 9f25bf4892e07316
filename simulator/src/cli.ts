#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { scopesForEveryType } from './eventsub/subscription-types.js';
import { DEFAULT_MIX, type TrafficKind } from './generator/traffic-generator.js';
import { Simulator } from './simulator.js';

const CHAT_SCOPES = ['chat:read', 'chat:edit', 'user:manage:chat_color'];
/** Tokens printed for broadcasters and bots also grant every EventSub type's scopes. */
const TOKEN_SCOPES = [...new Set([...CHAT_SCOPES, ...scopesForEveryType()])];

function integer(min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return parsed;
  };
}

/** Delivers to `origin`, keeping the path and query of the advertised callback. */
function atOrigin(origin: string) {
  return (callback: string): string => {
    const { pathname, search } = new URL(callback);
    return new URL(`${pathname}${search}`, origin).href;
  };
}

function mix(value: string): Partial<Record<TrafficKind, number>> {
  const weights: Partial<Record<TrafficKind, number>> = {};
  for (const pair of value.split(',')) {
    const [kind, weight] = pair.split('=');
    if (!kind || !(kind in DEFAULT_MIX) || weight === undefined || !(Number(weight) >= 0)) {
      throw new InvalidArgumentError(
        `expected kind=weight pairs; kinds: ${Object.keys(DEFAULT_MIX).join(', ')}`,
      );
    }
    weights[kind as TrafficKind] = Number(weight);
  }
  return weights;
}

const program = new Command('integron-sim')
  .description('A local Twitch (IRC, Helix, OAuth, EventSub) and Discord, with seeded traffic.')
  .addOption(
    new Option('--seed <n>', 'seed for names, ids and traffic')
      .default(1)
      .argParser(integer(0, 2 ** 31)),
  )
  .addOption(
    new Option('--rate <n>', 'happenings per second (mostly chat lines)')
      .default(20)
      .argParser(integer(0, 1_000_000)),
  )
  .addOption(
    new Option('--channels <n>', 'channels of the team').default(3).argParser(integer(1, 100)),
  )
  .addOption(
    new Option('--chatters <n>', 'distinct chatters').default(200).argParser(integer(2, 1_000_000)),
  )
  .addOption(
    new Option(
      '--mix <weights>',
      `relative weights, e.g. chat=900,ban=5 (kinds: ${Object.keys(DEFAULT_MIX).join(', ')})`,
    ).argParser(mix),
  )
  .addOption(new Option('--chat-host <address>', 'loopback address for IRC').default('127.0.0.1'))
  .addOption(
    new Option('--chat-port <port>', 'IRC over TCP (twurple needs 6667)')
      .default(6667)
      .argParser(integer(0, 65_535)),
  )
  .addOption(
    new Option('--ws-port <port>', 'IRC over WebSocket (0: any free port)')
      .default(0)
      .argParser(integer(0, 65_535)),
  )
  .addOption(
    new Option('--api-port <port>', 'id.twitch.tv + Helix (0: any free port)')
      .default(0)
      .argParser(integer(0, 65_535)),
  )
  .addOption(
    new Option('--discord-port <port>', 'Discord REST (0: any free port)')
      .default(0)
      .argParser(integer(0, 65_535)),
  )
  .addOption(
    new Option(
      '--eventsub-to <url>',
      'POST EventSub deliveries to this origin (e.g. http://127.0.0.1:8080), keeping the path of ' +
        "the https callback on port 443 that Twitch requires; default: the callback's host over http",
    ),
  )
  .option('--no-traffic', 'start the servers without generating traffic');

const options = program.parse().opts<{
  seed: number;
  rate: number;
  channels: number;
  chatters: number;
  mix?: Partial<Record<TrafficKind, number>>;
  chatHost: string;
  chatPort: number;
  wsPort: number;
  apiPort: number;
  discordPort: number;
  eventsubTo?: string;
  traffic: boolean;
}>();
const eventSubOrigin = options.eventsubTo;

const simulator = await Simulator.start({
  seed: options.seed,
  chat: { host: options.chatHost, tcpPort: options.chatPort, wsPort: options.wsPort },
  apiPort: options.apiPort,
  discord: { port: options.discordPort },
  population: { channels: options.channels, chatters: options.chatters },
  deliveryUrl: eventSubOrigin === undefined ? undefined : atOrigin(eventSubOrigin),
  onError: (error) => console.error('EventSub delivery failed:', error),
});

const { twitch, discord, population } = simulator;
const app = twitch.world.registerApp({ name: 'integron-sim' });
console.log(`IRC (TCP)        ${twitch.chat.host}:${twitch.chat.tcpPort}`);
if (twitch.chat.wsPort) console.log(`IRC (WebSocket)  ${twitch.chat.wsUrl}`);
console.log(`Twitch API       ${twitch.api.baseUrl}  (TWURPLE_MOCK_API_PORT=${twitch.api.port})`);
if (discord) console.log(`Discord REST     ${discord.apiBaseUrl}`);
console.log(`Twitch app       client id ${app.clientId}, secret ${app.clientSecret}`);
for (const user of [
  ...population.channels.map((channel) => channel.broadcaster),
  ...population.bots,
]) {
  const token = twitch.world.tokens.issueUserToken(app.clientId, user.id, TOKEN_SCOPES);
  console.log(`  ${user.login.padEnd(20)} id ${user.id.padEnd(8)} token ${token.accessToken}`);
}

const traffic = simulator.traffic({ rate: options.rate, mix: options.mix, startLive: true });
if (options.traffic && options.rate > 0) {
  traffic.start();
  console.log(`Generating ${options.rate} happenings/s (seed ${options.seed}); Ctrl-C to stop.`);
  setInterval(() => {
    const stats = traffic.stats();
    console.log(`${stats.total} happenings, ${Math.round(stats.ratePerSecond)}/s`);
  }, 5_000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.stop().then(() => process.exit(0));
  });
}
