import { ApiClient } from '@twurple/api';
import {
  type AccessToken,
  AppTokenAuthProvider,
  RefreshingAuthProvider,
  refreshUserToken,
  StaticAuthProvider,
} from '@twurple/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventSubService } from '../../src/eventsub/eventsub-service.js';
import { TwitchApiServer } from '../../src/helix/twitch-api-server.js';
import { SeededRandom } from '../../src/world/random.js';
import { type SimUser, TwitchWorld } from '../../src/world/twitch-world.js';
import { createCast } from '../eventsub/fixtures.js';
import { anyString, containingText, matching, withoutFields } from '../eventsub/matchers.js';

const QUIET = { logger: { minLevel: 'critical' } };

describe(TwitchApiServer.name, () => {
  const cast = createCast(new TwitchWorld(new SeededRandom(3)));
  const { world, app, broadcaster, raider, viewer, turboViewer } = cast;
  let sut: TwitchApiServer;

  const appClient = () =>
    new ApiClient({
      authProvider: new AppTokenAuthProvider(app.clientId, app.clientSecret),
      ...QUIET,
    });

  const userToken = (user: SimUser, scopes: string[]) =>
    world.tokens.issueUserToken(app.clientId, user.id, scopes).accessToken;

  /** `claimedScopes` are what twurple is told the token has, to let a request through to the server. */
  const userClient = (user: SimUser, scopes: string[], claimedScopes?: string[]) =>
    new ApiClient({
      authProvider: new StaticAuthProvider(app.clientId, userToken(user, scopes), claimedScopes),
      ...QUIET,
    });

  const helix = (path: string, token: string, init: RequestInit = {}, clientId = app.clientId) =>
    fetch(`${sut.baseUrl}/mock/${path}`, {
      ...init,
      headers: { 'Client-Id': clientId, Authorization: `Bearer ${token}` },
    });

  const requestsTo = (path: string) => sut.requests().filter((r) => r.path === path);

  beforeAll(async () => {
    sut = await TwitchApiServer.start({ world, eventSub: new EventSubService({ world }) });
    process.env.TWURPLE_MOCK_API_PORT = String(sut.port);
  });

  beforeEach(() => {
    sut.faults.clear();
  });

  afterAll(async () => {
    await sut.stop();
  });

  it('answers on 127.0.0.1 and ::1 at the same port', async () => {
    const answers = await Promise.all(
      [`http://127.0.0.1:${sut.port}`, `http://[::1]:${sut.port}`].map((origin) =>
        fetch(`${origin}/mock/users`),
      ),
    );

    expect(answers.map((answer) => answer.status)).toEqual([401, 401]);
  });

  it('follows a rename: same id under the new login, the old login free', async () => {
    const renamed = world.createUser({ login: 'oldhandle', displayName: 'OldHandle' });
    const api = appClient();

    world.renameUser(renamed.id, 'newhandle', 'NewHandle');

    expect(await api.users.getUserByName('oldhandle')).toBeNull();
    expect(await api.users.getUserByName('newhandle')).toMatchObject({
      id: renamed.id,
      displayName: 'NewHandle',
    });
    expect(world.ensureUser('oldhandle').id).not.toBe(renamed.id);
  });

  it('finds users by name and by id for twurple', async () => {
    const api = appClient();

    const byName = await api.users.getUserByName('teamcaptain');
    const byId = await api.users.getUserById(viewer.id);
    const several = await api.users.getUsersByNames(['teamcaptain', 'nightowl', 'nobody_here']);

    expect(byName).toMatchObject({
      id: broadcaster.id,
      name: 'teamcaptain',
      displayName: 'TeamCaptain',
      broadcasterType: 'partner',
      type: '',
    });
    expect(byName?.creationDate).toEqual(new Date(broadcaster.createdAt));
    expect(byId?.displayName).toBe('FrostFox');
    expect(several.map((user) => user.name)).toEqual(['teamcaptain', 'nightowl']);
    expect(requestsTo('/mock/users').at(-1)?.headers).toMatchObject({
      'client-id': app.clientId,
      authorization: matching(/^Bearer \S+$/),
    });
  });

  it('returns the token’s own user, with the email only under user:read:email', async () => {
    const withEmail = await userClient(viewer, ['user:read:email']).users.getAuthenticatedUser(
      viewer.id,
      true,
    );
    const withoutEmail = await helix('users', userToken(viewer, []));

    expect(withEmail).toMatchObject({ id: viewer.id, email: viewer.email });
    expect(await withoutEmail.json()).toEqual({
      data: [withoutFields({ email: anyString() })],
    });
  });

  it('needs an id, a login or a user token', async () => {
    const appToken = world.tokens.issueAppToken(app.clientId).accessToken;

    const answer = await helix('users', appToken);

    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error: 'Bad Request',
      status: 400,
      message: 'Must provide an ID, Login or OAuth Token.',
    });
  });

  it.each([
    ['no token', {}, 'OAuth token is missing'],
    ['an unknown token', { Authorization: 'Bearer nope', 'Client-Id': 'x' }, 'Invalid OAuth token'],
  ])('answers %s with 401 in Twitch’s error body', async (_case, headers, message) => {
    const answer = await fetch(`${sut.baseUrl}/mock/users?login=teamcaptain`, { headers });

    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual({ error: 'Unauthorized', status: 401, message });
  });

  it('refuses a token of another client', async () => {
    const answer = await helix('users?login=teamcaptain', userToken(viewer, []), {}, 'another');

    expect(await answer.json()).toEqual({
      error: 'Unauthorized',
      status: 401,
      message: 'Client ID and OAuth token do not match',
    });
  });

  it('reports a live stream and nothing for an offline channel', async () => {
    cast.channel.stream = {
      id: '40127393645',
      type: 'live',
      title: 'Speedrunning with chat',
      gameId: '509658',
      gameName: 'Just Chatting',
      language: 'en',
      viewerCount: 1234,
      startedAt: '2026-11-22T09:00:00.000Z',
    };
    const api = appClient();

    const live = await api.streams.getStreamByUserName('teamcaptain');
    const offline = await api.streams.getStreamByUserId(raider.id);

    expect(live).toMatchObject({
      id: '40127393645',
      userId: broadcaster.id,
      userDisplayName: 'TeamCaptain',
      title: 'Speedrunning with chat',
      viewers: 1234,
      type: 'live',
    });
    expect(live?.startDate).toEqual(new Date('2026-11-22T09:00:00Z'));
    expect(offline).toBeNull();
  });

  describe('chat colour', () => {
    it('reads a colour, and nothing for a user who never picked one', async () => {
      const api = appClient();

      expect(await api.chat.getColorForUser(viewer.id)).toBe('#1E90FF');
      expect(await api.chat.getColorForUser(raider.id)).toBeNull();
    });

    it('sets a named colour, which the world then shows', async () => {
      const user = world.createUser({ login: 'namedcolour' });
      const api = userClient(user, ['user:manage:chat_color']);

      await api.chat.setColorForUser(user.id, 'blue_violet');

      expect(user.chatColor).toBe('#8A2BE2');
      expect(await api.chat.getColorForUser(user.id)).toBe('#8A2BE2');
      expect(requestsTo('/mock/chat/color').find((r) => r.method === 'PUT')?.status).toBe(204);
    });

    it('reads colour names in any case', async () => {
      const user = world.createUser({ login: 'shoutycolour' });
      const token = userToken(user, ['user:manage:chat_color']);

      const answer = await helix(`chat/color?user_id=${user.id}&color=Hot_Pink`, token, {
        method: 'PUT',
      });

      expect(answer.status).toBe(204);
      expect(user.chatColor).toBe('#FF69B4');
    });

    it('refuses a hex colour from a user without Turbo or Prime', async () => {
      const api = userClient(viewer, ['user:manage:chat_color']);

      await expect(api.chat.setColorForUser(viewer.id, '#9146FF')).rejects.toMatchObject({
        statusCode: 400,
      });
      expect(viewer.chatColor).toBe('#1E90FF');
    });

    it('takes a hex colour from a Turbo user', async () => {
      await userClient(turboViewer, ['user:manage:chat_color']).chat.setColorForUser(
        turboViewer.id,
        '#9146ff',
      );

      expect(turboViewer.chatColor).toBe('#9146FF');
    });

    it('answers 401 when the token lacks the scope', async () => {
      const api = userClient(viewer, [], ['user:manage:chat_color']);

      await expect(api.chat.setColorForUser(viewer.id, 'red')).rejects.toMatchObject({
        statusCode: 401,
        body: containingText('Missing scope: user:manage:chat_color'),
      });
    });

    it('lets a user set only their own colour', async () => {
      const token = userToken(viewer, ['user:manage:chat_color']);

      const answer = await helix(`chat/color?user_id=${turboViewer.id}&color=red`, token, {
        method: 'PUT',
      });

      expect(answer.status).toBe(401);
    });
  });

  describe('tokens', () => {
    it('lets RefreshingAuthProvider refresh an expired token, rotating the refresh token', async () => {
      const initial = world.tokens.issueUserToken(app.clientId, viewer.id, ['user:read:email']);
      const provider = new RefreshingAuthProvider({
        clientId: app.clientId,
        clientSecret: app.clientSecret,
      });
      const refreshed = new Promise<AccessToken>((resolve) => {
        provider.onRefresh((_userId, token) => resolve(token));
      });
      await provider.addUserForToken({
        accessToken: initial.accessToken,
        refreshToken: initial.refreshToken,
        expiresIn: initial.expiresIn,
        obtainmentTimestamp: Date.now(),
      });
      world.tokens.expire(initial.accessToken);

      const me = await new ApiClient({
        authProvider: provider,
        ...QUIET,
      }).users.getAuthenticatedUser(viewer.id);

      const token = await refreshed;
      expect(me.name).toBe('frostfox');
      expect(token.refreshToken).not.toBe(initial.refreshToken);
      expect(world.tokens.validate(token.accessToken)?.userId).toBe(viewer.id);
      await expect(
        refreshUserToken(app.clientId, app.clientSecret, initial.refreshToken!),
      ).rejects.toMatchObject({
        statusCode: 400,
        body: containingText('Invalid refresh token'),
      });
    });

    it('gives AppTokenAuthProvider an app token by client credentials', async () => {
      await appClient().users.getUserByName('teamcaptain');

      const tokenRequest = requestsTo('/auth/token').at(-1);
      const bearer = String(requestsTo('/mock/users').at(-1)?.headers.authorization).slice(7);
      expect(tokenRequest?.query.get('grant_type')).toBe('client_credentials');
      expect(tokenRequest?.status).toBe(200);
      expect(world.tokens.validate(bearer)).toMatchObject({ clientId: app.clientId, userId: null });
    });
  });

  describe('rate limit', () => {
    it('reports the bucket on every Helix answer', async () => {
      await appClient().users.getUserByName('teamcaptain');
      const answer = await helix('users?login=nightowl', userToken(viewer, []));

      const reset = Number(answer.headers.get('ratelimit-reset'));
      expect(answer.headers.get('ratelimit-limit')).toBe('800');
      expect(Number(answer.headers.get('ratelimit-remaining'))).toBeLessThan(800);
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 60);
    });

    it('has twurple wait out a storm of 429s', async () => {
      sut.faults.inject('/mock/users', 429, 3);

      const user = await appClient().users.getUserByName('nightowl');

      expect(user?.displayName).toBe('NightOwl');
      expect(
        requestsTo('/mock/users')
          .slice(-4)
          .map((r) => r.status),
      ).toEqual([429, 429, 429, 200]);
    });

    it('has twurple retry server errors', async () => {
      sut.faults.inject('/mock/streams', 503, 2);

      await appClient().streams.getStreamByUserId(raider.id);

      expect(
        requestsTo('/mock/streams')
          .slice(-3)
          .map((r) => r.status),
      ).toEqual([503, 503, 200]);
    });

    describe('with a small bucket', () => {
      let small: TwitchApiServer;

      beforeAll(async () => {
        small = await TwitchApiServer.start({
          world,
          eventSub: new EventSubService({ world }),
          rateLimit: { points: 10, windowMs: 1_000 },
        });
      });

      afterAll(async () => {
        await small.stop();
      });

      it('answers 429 once a bucket is empty, per client and user', async () => {
        const viewerToken = userToken(viewer, []);
        const call = (token: string) =>
          fetch(`${small.baseUrl}/mock/users?login=teamcaptain`, {
            headers: { 'Client-Id': app.clientId, Authorization: `Bearer ${token}` },
          });
        for (let i = 0; i < 10; i++) await call(viewerToken);

        const refused = await call(viewerToken);
        const otherUser = await call(userToken(turboViewer, []));

        expect(refused.status).toBe(429);
        expect(refused.headers.get('ratelimit-remaining')).toBe('0');
        expect(await refused.json()).toEqual({
          error: 'Too Many Requests',
          status: 429,
          message: '',
        });
        expect(otherUser.status).toBe(200);
      });

      it('is waited out by twurple', async () => {
        process.env.TWURPLE_MOCK_API_PORT = String(small.port);
        const api = appClient();

        try {
          const users = await Promise.all(
            Array.from({ length: 25 }, () => api.users.getUserByName('teamcaptain')),
          );

          expect(users.every((user) => user?.id === broadcaster.id)).toBe(true);
        } finally {
          process.env.TWURPLE_MOCK_API_PORT = String(sut.port);
        }
      });
    });
  });
});
