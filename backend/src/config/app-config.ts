import { resolve } from 'node:path';
import { type RunMode } from '@integron/contracts';
import {
  CONFIG_VARIABLES,
  type ConfigValues,
  type ConfigVariableName,
  type TrustedProxies,
} from './config.variables.js';

const TWITCH_SERVER_VARIABLES = [
  'TWURPLE_MOCK_API_PORT',
  'TWITCH_CHAT_HOST',
  'TWITCH_EVENTSUB_WS_URL',
] as const satisfies readonly ConfigVariableName[];

export type LogLevel = ConfigValues['LOG_LEVEL'];

export interface TwitchAppCredentials {
  clientId: string;
  clientSecret: string;
}

/** The validated, typed configuration. Injected by class; built only by `parseConfig`. */
export class AppConfig {
  readonly mode!: RunMode;
  readonly http!: {
    host: string;
    port: number;
    publicUrl: string;
    /** False when PUBLIC_URL is unset and `publicUrl` is the localhost default. */
    publicUrlConfigured: boolean;
    /** Express's `trust proxy` setting. */
    trustProxy: TrustedProxies;
  };
  readonly log!: { level: LogLevel };
  /** Absolute. */
  readonly dataDir!: string;
  readonly database!: {
    url: string | undefined;
    embeddedPort: number;
    connectTimeoutSeconds: number;
  };
  /** `null` in demo mode. */
  readonly twitch!: TwitchAppCredentials | null;
  /** Live mode: a Twitch-compatible server to use instead of Twitch, each part `null` for Twitch's own. */
  readonly twitchServers!: {
    mockApiPort: number | null;
    chatHost: string | null;
    eventSubWsUrl: string | null;
  };
  readonly eventSub!: {
    /** EVENTSUB_WEBHOOK_SECRET; `null`: generated and kept in the database. */
    webhookSecret: string | null;
  };
  readonly auth!: {
    /** 32 bytes; `undefined`: generated into the data directory. */
    encryptionKey: Buffer | undefined;
    ownerLogin: string | undefined;
    sessionTtlHours: number;
  };
  /** The built-in simulator of demo mode. */
  readonly demo!: { trafficRate: number; chatAddress: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Validates `env` into an `AppConfig`. Throws a `ConfigError` holding one line per problem, each
 * naming the variable and what it expects; secret values are never repeated back.
 */
export function parseConfig(env: Environment, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const values = {} as Record<ConfigVariableName, unknown>;

  for (const name of Object.keys(CONFIG_VARIABLES) as ConfigVariableName[]) {
    const spec = CONFIG_VARIABLES[name];
    const trimmed = env[name]?.trim();
    const raw = trimmed === '' ? undefined : trimmed;
    const result = spec.schema.safeParse(raw ?? spec.default);
    if (result.success) {
      values[name] = result.data;
    } else {
      const got =
        raw === undefined
          ? 'it is not set'
          : spec.secret
            ? 'the value given is not'
            : `got "${raw}"`;
      problems.push(`${name} must be ${spec.expected}; ${got}.`);
    }
  }

  const v = values as ConfigValues;
  if (
    problems.length === 0 &&
    (v.TWITCH_CLIENT_ID === undefined) !== (v.TWITCH_CLIENT_SECRET === undefined)
  ) {
    const missing = v.TWITCH_CLIENT_ID === undefined ? 'TWITCH_CLIENT_ID' : 'TWITCH_CLIENT_SECRET';
    problems.push(
      `${missing} must be set together with ${missing === 'TWITCH_CLIENT_ID' ? 'TWITCH_CLIENT_SECRET' : 'TWITCH_CLIENT_ID'} (set both for live mode, neither for demo mode).`,
    );
  }
  if (problems.length === 0 && v.TWITCH_CLIENT_ID === undefined) {
    for (const name of TWITCH_SERVER_VARIABLES) {
      if (v[name] !== undefined)
        problems.push(
          `${name} points live mode at a Twitch-compatible server, which needs TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET of an application registered there (npm run sim prints them); without them Integron runs demo mode on its own simulator.`,
        );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const twitch =
    v.TWITCH_CLIENT_ID !== undefined && v.TWITCH_CLIENT_SECRET !== undefined
      ? { clientId: v.TWITCH_CLIENT_ID, clientSecret: v.TWITCH_CLIENT_SECRET }
      : null;

  return Object.freeze({
    mode: twitch ? 'live' : 'demo',
    http: {
      host: v.HOST,
      port: v.PORT,
      publicUrl: v.PUBLIC_URL ?? `http://localhost:${v.PORT}`,
      publicUrlConfigured: v.PUBLIC_URL !== undefined,
      trustProxy: v.TRUST_PROXY,
    },
    log: { level: v.LOG_LEVEL },
    dataDir: resolve(cwd, v.DATA_DIR),
    database: {
      url: v.DATABASE_URL,
      embeddedPort: v.EMBEDDED_POSTGRES_PORT,
      connectTimeoutSeconds: v.DATABASE_CONNECT_TIMEOUT,
    },
    twitch,
    twitchServers: {
      mockApiPort: v.TWURPLE_MOCK_API_PORT ?? null,
      chatHost: v.TWITCH_CHAT_HOST ?? null,
      eventSubWsUrl: v.TWITCH_EVENTSUB_WS_URL ?? null,
    },
    eventSub: { webhookSecret: v.EVENTSUB_WEBHOOK_SECRET ?? null },
    auth: {
      encryptionKey:
        v.ENCRYPTION_KEY === undefined ? undefined : Buffer.from(v.ENCRYPTION_KEY, 'base64'),
      ownerLogin: v.OWNER_LOGIN,
      sessionTtlHours: v.SESSION_TTL_HOURS,
    },
    demo: { trafficRate: v.DEMO_TRAFFIC_RATE, chatAddress: v.DEMO_CHAT_ADDRESS },
  });
}

/** A one-line description for the start-up log, with every secret withheld. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    mode: config.mode,
    listen: `${config.http.host}:${config.http.port}`,
    publicUrl: config.http.publicUrl,
    trustProxy: config.http.trustProxy,
    logLevel: config.log.level,
    dataDir: config.dataDir,
    database: config.database.url
      ? redactUrl(config.database.url)
      : `embedded on port ${config.database.embeddedPort}`,
    twitchClientId: config.twitch?.clientId ?? null,
    twitchServers: config.twitchServers,
    encryptionKey: config.auth.encryptionKey ? 'set' : 'generated in the data directory',
    eventSubWebhookSecret: config.eventSub.webhookSecret ? 'set' : 'generated in the database',
    ownerLogin: config.auth.ownerLogin ?? 'first to sign in',
  };
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
