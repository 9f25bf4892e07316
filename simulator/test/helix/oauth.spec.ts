import { exchangeCode, getTokenInfo, revokeToken } from '@twurple/auth';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSubService } from '../../src/eventsub/eventsub-service.js';
import { TwitchApiServer } from '../../src/helix/twitch-api-server.js';
import { SeededRandom } from '../../src/world/random.js';
import { type SimApp, TwitchWorld } from '../../src/world/twitch-world.js';
import { createCast } from '../eventsub/fixtures.js';
import { anyNumber, anyString, matching } from '../eventsub/matchers.js';
import { expectDefined } from '../support/expect-defined.js';

const SCOPES = ['user:read:email', 'user:manage:chat_color'];

/** The hidden fields of the page's form, as a browser would submit them. */
function formFields(html: string): URLSearchParams {
  const entities: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };
  const decode = (text: string) =>
    text.replace(/&(amp|quot|lt|gt|#39);/g, (entity, e: string) => entities[e] ?? entity);
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input type="hidden" name="([^"]*)" value="([^"]*)">/g,
  )) {
    expectDefined(name);
    expectDefined(value);
    fields.append(decode(name), decode(value));
  }
  return fields;
}

/** Where the page's form posts, as a browser resolves it against the page's address. */
function formAction(html: string, pageUrl: string): string {
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  expectDefined(action);
  return new URL(action, pageUrl).toString();
}

/** A proxy's address for the pages, under a path of its own. */
const PROXIED_PAGES = 'https://integron.example/demo/twitch/auth';

