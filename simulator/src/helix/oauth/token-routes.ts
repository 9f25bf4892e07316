import { Router } from 'express';
import { type IssuedToken, type SimApp, type TwitchWorld } from '../../world/twitch-world.js';
import { OAuthError, sendJson } from '../errors.js';
import { type AuthorizationCodes } from './authorization-codes.js';
import { type DeviceAuthorizations } from './device-authorizations.js';
import { checkClientSecret, oauthParams, registeredApp } from './oauth-requests.js';

type Params = Partial<Record<string, string>>;

interface Grants {
  world: TwitchWorld;
  codes: AuthorizationCodes;
  devices: DeviceAuthorizations;
}

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** `POST /oauth2/token` for every grant type Twitch offers. */
export function tokenRoutes(grants: Grants): Router {
  return Router().post('/token', (req, res) => {
    const params = oauthParams(req);
    const app = registeredApp(grants.world, params.client_id);
    sendJson(res, 200, exchange(grants, app, params));
  });
}

function exchange({ world, codes, devices }: Grants, app: SimApp, params: Params): object {
  switch (params.grant_type ?? '') {
    case 'authorization_code': {
      checkClientSecret(app, params.client_secret);
      const grant = codes.redeem(params.code ?? '', app.clientId, params.redirect_uri);
      if (!grant) throw new OAuthError(400, 'Invalid authorization code');
      return userToken(world.tokens.issueUserToken(app.clientId, grant.userId, grant.scopes));
    }
    case 'refresh_token': {
      // Public clients refresh without a secret (a given one must be right); others must send it.
      if (!app.isPublic || params.client_secret !== undefined) {
        checkClientSecret(app, params.client_secret);
      }
      const refreshed = world.tokens.refresh(params.refresh_token ?? '', app.clientId);
      if (!refreshed) throw new OAuthError(400, 'Invalid refresh token');
      return userToken(refreshed);
    }
    case 'client_credentials': {
      checkClientSecret(app, params.client_secret);
      const issued = world.tokens.issueAppToken(app.clientId);
      return {
        access_token: issued.accessToken,
        expires_in: issued.expiresIn,
        token_type: 'bearer',
      };
    }
    case DEVICE_CODE_GRANT:
      return deviceToken(world, devices, app, params);
    default:
      throw new OAuthError(400, 'unsupported grant type');
  }
}

function deviceToken(
  world: TwitchWorld,
  devices: DeviceAuthorizations,
  app: SimApp,
  params: Params,
): object {
  const poll = devices.poll(params.device_code ?? '', app.clientId);
  switch (poll.state) {
    case 'pending':
      throw new OAuthError(400, 'authorization_pending');
    case 'denied':
      throw new OAuthError(400, 'authorization_denied');
    case 'invalid':
      throw new OAuthError(400, 'invalid device code');
    case 'approved':
      return userToken(
        world.tokens.issueUserToken(app.clientId, poll.grant.userId, poll.grant.scopes),
      );
  }
}

function userToken(issued: IssuedToken) {
  return {
    access_token: issued.accessToken,
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    scope: issued.scopes,
    token_type: 'bearer',
  };
}
