import { Router } from 'express';
import { type SimChannel, type SimStream, type TwitchWorld } from '../world/twitch-world.js';
import { HelixError, sendJson } from './errors.js';
import { helixStream } from './helix-json.js';
import { paginate } from './pagination.js';
import { pageSize, queryValue, queryValues } from './query.js';

type LiveChannel = SimChannel & { stream: SimStream };

/** `GET /helix/streams`: live channels, busiest first. */
export function streamsRoutes(world: TwitchWorld): Router {
  return Router().get('/streams', (req, res) => {
    const userIds = queryValues(req, 'user_id');
    const userLogins = queryValues(req, 'user_login').map((login) => login.toLowerCase());
    if (userIds.length + userLogins.length > 100) {
      throw new HelixError(
        400,
        'The sum of the user_id and user_login parameters must not exceed 100',
      );
    }
    const gameIds = queryValues(req, 'game_id');
    const languages = queryValues(req, 'language');
    const byUser = userIds.length + userLogins.length > 0;
    const live = [...world.channels.values()]
      .filter((channel): channel is LiveChannel => channel.stream !== null)
      .filter(
        ({ broadcaster }) =>
          !byUser || userIds.includes(broadcaster.id) || userLogins.includes(broadcaster.login),
      )
      .filter(({ stream }) => gameIds.length === 0 || gameIds.includes(stream.gameId))
      .filter(({ stream }) => languages.length === 0 || languages.includes(stream.language))
      .sort((a, b) => b.stream.viewerCount - a.stream.viewerCount);
    const page = paginate(live, queryValue(req, 'after'), pageSize(req, 20));
    sendJson(res, 200, { data: page.items.map(helixStream), pagination: page.pagination });
  });
}
