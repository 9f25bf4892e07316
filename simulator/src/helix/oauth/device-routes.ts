import { type Request, Router } from 'express';
import { type TwitchWorld } from '../../world/twitch-world.js';
import { OAuthError, sendJson } from '../errors.js';
import {
  DEVICE_CODE_LIFETIME_S,
  DEVICE_POLL_INTERVAL_S,
  type DeviceAuthorizations,
} from './device-authorizations.js';
import { oauthParams, registeredApp } from './oauth-requests.js';
import { consentPage, messagePage } from './pages.js';
import { parseScopes } from './twitch-scopes.js';

/**
 * The device-code flow: `POST /device` starts it, `/activate` is where a person approves. The
 * verification URI is under `pagesUrl` when given, else beside `/device` on the caller's host.
 */
export function deviceRoutes(
  world: TwitchWorld,
  devices: DeviceAuthorizations,
  pagesUrl?: string,
): Router {
  return Router()
    .post('/device', (req, res) => {
      const params = oauthParams(req);
      const app = registeredApp(world, params.client_id);
      const scopes = parseScopes(params.scopes);
      if (!scopes) throw new OAuthError(400, 'invalid scope requested');
      const authorization = devices.start(app.clientId, scopes);
      const verificationUri = new URL(pagesUrl ? `${pagesUrl}/activate` : 'activate', ownUrl(req));
      verificationUri.searchParams.set('device-code', authorization.userCode);
      sendJson(res, 200, {
        device_code: authorization.deviceCode,
        expires_in: DEVICE_CODE_LIFETIME_S,
        interval: DEVICE_POLL_INTERVAL_S,
        user_code: authorization.userCode,
        verification_uri: verificationUri.toString(),
      });
    })
    .get('/activate', (req, res) => {
      const userCode = oauthParams(req)['device-code'] ?? '';
      const waiting = devices.undecided(userCode);
      const appName = waiting && world.apps.get(waiting.clientId)?.name;
      const page = consentPage({
        title: appName ? `Activate ${appName}` : 'Activate a device',
        action: 'activate',
        scopes: waiting?.scopes ?? [],
        hidden: {},
        users: world.users.values(),
        userCode,
      });
      res.type('html').send(page);
    })
    .post('/activate', (req, res) => {
      const params = oauthParams(req);
      const userCode = params.user_code ?? '';
      if (params.cancel !== undefined) {
        const denied = devices.decide(userCode, 'denied');
        res.status(denied ? 200 : 400).type('html');
        res.send(
          denied ? messagePage('Access denied', 'The device was not connected.') : invalidCode(),
        );
        return;
      }
      const user = world.users.get(params.user_id ?? '');
      if (!user) throw new OAuthError(400, 'invalid user_id');
      if (!devices.decide(userCode, { approvedBy: user.id })) {
        res.status(400).type('html').send(invalidCode());
        return;
      }
      const message = `The device may now act as ${user.displayName}. You can close this window.`;
      res.type('html').send(messagePage('Device connected', message));
    });
}

function invalidCode(): string {
  return messagePage('Invalid code', 'This code is not valid or has expired.');
}

/** Where `req` was sent, as its caller addressed this server. */
function ownUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
}
