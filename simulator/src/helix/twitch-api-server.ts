import express, { Router } from 'express';
import { type Server } from 'node:http';
import { type Duplex } from 'node:stream';
import { type EventSubService } from '../eventsub/eventsub-service.js';
import { WEBSOCKET_PATH } from '../eventsub/eventsub-ws-server.js';
import { type TwitchWorld } from '../world/twitch-world.js';
import { chatBadgesRoutes } from './chat-badges-routes.js';
import { chatColorRoutes } from './chat-color-routes.js';
import { errorHandler, HelixError } from './errors.js';
import { eventSubSubscriptionRoutes } from './eventsub-subscription-routes.js';
import { FaultInjector } from './faults.js';
import { requireHelixAuth } from './helix-auth.js';
import { close, listenOnLoopback } from './loopback-listen.js';
import { oauthRoutes } from './oauth/oauth-routes.js';
import { RateLimiter, type RateLimitOptions, TWITCH_RATE_LIMIT } from './rate-limit.js';
import { type LoggedRequest, RequestLog } from './request-log.js';
import { streamsRoutes } from './streams-routes.js';
import { usersRoutes } from './users-routes.js';

export interface TwitchApiServerOptions {
  world: TwitchWorld;
  eventSub: EventSubService;
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Helix's bucket per client id and user; Twitch's is 800 points a minute. */
  rateLimit?: RateLimitOptions;
  /** Where browsers reach the `/auth` pages; default this server's own `/auth`. */
  oauthPagesUrl?: string;
}

/**
 * id.twitch.tv and api.twitch.tv in the layout twurple 8 uses with `TWURPLE_MOCK_API_PORT`:
 * `/auth/*` is `https://id.twitch.tv/oauth2/*`, `/mock/*` is `https://api.twitch.tv/helix/*`,
 * and `/eventsub/subscriptions` sits beside `/mock`. EventSub's WebSocket server
 * (`wss://eventsub.wss.twitch.tv/ws`) is `/ws`, as in the Twitch CLI's mock server.
 */
export class TwitchApiServer {
  /** Connections upgraded to WebSocket, which closing the HTTP servers leaves open. */
  private readonly upgraded = new Set<Duplex>();

  private constructor(
    private readonly servers: Server[],
    readonly port: number,
    private readonly log: RequestLog,
    readonly faults: FaultInjector,
  ) {}

  static async start(options: TwitchApiServerOptions): Promise<TwitchApiServer> {
    const rateLimit = options.rateLimit ?? TWITCH_RATE_LIMIT;
    const log = new RequestLog();
    const faults = new FaultInjector(rateLimit.points);
    const app = express()
      .disable('x-powered-by')
      .disable('etag')
      .use(log.middleware(), faults.middleware())
      .use('/auth', oauthRoutes(options.world, options.oauthPagesUrl))
      .use((req, _res, next) => {
        // twurple sends EventSub subscription calls beside /mock, Helix's other calls under it.
        if (req.path.startsWith('/eventsub/')) req.url = `/mock${req.url}`;
        next();
      })
      .use('/mock', helixRoutes(options, new RateLimiter(rateLimit)))
      .use(errorHandler);
    const { servers, port } = await listenOnLoopback(app, options.port ?? 0);
    const server = new TwitchApiServer(servers, port, log, faults);
    for (const listening of servers) {
      listening.on('upgrade', (req, socket, head) => {
        server.upgraded.add(socket);
        socket.once('close', () => server.upgraded.delete(socket));
        options.eventSub.webSocket.upgrade(req, socket, head);
      });
    }
    return server;
  }

  get baseUrl(): string {
    return `http://localhost:${this.port}`;
  }

  /** EventSub's WebSocket server here: `EventSubWsListener`'s `url`, TWITCH_EVENTSUB_WS_URL. */
  get eventSubWsUrl(): string {
    return `ws://localhost:${this.port}${WEBSOCKET_PATH}`;
  }

  /** Every request answered so far, oldest first. */
  requests(): readonly LoggedRequest[] {
    return this.log.all();
  }

  async stop(): Promise<void> {
    for (const socket of this.upgraded) socket.destroy();
    await Promise.all(this.servers.map(close));
  }
}

function helixRoutes(options: TwitchApiServerOptions, rateLimiter: RateLimiter): Router {
  return Router()
    .use(requireHelixAuth(options.world), rateLimiter.middleware())
    .use(
      usersRoutes(options.world),
      streamsRoutes(options.world),
      chatColorRoutes(options.world),
      chatBadgesRoutes(options.world),
      eventSubSubscriptionRoutes(options.eventSub),
    )
    .use(() => {
      throw new HelixError(404);
    });
}
