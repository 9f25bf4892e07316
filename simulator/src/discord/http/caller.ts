import { type APIUser } from 'discord-api-types/v10';
import { type Request, type RequestHandler } from 'express';
import { discordErrors } from '../discord-error.js';
import { type DiscordWorld } from '../discord-world.js';
import { type OAuthAccess } from '../oauth-grants.js';

/** Who a request authenticated as: a bot by its token, or a person by an OAuth2 access token. */
export type Caller =
  { kind: 'bot'; user: APIUser } | { kind: 'bearer'; user: APIUser; access: OAuthAccess };

const callers = new WeakMap<Request, Caller>();

/** 401 unless `Authorization` is `Bot <token>` or `Bearer <token>` of a kind the route accepts. */
export function authenticate(
  world: DiscordWorld,
  accepted: readonly Caller['kind'][] = ['bot'],
): RequestHandler {
  return (req, _res, next) => {
    const caller = identify(world, req.get('authorization') ?? '');
    if (!caller || !accepted.includes(caller.kind)) throw discordErrors.unauthorized();
    callers.set(req, caller);
    next();
  };
}

export function findCaller(req: Request): Caller | undefined {
  return callers.get(req);
}

export function callerOf(req: Request): Caller {
  const caller = callers.get(req);
  if (!caller) throw new Error(`${req.method} ${req.path} is missing authenticate()`);
  return caller;
}

function identify(world: DiscordWorld, authorization: string): Caller | undefined {
  const [scheme, token = ''] = authorization.split(' ');
  if (scheme === 'Bot') {
    const bot = world.botByToken(token);
    return bot && { kind: 'bot', user: bot.user };
  }
  if (scheme === 'Bearer') {
    const access = world.oauth.access(token);
    const user = access && world.users.get(access.userId);
    return user && access && { kind: 'bearer', user, access };
  }
  return undefined;
}
