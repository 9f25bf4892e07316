import express, { Router, type Response } from 'express';
import { type DiscordWorld } from '../discord-world.js';
import { isRecord } from '../messages/form-errors.js';
import {
  authorizePage,
  errorPage,
  SCOPE_DESCRIPTIONS,
  type AuthorizationRequest,
} from './oauth2-page.js';

/** `/oauth2/authorize`: the consent screen, and the redirect back with a code or a refusal. */
export function oauth2AuthorizeRoutes(world: DiscordWorld): Router {
  const router = Router();

  router.get('/oauth2/authorize', (req, res) => {
    const request = readAuthorizationRequest(world, req.query);
    if (typeof request === 'string') refuse(res, request);
    else res.type('html').send(authorizePage(request, world.people()));
  });

  router.post('/oauth2/authorize', express.urlencoded({ extended: false }), (req, res) => {
    const form: unknown = req.body;
    const request = readAuthorizationRequest(world, form);
    if (typeof request === 'string') {
      refuse(res, request);
      return;
    }
    const userId = isRecord(form) ? form.user_id : undefined;
    const redirect = new URL(request.redirectUri);
    if (typeof userId !== 'string') {
      redirect.searchParams.set('error', 'access_denied');
      redirect.searchParams.set(
        'error_description',
        'The resource owner or authorization server denied the request',
      );
    } else if (world.people().some((person) => person.id === userId)) {
      const { app, scopes, redirectUri } = request;
      const code = world.oauth.issueCode({ clientId: app.clientId, userId, scopes, redirectUri });
      redirect.searchParams.set('code', code);
    } else {
      refuse(res, 'Unknown User');
      return;
    }
    if (request.state !== undefined) redirect.searchParams.set('state', request.state);
    res.redirect(302, redirect.href);
  });

  return router;
}

/** The authorize parameters, or what is wrong with them. */
function readAuthorizationRequest(
  world: DiscordWorld,
  params: unknown,
): AuthorizationRequest | string {
  const field = (name: string) =>
    isRecord(params) && typeof params[name] === 'string' ? params[name] : undefined;
  const app = world.oauthApps.get(field('client_id') ?? '');
  if (!app) return 'Unknown Application';
  if (field('response_type') !== 'code') return 'Invalid response_type';
  const [onlyUri] = app.redirectUris.length === 1 ? app.redirectUris : [];
  const redirectUri = field('redirect_uri') ?? onlyUri;
  if (redirectUri === undefined || !app.redirectUris.includes(redirectUri)) {
    return 'Invalid OAuth2 redirect_uri';
  }
  const scopes = (field('scope') ?? '').split(' ').filter((scope) => scope !== '');
  if (scopes.length === 0 || scopes.some((scope) => !(scope in SCOPE_DESCRIPTIONS))) {
    return 'Invalid scope';
  }
  return { app, redirectUri, scopes, state: field('state') };
}

function refuse(res: Response, problem: string): void {
  res.status(400).type('html').send(errorPage(problem));
}
