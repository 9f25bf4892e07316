import { type Request } from 'express';
import { type SimApp, type TwitchWorld } from '../../world/twitch-world.js';
import { OAuthError } from '../errors.js';

/**
 * id.twitch.tv's parameters, from a form body or the query string (twurple sends them there);
 * the body wins when both name one.
 */
export function oauthParams(req: Request): Partial<Record<string, string>> {
  const params: Partial<Record<string, string>> = {};
  for (const source of [req.query, req.body as unknown]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const [name, value] of Object.entries(source)) {
      if (typeof value === 'string') params[name] = value;
    }
  }
  return params;
}

export function registeredApp(world: TwitchWorld, clientId: string | undefined): SimApp {
  if (!clientId) throw new OAuthError(400, 'missing client_id');
  const app = world.apps.get(clientId);
  if (!app) throw new OAuthError(400, 'invalid client');
  return app;
}

export function checkClientSecret(app: SimApp, clientSecret: string | undefined): void {
  if (clientSecret !== app.clientSecret) throw new OAuthError(403, 'invalid client secret');
}
