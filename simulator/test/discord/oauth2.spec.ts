import {
  type RESTAPIPartialCurrentUserGuild,
  type RESTPostOAuth2AccessTokenResult,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordServer } from '../../src/discord/discord-server.js';
import { type SimOAuthApp } from '../../src/discord/discord-world.js';
import { startTeamDiscord, type TeamDiscord } from './discord-fixture.js';
import { expectDefined } from '../support/expect-defined.js';

const REDIRECT_URI = 'http://127.0.0.1:4200/auth/discord/callback';

describe(DiscordServer.name, () => {
  let team: TeamDiscord;
  let app: SimOAuthApp;

  beforeAll(async () => {
    team = await startTeamDiscord();
    app = team.world.createOAuthApp({ redirectUris: [REDIRECT_URI] });
  });

  afterAll(async () => {
    await team.sut.stop();
  });

  const authorizeUrl = (scope: string) =>
    `${team.sut.baseUrl}/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: REDIRECT_URI,
      scope,
      state: 'xyz',
    }).toString()}`;

  /** Opens the consent screen and presses a button, the way a browser would submit the form. */
  async function choose(scope: string, button: { name: string; value: string }): Promise<URL> {
    const page = await (await fetch(authorizeUrl(scope))).text();
    const form = new URLSearchParams(
      [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
        ([, name, value]): [string, string] => {
          expectDefined(name);
          expectDefined(value);
          return [name, value.replace(/&amp;/g, '&')];
        },
      ),
    );
    form.set(button.name, button.value);
    const response = await fetch(`${team.sut.baseUrl}/oauth2/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  const requestToken = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${team.sut.apiBaseUrl}/oauth2/token`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(form),
    });

  async function signIn(scope: string): Promise<RESTPostOAuth2AccessTokenResult> {
    const callback = await choose(scope, { name: 'user_id', value: team.owner.id });
    const response = await requestToken({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as RESTPostOAuth2AccessTokenResult;
  }

  const asUser = (path: string, accessToken: string) =>
    fetch(`${team.sut.apiBaseUrl}/v10${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });

  describe('OAuth2 for end users', () => {
    it('lists every person as a button on the consent screen', async () => {
      const response = await fetch(authorizeUrl('identify guilds'));

      expect(response.status).toBe(200);
      await expect(response.text()).resolves.toContain(
        `<button type="submit" name="user_id" value="${team.owner.id}">Alice</button>`,
      );
    });

    it('signs a person in: consent, code, token, /users/@me and /users/@me/guilds', async () => {
      const { owner, guild } = team;

      const callback = await choose('identify guilds', { name: 'user_id', value: owner.id });
      expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
      expect(callback.searchParams.get('state')).toBe('xyz');
      const response = await requestToken(
        {
          grant_type: 'authorization_code',
          code: callback.searchParams.get('code') ?? '',
          redirect_uri: REDIRECT_URI,
        },
        { authorization: `Basic ${btoa(`${app.clientId}:${app.clientSecret}`)}` },
      );
      const token = (await response.json()) as RESTPostOAuth2AccessTokenResult;

      expect(token).toMatchObject({
        token_type: 'Bearer',
        expires_in: 604800,
        scope: 'identify guilds',
      });
      expect(Object.keys(token).sort()).toEqual([
        'access_token',
        'expires_in',
        'refresh_token',
        'scope',
        'token_type',
      ]);
      const me = await asUser('/users/@me', token.access_token);
      await expect(me.json()).resolves.toMatchObject({
        id: owner.id,
        username: 'alice',
        global_name: 'Alice',
      });
      const guilds = await asUser('/users/@me/guilds', token.access_token);
      const expected: RESTAPIPartialCurrentUserGuild[] = [
        {
          id: guild.id,
          name: 'Integron Team',
          icon: null,
          banner: null,
          owner: true,
          features: [],
          permissions: guild.permissionsOf(owner.id).toString(),
        },
      ];
      await expect(guilds.json()).resolves.toEqual(expected);
    });

    it('redirects with error=access_denied when the person cancels', async () => {
      const callback = await choose('identify', { name: 'cancel', value: 'true' });

      expect(callback.searchParams.get('error')).toBe('access_denied');
      expect(callback.searchParams.get('state')).toBe('xyz');
      expect(callback.searchParams.has('code')).toBe(false);
    });

    it('needs the guilds scope for /users/@me/guilds and keeps e-mail to the email scope', async () => {
      const token = await signIn('identify');

      expect((await asUser('/users/@me/guilds', token.access_token)).status).toBe(401);
      const me = (await (await asUser('/users/@me', token.access_token)).json()) as object;
      expect(me).not.toHaveProperty('email');
    });

    it('accepts a code once', async () => {
      const callback = await choose('identify', { name: 'user_id', value: team.owner.id });
      const exchange = () =>
        requestToken({
          grant_type: 'authorization_code',
          code: callback.searchParams.get('code') ?? '',
          redirect_uri: REDIRECT_URI,
          client_id: app.clientId,
          client_secret: app.clientSecret,
        });

      expect((await exchange()).status).toBe(200);
      const second = await exchange();
      expect(second.status).toBe(400);
      await expect(second.json()).resolves.toEqual({
        error: 'invalid_grant',
        error_description: 'Invalid "code" in request.',
      });
    });

    it('rotates tokens on refresh', async () => {
      const first = await signIn('identify guilds');

      const response = await requestToken({
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      });
      const second = (await response.json()) as RESTPostOAuth2AccessTokenResult;

      expect(second.access_token).not.toBe(first.access_token);
      expect((await asUser('/users/@me', second.access_token)).status).toBe(200);
      expect((await asUser('/users/@me', first.access_token)).status).toBe(401);
    });

    it('refuses a wrong client secret with invalid_client', async () => {
      const response = await requestToken({
        grant_type: 'authorization_code',
        code: 'whatever',
        client_id: app.clientId,
        client_secret: 'wrong',
      });

      expect(response.status).toBe(401);
      await expect(response.json()).resolves.toEqual({ error: 'invalid_client' });
    });

    it('shows an error page for a redirect URI the application did not register', async () => {
      const url = new URL(authorizeUrl('identify'));
      url.searchParams.set('redirect_uri', 'https://evil.example/callback');

      const response = await fetch(url);

      expect(response.status).toBe(400);
      await expect(response.text()).resolves.toContain('Invalid OAuth2 redirect_uri');
    });

    it('does not let a bearer token use bot routes', async () => {
      const token = await signIn('identify guilds');

      expect((await asUser(`/guilds/${team.guild.id}/channels`, token.access_token)).status).toBe(
        401,
      );
    });
  });
});
