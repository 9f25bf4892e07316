import { type RESTPostOAuth2AccessTokenResult } from 'discord-api-types/v10';
import express, { Router, type Request } from 'express';
import { type DiscordWorld, type SimOAuthApp } from '../discord-world.js';
import { isRecord } from '../messages/form-errors.js';
import { ACCESS_TOKEN_LIFETIME_S, type OAuthAccess } from '../oauth-grants.js';

type Form = Readonly<Record<string, string | undefined>>;

/** An RFC 6749 error answer, as Discord words them. */
interface OAuthFailure {
  status: number;
  body: { error: string; error_description?: string };
}

/** `POST /oauth2/token`: exchanges authorization codes and refresh tokens for access tokens. */
export function oauth2TokenRoutes(world: DiscordWorld): Router {
  return Router().post('/oauth2/token', express.urlencoded({ extended: false }), (req, res) => {
    const form = formOf(req.body);
    const app = authenticateClient(world, req, form);
    const outcome = app ? exchange(world, app, form) : failure(401, 'invalid_client');
    if ('accessToken' in outcome) res.json(tokenResult(outcome));
    else res.status(outcome.status).json(outcome.body);
  });
}

function exchange(world: DiscordWorld, app: SimOAuthApp, form: Form): OAuthAccess | OAuthFailure {
  if (form.grant_type === 'authorization_code') {
    const grant = world.oauth.redeemCode(form.code ?? '', app.clientId);
    if (!grant) return invalidGrant('code');
    if (grant.redirectUri !== form.redirect_uri) return invalidGrant('redirect_uri');
    return world.oauth.issueAccess(grant);
  }
  if (form.grant_type === 'refresh_token') {
    return (
      world.oauth.refresh(form.refresh_token ?? '', app.clientId) ?? invalidGrant('refresh_token')
    );
  }
  return failure(400, 'unsupported_grant_type');
}

const failure = (status: number, error: string, description?: string): OAuthFailure => ({
  status,
  body: { error, ...(description && { error_description: description }) },
});

const invalidGrant = (field: string) =>
  failure(400, 'invalid_grant', `Invalid "${field}" in request.`);

function formOf(body: unknown): Form {
  if (!isRecord(body)) return {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The client, authenticated by HTTP Basic auth or by `client_id` and `client_secret` in the form. */
function authenticateClient(
  world: DiscordWorld,
  req: Request,
  form: Form,
): SimOAuthApp | undefined {
  const basicCredentials = /^Basic (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
  const [clientId, clientSecret] =
    basicCredentials === undefined
      ? [form.client_id, form.client_secret]
      : Buffer.from(basicCredentials, 'base64').toString().split(':');
  const app = world.oauthApps.get(clientId ?? '');
  return app?.clientSecret === clientSecret ? app : undefined;
}

function tokenResult(access: OAuthAccess): RESTPostOAuth2AccessTokenResult {
  return {
    access_token: access.accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    refresh_token: access.refreshToken,
    scope: access.scopes.join(' '),
  };
}
