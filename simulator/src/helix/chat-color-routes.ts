import { Router } from 'express';
import { type SimUser, type TwitchWorld } from '../world/twitch-world.js';
import { NAMED_CHAT_COLORS } from './chat-colors.js';
import { HelixError, sendJson } from './errors.js';
import { helixToken, requireScope } from './helix-auth.js';
import { queryValues, requiredQuery } from './query.js';

/** `GET` and `PUT /helix/chat/color`; a change shows in chat from the next message on. */
export function chatColorRoutes(world: TwitchWorld): Router {
  return Router()
    .get('/chat/color', (req, res) => {
      const ids = queryValues(req, 'user_id');
      if (ids.length === 0) throw new HelixError(400, 'Missing required parameter "user_id"');
      if (ids.length > 100)
        throw new HelixError(400, 'The number of user_id parameters must not exceed 100');
      const users = ids
        .map((id) => world.users.get(id))
        .filter((u): u is SimUser => u !== undefined);
      const data = users.map((user) => ({
        user_id: user.id,
        user_login: user.login,
        user_name: user.displayName,
        color: user.chatColor,
      }));
      sendJson(res, 200, { data });
    })
    .put('/chat/color', (req, res) => {
      const token = helixToken(req);
      requireScope(token, 'user:manage:chat_color');
      const userId = requiredQuery(req, 'user_id');
      if (userId !== token.userId) {
        throw new HelixError(401, 'The ID in user_id must match the user ID in the access token.');
      }
      const user = world.users.get(userId);
      if (!user) throw new HelixError(400, 'The ID in user_id was not found.');
      user.chatColor = chosenColor(user, requiredQuery(req, 'color'));
      res.status(204).end();
    });
}

function chosenColor(user: SimUser, color: string): string {
  const named = NAMED_CHAT_COLORS.get(color.toLowerCase());
  if (named) return named;
  if (!/^#[0-9a-f]{6}$/i.test(color)) {
    throw new HelixError(400, 'The named color in the color query parameter is not valid.');
  }
  if (!user.hasTurbo && !user.hasPrime) {
    throw new HelixError(400, 'Only Turbo and Prime users may use a hex color code.');
  }
  return color.toUpperCase();
}