describe(`${TwitchApiServer.name} OAuth`, () => {
  const cast = createCast(new TwitchWorld(new SeededRandom(5)));
  const { world, viewer } = cast;
  let sut: TwitchApiServer;
  let callbackServer: Server;
  let app: SimApp;
  let redirectUri: string;

  const auth = (path: string, init?: RequestInit) => fetch(`${sut.baseUrl}/auth/${path}`, init);
  const post = (path: string, params: Record<string, string>) =>
    auth(`${path}?${new URLSearchParams(params).toString()}`, { method: 'POST' });

  beforeAll(async () => {
    sut = await TwitchApiServer.start({ world, eventSub: new EventSubService({ world }) });
    process.env.TWURPLE_MOCK_API_PORT = String(sut.port);
    callbackServer = createServer((_req, res) => res.end('signed in'));
    await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
    redirectUri = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/callback`;
    app = world.registerApp({ name: 'Overlay Studio', redirectUris: [redirectUri] });
  });

  afterAll(async () => {
    await sut.stop();
    callbackServer.closeAllConnections();
    await new Promise((resolve) => callbackServer.close(resolve));
  });

  describe('authorization code', () => {
    const authorizeUrl = (params: Record<string, string> = {}) =>
      `${sut.baseUrl}/auth/authorize?${new URLSearchParams({
        client_id: app.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: SCOPES.join(' '),
        state: 'c3ab8aa609ea11e793ae92361f002671',
        ...params,
      }).toString()}`;

    const choose = async (choice: Record<string, string>) => {
      const page = await fetch(authorizeUrl());
      const fields = formFields(await page.text());
      for (const [name, value] of Object.entries(choice)) fields.set(name, value);
      return fetch(`${sut.baseUrl}/auth/authorize`, { method: 'POST', body: fields });
    };

    it('shows a page listing who may sign in', async () => {
      const page = await fetch(authorizeUrl());

      const html = await page.text();
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html).toContain('Authorize Overlay Studio');
      expect(html).toContain(
        `<button type="submit" name="user_id" value="${viewer.id}">FrostFox (frostfox)</button>`,
      );
      expect(html).toContain('<button type="submit" name="cancel" value="1">Cancel</button>');
      expect(html).toContain('강동원 (kangdongwon)');
    });

    it('posts its form relative to the page, so that a proxy may serve it under any path', async () => {
      const html = await (await fetch(authorizeUrl())).text();

      expect(formAction(html, `${sut.baseUrl}/auth/authorize?client_id=x`)).toBe(
        `${sut.baseUrl}/auth/authorize`,
      );
      expect(formAction(html, `${PROXIED_PAGES}/authorize?client_id=x`)).toBe(
        `${PROXIED_PAGES}/authorize`,
      );
    });

    it('redirects with a code that @twurple/auth exchanges once for the chosen user’s token', async () => {
      const landed = await choose({ user_id: viewer.id });

      const location = new URL(landed.url);
      const code = location.searchParams.get('code')!;
      const token = await exchangeCode(app.clientId, app.clientSecret, code, redirectUri);
      expect(await landed.text()).toBe('signed in');
      expect(location.searchParams.get('state')).toBe('c3ab8aa609ea11e793ae92361f002671');
      expect(location.searchParams.get('scope')).toBe(SCOPES.join(' '));
      expect(token).toMatchObject({ scope: SCOPES, refreshToken: anyString() });
      expect(world.tokens.validate(token.accessToken)).toMatchObject({ userId: viewer.id });
      await expect(
        exchangeCode(app.clientId, app.clientSecret, code, redirectUri),
      ).rejects.toMatchObject({ statusCode: 400 });
    });

    it('redirects with access_denied when the person cancels', async () => {
      const landed = await choose({ cancel: '1' });

      const location = new URL(landed.url);
      expect(location.searchParams.get('error')).toBe('access_denied');
      expect(location.searchParams.get('state')).toBe('c3ab8aa609ea11e793ae92361f002671');
      expect(location.searchParams.has('code')).toBe(false);
    });

    it.each([
      [{ client_id: 'unknown' }, 'invalid client'],
      [
        { redirect_uri: 'http://evil.example/callback' },
        'Parameter redirect_uri does not match registered URI',
      ],
    ])('refuses %j outright', async (params, message) => {
      const answer = await fetch(authorizeUrl(params));

      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ status: 400, message });
    });

    it.each([
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'user:read:email chat:fly' }, 'invalid_scope'],
    ])('sends %j back to the application as an error', async (params, error) => {
      const answer = await fetch(authorizeUrl(params), { redirect: 'manual' });

      const location = new URL(answer.headers.get('location')!);
      expect(answer.status).toBe(302);
      expect(location.searchParams.get('error')).toBe(error);
    });
  });

  describe('device code', () => {
    const start = async (clientId = app.clientId) => {
      const answer = await post('device', { client_id: clientId, scopes: SCOPES.join(' ') });
      return (await answer.json()) as Record<string, string | number>;
    };
    const poll = (deviceCode: string, clientId = app.clientId) =>
      post('token', {
        client_id: clientId,
        device_code: String(deviceCode),
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        scopes: SCOPES.join(' '),
      });
    const decide = (userCode: string, choice: Record<string, string>) =>
      auth('activate', {
        method: 'POST',
        body: new URLSearchParams({ user_code: userCode, ...choice }),
      });

    it('hands out codes and a page to approve them on', async () => {
      const device = await start();

      expect(device).toEqual({
        device_code: anyString(),
        expires_in: 1800,
        interval: 5,
        user_code: matching(/^[A-Z]{8}$/),
        verification_uri: `${sut.baseUrl}/auth/activate?device-code=${device.user_code}`,
      });
      const page = await (await fetch(String(device.verification_uri))).text();
      expect(page).toContain('Activate Overlay Studio');
      expect(page).toContain(`name="user_code" value="${device.user_code}"`);
      expect(page).toContain(`name="user_id" value="${viewer.id}"`);
      expect(formAction(page, `${PROXIED_PAGES}/activate?device-code=x`)).toBe(
        `${PROXIED_PAGES}/activate`,
      );
    });

    it('points devices at the pages where browsers reach them, when that is elsewhere', async () => {
      const proxied = await TwitchApiServer.start({
        world,
        eventSub: new EventSubService({ world }),
        oauthPagesUrl: PROXIED_PAGES,
      });
      try {
        const answer = await fetch(`${proxied.baseUrl}/auth/device`, {
          method: 'POST',
          body: new URLSearchParams({ client_id: app.clientId, scopes: SCOPES.join(' ') }),
        });
        const device = (await answer.json()) as Record<string, string>;

        expect(device.verification_uri).toBe(
          `${PROXIED_PAGES}/activate?device-code=${device.user_code}`,
        );
      } finally {
        await proxied.stop();
      }
    });

    it('answers authorization_pending until approved, then the token once', async () => {
      const device = await start();

      const early = await poll(String(device.device_code));
      const approval = await decide(String(device.user_code), { user_id: viewer.id });
      const granted = await poll(String(device.device_code));
      const again = await poll(String(device.device_code));

      expect(early.status).toBe(400);
      expect(await early.json()).toEqual({ status: 400, message: 'authorization_pending' });
      expect(approval.status).toBe(200);
      expect(await approval.text()).toContain('Device connected');
      expect(await granted.json()).toEqual({
        access_token: anyString(),
        expires_in: anyNumber(),
        refresh_token: anyString(),
        scope: SCOPES,
        token_type: 'bearer',
      });
      expect(again.status).toBe(400);
    });

    const refreshTokenOf = async (clientId: string) => {
      const device = await start(clientId);
      await decide(String(device.user_code), { user_id: viewer.id });
      const granted = (await (await poll(String(device.device_code), clientId)).json()) as {
        refresh_token: string;
      };
      return granted.refresh_token;
    };

    it('lets a public client refresh without its secret', async () => {
      const publicApp = world.registerApp({ name: 'Stream Deck', isPublic: true });

      const refreshed = await post('token', {
        client_id: publicApp.clientId,
        grant_type: 'refresh_token',
        refresh_token: await refreshTokenOf(publicApp.clientId),
      });

      expect(refreshed.status).toBe(200);
    });

    it('makes a confidential client send its secret to refresh', async () => {
      const refreshToken = await refreshTokenOf(app.clientId);
      const refresh = (secret: Record<string, string>) =>
        post('token', {
          client_id: app.clientId,
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          ...secret,
        });

      const withoutSecret = await refresh({});
      const withWrongSecret = await refresh({ client_secret: 'wrong' });
      const withSecret = await refresh({ client_secret: app.clientSecret });

      for (const refused of [withoutSecret, withWrongSecret]) {
        expect(refused.status).toBe(403);
        expect(await refused.json()).toEqual({ status: 403, message: 'invalid client secret' });
      }
      expect(withSecret.status).toBe(200);
    });

    it('tells the device when the person declines', async () => {
      const device = await start();

      await decide(String(device.user_code), { cancel: '1' });
      const answer = await poll(String(device.device_code));

      expect(await answer.json()).toEqual({ status: 400, message: 'authorization_denied' });
    });

    it('refuses an unknown code on the activation page', async () => {
      const answer = await decide('NOSUCHCD', { user_id: viewer.id });

      expect(answer.status).toBe(400);
    });
  });

  describe('token, validate and revoke', () => {
    it('validates a user token as twurple asks, OAuth or Bearer', async () => {
      const token = world.tokens.issueUserToken(app.clientId, viewer.id, SCOPES).accessToken;

      const info = await getTokenInfo(token);
      const bearer = await auth('validate', { headers: { Authorization: `Bearer ${token}` } });

      expect(info).toMatchObject({
        clientId: app.clientId,
        userId: viewer.id,
        userName: 'frostfox',
        scopes: SCOPES,
      });
      expect(info.expiryDate!.getTime()).toBeGreaterThan(Date.now() + 3 * 3600_000);
      expect(await bearer.json()).toEqual({
        client_id: app.clientId,
        login: 'frostfox',
        scopes: SCOPES,
        user_id: viewer.id,
        expires_in: anyNumber(),
      });
      expect(sut.requests().find((r) => r.path === '/auth/validate')?.headers.authorization).toBe(
        `OAuth ${token}`,
      );
    });

    it('validates an app token without login or user id', async () => {
      const token = world.tokens.issueAppToken(app.clientId).accessToken;

      const answer = await auth('validate', { headers: { Authorization: `OAuth ${token}` } });

      expect(await answer.json()).toEqual({
        client_id: app.clientId,
        scopes: [],
        expires_in: anyNumber(),
      });
    });

    it('answers 401 for an invalid token', async () => {
      const answer = await auth('validate', { headers: { Authorization: 'OAuth invalid' } });

      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ status: 401, message: 'invalid access token' });
    });

    it('revokes a token for @twurple/auth', async () => {
      const token = world.tokens.issueUserToken(app.clientId, viewer.id, SCOPES).accessToken;

      await revokeToken(app.clientId, token);

      const validate = await auth('validate', { headers: { Authorization: `OAuth ${token}` } });
      expect(validate.status).toBe(401);
      await expect(revokeToken(app.clientId, token)).rejects.toMatchObject({ statusCode: 400 });
    });

    it('takes parameters from a form body too', async () => {
      const answer = await auth('token', {
        method: 'POST',
        body: new URLSearchParams({
          client_id: app.clientId,
          client_secret: app.clientSecret,
          grant_type: 'client_credentials',
        }),
      });

      expect(await answer.json()).toEqual({
        access_token: anyString(),
        expires_in: anyNumber(),
        token_type: 'bearer',
      });
    });

    it.each([
      [{ client_secret: 'wrong', grant_type: 'client_credentials' }, 403, 'invalid client secret'],
      [{ grant_type: 'password' }, 400, 'unsupported grant type'],
      [{ grant_type: 'refresh_token', refresh_token: 'unknown' }, 400, 'Invalid refresh token'],
    ])('refuses %j', async (params, status, message) => {
      const answer = await post('token', {
        client_id: app.clientId,
        client_secret: app.clientSecret,
        ...params,
      });

      expect(answer.status).toBe(status);
      expect(await answer.json()).toEqual({ status, message });
    });
  });
});
