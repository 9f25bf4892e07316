import express, { Router } from 'express';
import { type Server } from 'node:http';
import { type EventSubService } from '../eventsub/eventsub-service.js';
import { type TwitchWorld } from '../world/twitch-world.js';
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
 * and `/eventsub/subscriptions` sits beside `/mock`.
 */
export class TwitchApiServer {
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
    return new TwitchApiServer(servers, port, log, faults);
  }

  get baseUrl(): string {
    return `http://localhost:${this.port}`;
  }

  /** Every request answered so far, oldest first. */
  requests(): readonly LoggedRequest[] {
    return this.log.all();
  }

  async stop(): Promise<void> {
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
      eventSubSubscriptionRoutes(options.eventSub),
    )
    .use(() => {
      throw new HelixError(404);
    });
}
