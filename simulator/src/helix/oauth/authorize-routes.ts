import { Router } from 'express';
import { type SimApp, type TwitchWorld } from '../../world/twitch-world.js';
import { OAuthError } from '../errors.js';
import { type AuthorizationCodes } from './authorization-codes.js';
import { oauthParams, registeredApp } from './oauth-requests.js';
import { consentPage } from './pages.js';
import { parseScopes } from './twitch-scopes.js';

interface RedirectTarget {
  redirectUri: string;
  state: string | undefined;
}

interface AuthorizationRequest extends RedirectTarget {
  app: SimApp;
  scopes: string[];
}

type Checked = { ok: true; request: AuthorizationRequest } | { ok: false; redirect: string };

const FORWARDED_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state'] as const;

/** The authorization-code flow's page: `GET` shows who may sign in, `POST` is the choice. */
export function authorizeRoutes(world: TwitchWorld, codes: AuthorizationCodes): Router {
  return Router()
    .get('/authorize', (req, res) => {
      const params = oauthParams(req);
      const checked = checkAuthorization(world, params);
      if (!checked.ok) {
        res.redirect(checked.redirect);
        return;
      }
      const { app, scopes } = checked.request;
      const hidden = Object.fromEntries(FORWARDED_PARAMS.map((name) => [name, params[name]]));
      const page = consentPage({
        title: `Authorize ${app.name}`,
        action: 'authorize',
        scopes,
        hidden,
        users: world.users.values(),
      });
      res.type('html').send(page);
    })
    .post('/authorize', (req, res) => {
      const params = oauthParams(req);
      const checked = checkAuthorization(world, params);
      if (!checked.ok) {
        res.redirect(checked.redirect);
        return;
      }
      const { request } = checked;
      if (params.cancel !== undefined) {
        res.redirect(
          redirectWith(request, {
            error: 'access_denied',
            error_description: 'The user denied you access',
          }),
        );
        return;
      }
      const user = world.users.get(params.user_id ?? '');
      if (!user) throw new OAuthError(400, 'invalid user_id');
      const grant = { clientId: request.app.clientId, userId: user.id, scopes: request.scopes };
      const code = codes.issue(grant, request.redirectUri);
      res.redirect(redirectWith(request, { code, scope: request.scopes.join(' ') }));
    });
}

/**
 * A bad client or redirect URI is answered here; anything else wrong goes back to the
 * application's redirect URI as `error`, as OAuth 2 wants.
 */
function checkAuthorization(world: TwitchWorld, params: Partial<Record<string, string>>): Checked {
  const app = registeredApp(world, params.client_id);
  const redirectUri = params.redirect_uri;
  if (!redirectUri || !URL.canParse(redirectUri)) {
    throw new OAuthError(400, 'missing or invalid redirect_uri');
  }
  if (app.redirectUris.length > 0 && !app.redirectUris.includes(redirectUri)) {
    throw new OAuthError(400, 'Parameter redirect_uri does not match registered URI');
  }
  const target = { redirectUri, state: params.state };
  if (params.response_type !== 'code') {
    const error = {
      error: 'unsupported_response_type',
      error_description: 'response_type must be code',
    };
    return { ok: false, redirect: redirectWith(target, error) };
  }
  const scopes = parseScopes(params.scope);
  if (!scopes) {
    const error = { error: 'invalid_scope', error_description: 'Invalid scope requested' };
    return { ok: false, redirect: redirectWith(target, error) };
  }
  return { ok: true, request: { app, ...target, scopes } };
}

function redirectWith(target: RedirectTarget, params: Record<string, string>): string {
  const url = new URL(target.redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (target.state !== undefined) url.searchParams.set('state', target.state);
  return url.toString();
}
