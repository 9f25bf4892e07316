import { Router } from 'express';
import { type SimUser, type TwitchWorld } from '../world/twitch-world.js';
import { HelixError, sendJson } from './errors.js';
import { helixToken } from './helix-auth.js';
import { helixUser } from './helix-json.js';
import { queryValues } from './query.js';

/** `GET /helix/users`. */
export function usersRoutes(world: TwitchWorld): Router {
  return Router().get('/users', (req, res) => {
    const token = helixToken(req);
    const ids = queryValues(req, 'id');
    const logins = queryValues(req, 'login');
    if (ids.length + logins.length > 100) {
      throw new HelixError(400, 'The sum of the id and login parameters must not exceed 100');
    }
    const named = ids.length + logins.length > 0;
    if (!named && token.userId === null) {
      throw new HelixError(400, 'Must provide an ID, Login or OAuth Token.');
    }
    const wanted = named
      ? [...ids.map((id) => world.users.get(id)), ...logins.map((l) => world.userByLogin(l))]
      : [world.users.get(token.userId ?? '')];
    const users = new Set(wanted.filter((user): user is SimUser => user !== undefined));
    const mayReadEmail = token.scopes.includes('user:read:email');
    const data = [...users].map((user) =>
      helixUser(user, mayReadEmail && user.id === token.userId),
    );
    sendJson(res, 200, { data });
  });
}
