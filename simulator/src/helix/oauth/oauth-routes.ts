import express, { Router } from 'express';
import { type TwitchWorld } from '../../world/twitch-world.js';
import { OAuthError, sendJson } from '../errors.js';
import { AuthorizationCodes } from './authorization-codes.js';
import { authorizeRoutes } from './authorize-routes.js';
import { DeviceAuthorizations } from './device-authorizations.js';
import { deviceRoutes } from './device-routes.js';
import { oauthParams, registeredApp } from './oauth-requests.js';
import { tokenRoutes } from './token-routes.js';

/**
 * id.twitch.tv/oauth2: tokens, validation, revocation and the pages a person signs in on.
 * `pagesUrl` is where browsers reach those pages when not at this router's own address.
 */
export function oauthRoutes(world: TwitchWorld, pagesUrl?: string): Router {
  const codes = new AuthorizationCodes(world.clock);
  const devices = new DeviceAuthorizations(world.clock);
  return Router()
    .use(express.urlencoded({ extended: false }))
    .use(tokenRoutes({ world, codes, devices }))
    .use(authorizeRoutes(world, codes))
    .use(deviceRoutes(world, devices, pagesUrl))
    .get('/validate', (req, res) => {
      const presented = /^(?:OAuth|Bearer)\s+(\S+)$/i.exec(req.get('Authorization') ?? '')?.[1];
      if (!presented) throw new OAuthError(401, 'missing authorization token');
      const token = world.tokens.validate(presented);
      if (!token) throw new OAuthError(401, 'invalid access token');
      const user = token.userId === null ? undefined : world.users.get(token.userId);
      const expiresIn = Math.floor((token.expiresAt - world.clock.now()) / 1000);
      sendJson(res, 200, {
        client_id: token.clientId,
        ...(user && { login: user.login }),
        scopes: token.scopes,
        ...(user && { user_id: user.id }),
        expires_in: expiresIn,
      });
    })
    .post('/revoke', (req, res) => {
      const params = oauthParams(req);
      const app = registeredApp(world, params.client_id);
      const token = world.tokens.validate(params.token ?? '');
      if (token?.clientId !== app.clientId) throw new OAuthError(400, 'Invalid token');
      world.tokens.revoke(token.token);
      res.status(200).end();
    })
    .use(() => {
      throw new OAuthError(404, 'Not Found');
    });
}
