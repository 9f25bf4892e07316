import { TWITCH_CLIENT_CREDENTIAL_PATTERN } from '@integron/contracts';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MIX, type TrafficKind } from '../generator/traffic-generator.js';

/**
 * A fixed port, so that the `TWURPLE_MOCK_API_PORT` a person pasted into Integron's `.env` still
 * points here after a restart. 8091 is not the Twitch CLI's mock-api (8080) nor Integron's (3000).
 */
export const DEFAULT_API_PORT = 8091;
/** The address Integron reaches by default (`http://localhost:PORT` with its default port). */
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';
/** The only plain-TCP chat port twurple, and so Integron, can reach. */
export const TWITCH_CHAT_PORT = 6667;

/** What Integron accepts as TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET (its `config.variables.ts`). */
const CREDENTIAL = TWITCH_CLIENT_CREDENTIAL_PATTERN;
/** What Integron accepts as TWITCH_CHAT_HOST: an IPv4 loopback address, or localhost. */
const LOOPBACK_HOST = /^(?:127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|localhost)$/;

export interface CliOptions {
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
  /** Where Integron is reached, without a trailing slash; its OAuth callbacks are under it. */
  publicUrl: string;
  /** Both or neither: Integron's application at the simulated Twitch. */
  clientId?: string;
  clientSecret?: string;
  traffic: boolean;
}

function integer(min: number, max: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || !Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return parsed;
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

function credential(value: string): string {
  if (!CREDENTIAL.test(value)) {
    throw new InvalidArgumentError('expected 10 to 64 letters and digits, as Integron accepts');
  }
  return value;
}

function loopbackHost(value: string): string {
  if (!LOOPBACK_HOST.test(value)) {
    throw new InvalidArgumentError('expected a loopback address (127.x.y.z or localhost)');
  }
  return value;
}

function httpUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new InvalidArgumentError('expected an http(s) URL such as http://localhost:3000');
  }
  return url.href.replace(/\/+$/, '');
}

function origin(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new InvalidArgumentError('expected an http(s) origin such as http://127.0.0.1:8080');
  }
  return url.origin;
}

/** The CLI's options; `npm run sim -- --help` prints them. */
export function simulatorCommand(): Command {
  return new Command('integron-sim')
    .description(
      'A local Twitch (IRC, Helix, OAuth, EventSub) and Discord, with seeded traffic. It prints ' +
        'the settings that start Integron against it.',
    )
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
      new Option('--chatters <n>', 'distinct chatters')
        .default(200)
        .argParser(integer(2, 1_000_000)),
    )
    .addOption(
      new Option(
        '--mix <weights>',
        `relative weights, e.g. chat=900,ban=5 (kinds: ${Object.keys(DEFAULT_MIX).join(', ')})`,
      ).argParser(mix),
    )
    .addOption(
      new Option('--chat-host <address>', 'loopback address for IRC (127.x.y.z or localhost)')
        .default('127.0.0.1')
        .argParser(loopbackHost),
    )
    .addOption(
      new Option('--chat-port <port>', `IRC over TCP (twurple needs ${TWITCH_CHAT_PORT})`)
        .default(TWITCH_CHAT_PORT)
        .argParser(integer(0, 65_535)),
    )
    .addOption(
      new Option('--ws-port <port>', 'IRC over WebSocket (0: any free port)')
        .default(0)
        .argParser(integer(0, 65_535)),
    )
    .addOption(
      new Option(
        '--api-port <port>',
        "id.twitch.tv + Helix on localhost, Integron's TWURPLE_MOCK_API_PORT (0: any free port, new on each start)",
      )
        .default(DEFAULT_API_PORT)
        .argParser(integer(0, 65_535)),
    )
    .addOption(
      new Option('--discord-port <port>', 'Discord REST (0: any free port)')
        .default(0)
        .argParser(integer(0, 65_535)),
    )
    .addOption(
      new Option(
        '--public-url <url>',
        "Integron's PUBLIC_URL: its application here accepts sign-in and account callbacks under it",
      )
        .default(DEFAULT_PUBLIC_URL)
        .argParser(httpUrl),
    )
    .addOption(
      new Option(
        '--client-id <id>',
        "Integron's application's client id (with --client-secret), to keep a .env working " +
          'across restarts; default: made up from the seed',
      ).argParser(credential),
    )
    .addOption(
      new Option(
        '--client-secret <secret>',
        "Integron's application's client secret (with --client-id)",
      ).argParser(credential),
    )
    .addOption(
      new Option(
        '--eventsub-to <url>',
        'POST EventSub deliveries to this origin (e.g. http://127.0.0.1:8080), keeping the path of ' +
          "the https callback on port 443 that Twitch requires; default: the callback's host over http",
      ).argParser(origin),
    )
    .option('--no-traffic', 'start the servers without generating traffic');
}

/**
 * Parses `args` (the words after the command). A bad value, or only one of the credentials,
 * ends in `command.error`: a message naming the option, then exit 1 (or a throw under
 * `exitOverride`).
 */
export function parseCliOptions(args: readonly string[], command = simulatorCommand()): CliOptions {
  const options = command.parse(args, { from: 'user' }).opts<CliOptions>();
  if ((options.clientId === undefined) !== (options.clientSecret === undefined)) {
    command.error(
      'error: --client-id and --client-secret go together (Integron needs both); give both or neither',
    );
  }
  return options;
}
