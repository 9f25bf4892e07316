import { isIP } from 'node:net';
import { TWITCH_CLIENT_CREDENTIAL_PATTERN, TWITCH_LOGIN_PATTERN } from '@integron/contracts';
import { z } from 'zod';

/** One environment variable: how it is parsed, its documented default, and what it means. */
export interface ConfigVariable<T> {
  schema: z.ZodType<T>;
  /** What a valid value looks like, for the error line: "PORT must be <expected>". */
  expected: string;
  description: string;
  default?: string;
  /** Secrets are never echoed in errors or logs. */
  secret?: boolean;
}

const variable = <T>(spec: ConfigVariable<T>): ConfigVariable<T> => spec;

const port = z.coerce.number().int().min(1).max(65_535);

const hostName = z
  .string()
  .refine((value) => isIP(value) !== 0 || /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(value));

const httpUrl = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ''));

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ });

/** Express's names for address ranges, usable in a trusted-proxy list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Which peers may set X-Forwarded-*: none, a number of hops, or a list of addresses and ranges. */
export type TrustedProxies = false | number | string[];

const trustedProxies = z.string().transform((value, context): TrustedProxies => {
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every(isAddressOrRange)) return entries;
  context.addIssue({ code: 'custom', message: 'not a trusted-proxy setting' });
  return z.NEVER;
});

/**
 * Every variable Integron reads. The README's configuration table and `.env.example` list exactly
 * these (a test keeps them in step).
 */
