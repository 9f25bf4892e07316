import { OAUTH_CALLBACK_PATHS } from '@integron/contracts';
import { DEFAULT_PUBLIC_URL, TWITCH_CHAT_PORT } from './cli-options.js';

/** Where id.twitch.tv sends people back to Integron: signing in, and connecting an account. */
export const INTEGRON_CALLBACK_PATHS = OAUTH_CALLBACK_PATHS;

export interface SimulatorEndpoints {
  clientId: string;
  clientSecret: string;
  /** The id.twitch.tv + Helix port on localhost. */
  apiPort: number;
  chatHost: string;
  chatPort: number;
  /** Where Integron is reached, without a trailing slash. */
  publicUrl: string;
}

/** Integron's configuration for live mode against this simulator, and what a person should know. */
export interface IntegronSettings {
  /** Environment variables, in the order they are printed. */
  env: [name: string, value: string][];
  /** Lines explaining what the settings leave out. */
  notes: string[];
}

export function integronRedirectUris(publicUrl: string): string[] {
  return INTEGRON_CALLBACK_PATHS.map((path) => `${publicUrl}${path}`);
}

/**
 * The variables that point Integron's live mode here: its application, twurple's mock API port,
 * and the chat host. Integron's PUBLIC_URL defaults to `http://localhost:PORT`, so a public URL
 * of that form needs only PORT (nothing when it is the default); any other needs PUBLIC_URL.
 */
export function integronSettings(endpoints: SimulatorEndpoints): IntegronSettings {
  const env: IntegronSettings['env'] = [
    ['TWITCH_CLIENT_ID', endpoints.clientId],
    ['TWITCH_CLIENT_SECRET', endpoints.clientSecret],
    ['TWURPLE_MOCK_API_PORT', String(endpoints.apiPort)],
  ];
  const notes: string[] = [];
  if (endpoints.chatPort === TWITCH_CHAT_PORT) {
    env.push(['TWITCH_CHAT_HOST', endpoints.chatHost]);
  } else {
    notes.push(
      `Integron reads chat on port ${TWITCH_CHAT_PORT} only (as every twurple client does): with ` +
        `--chat-port ${endpoints.chatPort} it cannot read this simulator's chat, so TWITCH_CHAT_HOST is left out.`,
    );
  }
  const localPort = /^http:\/\/localhost:(\d+)$/.exec(endpoints.publicUrl)?.[1];
  if (endpoints.publicUrl !== DEFAULT_PUBLIC_URL) {
    env.push(localPort ? ['PORT', localPort] : ['PUBLIC_URL', endpoints.publicUrl]);
  }
  return { env, notes };
}

/** `NAME=value` lines, as `.env` files and `node:util`'s `parseEnv` read them. */
export function envLines(env: IntegronSettings['env']): string[] {
  return env.map(([name, value]) => `${name}=${value}`);
}
