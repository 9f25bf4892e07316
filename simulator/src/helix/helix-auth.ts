import { type Request, type RequestHandler } from 'express';
import { type SimAccessToken, type TwitchWorld } from '../world/twitch-world.js';
import { HelixError } from './errors.js';

const tokensByRequest = new WeakMap<Request, SimAccessToken>();

/** Helix wants `Client-Id` and `Authorization: Bearer <token>` of that client on every call. */
export function requireHelixAuth(world: TwitchWorld): RequestHandler {
  return (req, _res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('Authorization') ?? '')?.[1];
    if (!bearer) throw new HelixError(401, 'OAuth token is missing');
    const clientId = req.get('Client-Id');
    if (!clientId) throw new HelixError(401, 'Client ID is missing');
    const token = world.tokens.validate(bearer);
    if (!token) throw new HelixError(401, 'Invalid OAuth token');
    if (token.clientId !== clientId) {
      throw new HelixError(401, 'Client ID and OAuth token do not match');
    }
    tokensByRequest.set(req, token);
    next();
  };
}

/** The token `requireHelixAuth` accepted for this request. */
export function helixToken(req: Request): SimAccessToken {
  const token = tokensByRequest.get(req);
  if (!token) throw new Error('helixToken() called on a route without requireHelixAuth');
  return token;
}

export function requireScope(token: SimAccessToken, scope: string): void {
  if (!token.scopes.includes(scope)) throw new HelixError(401, `Missing scope: ${scope}`);
}
