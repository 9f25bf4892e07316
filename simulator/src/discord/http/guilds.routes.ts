import { Router } from 'express';
import { memberGuild } from '../channel-access.js';
import { type ApiContext } from './api-context.js';
import { authenticate, callerOf } from './caller.js';
import { BUCKETS, globalRateLimit, routeRateLimit } from './rate-limits.js';

/** A bot's view of the guilds it is in: their channels and roles. */
export function guildsRoutes({ world, limiter }: ApiContext): Router {
  const router = Router();
  router.use('/guilds', authenticate(world), globalRateLimit(limiter));

  router
    .route('/guilds/:guildId/channels')
    .get(routeRateLimit(limiter, BUCKETS.guildChannels, 'guildId'), (req, res) => {
      const guild = memberGuild(world, req.params.guildId, callerOf(req).user.id);
      res.json([...guild.channels.values()]);
    });

  router
    .route('/guilds/:guildId/roles')
    .get(routeRateLimit(limiter, BUCKETS.guildRoles, 'guildId'), (req, res) => {
      const guild = memberGuild(world, req.params.guildId, callerOf(req).user.id);
      res.json([...guild.roles.values()]);
    });

  return router;
}
