import { OAuth2Scopes, type RESTAPIPartialCurrentUserGuild } from 'discord-api-types/v10';
import { Router, type Request } from 'express';
import { discordErrors } from '../discord-error.js';
import { currentUser } from '../users.js';
import { type ApiContext } from './api-context.js';
import { authenticate, callerOf, type Caller } from './caller.js';
import { BUCKETS, globalRateLimit, routeRateLimit } from './rate-limits.js';

/** The current user and their guilds, for bots and for OAuth2 bearer tokens. */
export function usersRoutes({ world, limiter }: ApiContext): Router {
  const router = Router();
  router.use('/users', authenticate(world, ['bot', 'bearer']), globalRateLimit(limiter));

  router.get('/users/@me', routeRateLimit(limiter, BUCKETS.currentUser), (req, res) => {
    const caller = callerWithScope(req, OAuth2Scopes.Identify);
    res.json(currentUser(caller.user, caller.kind === 'bearer' ? caller.access.scopes : undefined));
  });

  router.get(
    '/users/@me/guilds',
    routeRateLimit(limiter, BUCKETS.currentUserGuilds),
    (req, res) => {
      const { user } = callerWithScope(req, OAuth2Scopes.Guilds);
      const guilds: RESTAPIPartialCurrentUserGuild[] = [...world.guilds.values()]
        .filter((guild) => guild.isMember(user.id))
        .map((guild) => ({
          id: guild.id,
          name: guild.name,
          icon: null,
          banner: null,
          owner: guild.ownerId === user.id,
          features: [],
          permissions: guild.permissionsOf(user.id).toString(),
        }));
      res.json(guilds);
    },
  );

  return router;
}

/** Bots may call these routes; a bearer token needs the route's scope (401 otherwise). */
function callerWithScope(req: Request, scope: OAuth2Scopes): Caller {
  const caller = callerOf(req);
  if (caller.kind === 'bearer' && !caller.access.scopes.includes(scope)) {
    throw discordErrors.unauthorized();
  }
  return caller;
}
