import { type AppConfig } from '../config/app-config.js';
import { TwitchIdentity } from './twitch-identity.js';

const TWITCH_OAUTH = 'https://id.twitch.tv/oauth2';
const TWITCH_EVENTSUB_WS = 'wss://eventsub.wss.twitch.tv/ws';

/**
 * How twurple's ChatClient reaches a chat server. It has no port option: TLS WebSocket to
 * Twitch, or plain TCP to port 6667 of a Twitch-compatible server on loopback.
 */
export type ChatServer = { kind: 'twitch' } | { kind: 'plain-tcp'; hostName: string };

/**
 * Where Twitch delivers EventSub over webhooks: `https://{hostName}/eventsub/event/{id}`.
 * Twitch calls https on port 443 only, so a `hostName` with a port is refused by Twitch.
 */
export interface EventSubWebhookCallback {
  hostName: string;
  /** Where the routes Twitch posts to are mounted, locally and in the callback URL. */
  pathPrefix: string;
}

const EVENTSUB_WEBHOOK_PATH = '/eventsub';

/**
 * Where Integron reaches Twitch: the real one, or any Twitch-compatible server (the demo's
 * in-process simulator, `npm run sim`, the Twitch CLI's mock). Everything Twitch-facing is built
 * from this one value, so demo mode and live mode run the same code.
 */
export class TwitchEndpoints {
  constructor(
    readonly identity: TwitchIdentity,
    readonly chat: ChatServer,
    readonly eventSubWsUrl: string,
    /** Set: EventSub over webhooks to this callback; `null`: over the WebSocket at `eventSubWsUrl`. */
    readonly eventSubWebhook: EventSubWebhookCallback | null = null,
  ) {}

  /**
   * Live mode: Twitch, or the servers the configuration names. With an https `PUBLIC_URL` Twitch
   * can call Integron back, so EventSub comes over webhooks; otherwise over a WebSocket.
   */
  static fromConfig(config: AppConfig): TwitchEndpoints {
    if (!config.twitch) throw new Error('Live mode without Twitch credentials');
    const { clientId, clientSecret } = config.twitch;
    const { mockApiPort, chatHost, eventSubWsUrl } = config.twitchServers;
    // twurple reads TWURPLE_MOCK_API_PORT itself; Integron's own OAuth calls follow it too.
    const oauthUrl = mockApiPort === null ? TWITCH_OAUTH : `http://localhost:${mockApiPort}/auth`;
    const publicUrl = new URL(config.http.publicUrl);
    return new TwitchEndpoints(
      new TwitchIdentity(clientId, clientSecret, oauthUrl),
      chatHost === null ? { kind: 'twitch' } : { kind: 'plain-tcp', hostName: chatHost },
      eventSubWsUrl ?? TWITCH_EVENTSUB_WS,
      publicUrl.protocol === 'https:'
        ? { hostName: publicUrl.host, pathPrefix: EVENTSUB_WEBHOOK_PATH }
        : null,
    );
  }
}
