import { Router } from 'express';
import { type TwitchWorld } from '../world/twitch-world.js';
import { channelBadgeSets, globalBadgeSets } from './chat-badges.js';
import { HelixError, sendJson } from './errors.js';
import { requiredQuery } from './query.js';

/** `GET /helix/chat/badges/global` and `GET /helix/chat/badges?broadcaster_id=`, any token. */
export function chatBadgesRoutes(world: TwitchWorld): Router {
  return Router()
    .get('/chat/badges/global', (_req, res) => {
      sendJson(res, 200, { data: globalBadgeSets() });
    })
    .get('/chat/badges', (req, res) => {
      const broadcasterId = requiredQuery(req, 'broadcaster_id');
      if (!/^\d+$/.test(broadcasterId)) throw new HelixError(400, 'Invalid broadcaster_id');
      const channel = world.channels.get(broadcasterId);
      sendJson(res, 200, { data: channel ? channelBadgeSets(channel, world.random.seed) : [] });
    });
}