export const CONFIG_VARIABLES = {
  PORT: variable({
    schema: port,
    default: '3000',
    expected: 'a port number from 1 to 65535',
    description: 'HTTP port for the API, the admin (/) and the overlays (/overlay/).',
  }),
  HOST: variable({
    schema: hostName,
    default: '127.0.0.1',
    expected: 'an IP address or host name to listen on, e.g. 0.0.0.0',
    description: 'Interface to listen on. Use 0.0.0.0 to accept connections from other machines.',
  }),
  TRUST_PROXY: variable({
    schema: trustedProxies,
    default: 'loopback',
    expected:
      'false, a number of proxy hops (e.g. 1), or a comma-separated list of IP addresses, CIDR ranges and loopback, linklocal or uniquelocal',
    description:
      'Which reverse proxies Integron believes about the client address and HTTPS (X-Forwarded-For, X-Forwarded-Proto).',
  }),
  PUBLIC_URL: variable({
    schema: httpUrl.optional(),
    expected: 'an http(s) URL such as https://integron.example.com',
    description:
      'The address people and OBS use to reach Integron; shown in copyable overlay URLs. Defaults to http://localhost:PORT.',
  }),
  LOG_LEVEL: variable({
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    expected: 'one of fatal, error, warn, info, debug, trace, silent',
    description: 'Minimum level of the JSON log lines written to standard output.',
  }),
  DATA_DIR: variable({
    schema: z.string().min(1),
    default: './data',
    expected: 'a directory path',
    description:
      'Where Integron keeps local state: the embedded Postgres (DATA_DIR/postgres) and generated keys.',
  }),
  DATABASE_URL: variable({
    schema: postgresUrl.optional(),
    expected: 'a postgres:// connection URL, e.g. postgres://user:pass@host:5432/integron',
    description:
      'External Postgres to use. When unset, Integron starts an embedded Postgres in DATA_DIR/postgres.',
    secret: true,
  }),
  DATABASE_CONNECT_TIMEOUT: variable({
    schema: z.coerce.number().int().min(1).max(600),
    default: '10',
    expected: 'a number of seconds from 1 to 600',
    description:
      'How long start-up waits for the database to accept connections before giving up with an error.',
  }),
  EMBEDDED_POSTGRES_PORT: variable({
    schema: port,
    default: '54329',
    expected: 'a port number from 1 to 65535',
    description: 'Port of the embedded Postgres (only used when DATABASE_URL is unset).',
  }),
  ENCRYPTION_KEY: variable({
    schema: z
      .string()
      .refine(
        (value) =>
          Buffer.from(value, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(value),
      )
      .optional(),
    expected: '32 random bytes in base64 (generate one with: openssl rand -base64 32)',
    description:
      'Key that encrypts stored Twitch tokens and signs session cookies. When unset, one is generated into DATA_DIR/secrets on first start and reused; set it when several replicas share a database.',
    secret: true,
  }),
  OWNER_LOGIN: variable({
    schema: z
      .string()
      .regex(TWITCH_LOGIN_PATTERN)
      .transform((login) => login.toLowerCase())
      .optional(),
    expected: 'a Twitch login (letters, digits and underscores)',
    description:
      'The Twitch login that becomes owner on a fresh install. When unset, the first person to sign in becomes owner.',
  }),
  SESSION_TTL_HOURS: variable({
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90),
    default: '168',
    expected: 'a number of hours from 1 to 2160',
    description: 'How long a sign-in lasts without activity before the session expires.',
  }),
  DEMO_TRAFFIC_RATE: variable({
    schema: z.coerce.number().min(0).max(100_000),
    default: '10',
    expected: 'a number of events per second from 0 to 100000',
    description:
      'Demo mode only: how many simulated Twitch events (mostly chat lines) per second the built-in simulator makes up; 0 for none.',
  }),
  DEMO_CHAT_ADDRESS: variable({
    schema: z.string().regex(/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/),
    default: '127.0.0.1',
    expected: 'a loopback IPv4 address (127.x.y.z)',
    description:
      'Demo mode only: the address where the simulated Twitch chat listens on port 6667 (Twitch clients cannot use another port). Pick another 127.x.y.z if 6667 is taken.',
  }),
  TWITCH_CLIENT_ID: variable({
    schema: z.string().regex(TWITCH_CLIENT_CREDENTIAL_PATTERN).optional(),
    expected: 'the Client ID of your Twitch application (letters and digits)',
    description:
      'Twitch application Client ID. With TWITCH_CLIENT_SECRET it switches Integron from demo mode to live mode.',
  }),
  TWITCH_CLIENT_SECRET: variable({
    schema: z.string().regex(TWITCH_CLIENT_CREDENTIAL_PATTERN).optional(),
    expected: 'the Client Secret of your Twitch application (letters and digits)',
    description: 'Twitch application Client Secret. Required when TWITCH_CLIENT_ID is set.',
    secret: true,
  }),
  TWURPLE_MOCK_API_PORT: variable({
    schema: port.optional(),
    expected: 'a port number from 1 to 65535',
    description:
      "Live mode against a Twitch-compatible test server (npm run sim, the Twitch CLI's mock-api) on localhost:PORT: Helix, id.twitch.tv and EventSub subscriptions are sent there in twurple's mock layout (/mock, /auth, /eventsub).",
  }),
  TWITCH_CHAT_HOST: variable({
    schema: z
      .string()
      .regex(/^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost)$/)
      .optional(),
    expected: 'a loopback address (127.x.y.z or localhost)',
    description:
      'Live mode against a Twitch-compatible chat server on this machine: Integron connects to HOST:6667 over plain TCP (no TLS) instead of Twitch. Twitch clients cannot use another port.',
  }),
  TWITCH_EVENTSUB_WS_URL: variable({
    schema: z.url({ protocol: /^wss?$/ }).optional(),
    expected: 'a ws:// or wss:// URL such as ws://127.0.0.1:8080/ws',
    description:
      'Live mode: the EventSub WebSocket server to use instead of wss://eventsub.wss.twitch.tv/ws (a Twitch-compatible test server).',
  }),
  EVENTSUB_WEBHOOK_SECRET: variable({
    schema: z.string().min(10).max(100).optional(),
    expected: '10 to 100 characters (generate some with: openssl rand -hex 32)',
    description:
      'Live mode with an https PUBLIC_URL, where Twitch delivers EventSub to PUBLIC_URL/eventsub: the secret Twitch signs deliveries with. When unset, the last one used is kept (generated on first start), stored encrypted in the database.',
    secret: true,
  }),
} as const;

export type ConfigVariableName = keyof typeof CONFIG_VARIABLES;

export type ConfigValues = {
  [K in ConfigVariableName]: z.output<(typeof CONFIG_VARIABLES)[K]['schema']>;
};
