import express, { type Express } from 'express';
import { type DiscordWorld } from './discord-world.js';
import { type Faults } from './faults.js';
import { channelMessagesRoutes } from './http/channel-messages.routes.js';
import { apiNotFound, sendDiscordErrors } from './http/errors.js';
import { guildsRoutes } from './http/guilds.routes.js';
import { injectFaults } from './http/inject-faults.js';
import { oauth2AuthorizeRoutes } from './http/oauth2-authorize.routes.js';
import { oauth2TokenRoutes } from './http/oauth2-token.routes.js';
import { recordRequests, type RecordedRequest } from './http/record-requests.js';
import { usersRoutes } from './http/users.routes.js';
import { webhooksRoutes } from './http/webhooks.routes.js';
import { MessageComposer } from './messages/message-composer.js';
import { RateLimiter } from './rate-limiter.js';

export interface DiscordAppParts {
  world: DiscordWorld;
  faults: Faults;
  /** Receives every answered request. */
  log: RecordedRequest[];
}

/**
 * Discord's HTTP surface: the v10 REST API under `/api/v10` (and, like Discord, unversioned
 * under `/api`) and the OAuth2 consent screen under `/oauth2`.
 */
export function createDiscordApp({ world, faults, log }: DiscordAppParts): Express {
  const context = {
    world,
    limiter: new RateLimiter(world.clock),
    composer: new MessageComposer(world),
  };
  const api = express
    .Router()
    .use(express.json())
    .use(channelMessagesRoutes(context))
    .use(webhooksRoutes(context))
    .use(usersRoutes(context))
    .use(guildsRoutes(context))
    .use(oauth2TokenRoutes(world))
    .use(apiNotFound);

  return express()
    .disable('x-powered-by')
    .disable('etag')
    .use(recordRequests(log, world.clock))
    .use(injectFaults(faults))
    .use(oauth2AuthorizeRoutes(world))
    .use(['/api/v10', '/api'], api)
    .use(sendDiscordErrors);
}
