import { ApiClient } from '@twurple/api';
import { AppTokenAuthProvider } from '@twurple/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSubService } from '../../src/eventsub/eventsub-service.js';
import { TwitchApiServer } from '../../src/helix/twitch-api-server.js';
import { SeededRandom } from '../../src/world/random.js';
import { TwitchWorld } from '../../src/world/twitch-world.js';
import { createCast } from '../eventsub/fixtures.js';
import { WebhookReceiver } from '../eventsub/webhook-receiver.js';
import { anyArray, anyString, withFields } from '../eventsub/matchers.js';
import { expectDefined } from '../support/expect-defined.js';

const SECRET = 'subscriptions-secret';

describe(`${TwitchApiServer.name} EventSub subscriptions`, () => {
  const cast = createCast(new TwitchWorld(new SeededRandom(11)));
  const { world, app, broadcaster, raider, moderator } = cast;
  const other = world.registerApp({ name: 'Someone else' });
  let receiver: WebhookReceiver;
  let eventSub: EventSubService;
  let sut: TwitchApiServer;
  let appToken: string;

  const call = (
    method: string,
    query = '',
    body?: unknown,
    { token = appToken, clientId = app.clientId, path = '/eventsub/subscriptions' } = {},
  ) =>
    fetch(`${sut.baseUrl}${path}${query}`, {
      method,
      headers: {
        'Client-Id': clientId,
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const webhook = (type: string, condition: Record<string, string>, version = '1') => ({
    type,
    version,
    condition,
    transport: {
      method: 'webhook',
      callback: `https://integron.example/twitch/${type}`,
      secret: SECRET,
    },
  });

  const create = async (body: unknown, options?: Parameters<typeof call>[3]) => {
    const answer = await call('POST', '', body, options);
    const json = (await answer.json()) as { data: { id: string; status: string }[] };
    const [created] = json.data;
    expectDefined(created);
    await eventSub.settled(created.id);
    return created;
  };

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    eventSub = new EventSubService({ world, deliveryUrl: () => receiver.url });
    sut = await TwitchApiServer.start({ world, eventSub });
    process.env.TWURPLE_MOCK_API_PORT = String(sut.port);
    appToken = world.tokens.issueAppToken(app.clientId).accessToken;
  });

  afterAll(async () => {
    await sut.stop();
    await receiver.stop();
  });

  it('creates a pending subscription, then verifies its callback', async () => {
    const answer = await call(
      'POST',
      '',
      webhook('stream.online', { broadcaster_user_id: broadcaster.id }),
    );

    const body = (await answer.json()) as { data: { id: string }[] };
    expect(answer.status).toBe(202);
    expect(body).toEqual({
      data: [
        {
          id: anyString(),
          status: 'webhook_callback_verification_pending',
          type: 'stream.online',
          version: '1',
          cost: 1,
          condition: { broadcaster_user_id: broadcaster.id },
          transport: {
            method: 'webhook',
            callback: 'https://integron.example/twitch/stream.online',
          },
          created_at: anyString(),
        },
      ],
      total: 1,
      total_cost: 1,
      max_total_cost: 10_000,
    });
    expect(await eventSub.settled(body.data[0]!.id)).toMatchObject({ status: 'enabled' });
  });

  it('accepts the call under /mock too', async () => {
    const created = await create(
      webhook('stream.offline', { broadcaster_user_id: broadcaster.id }),
      {
        path: '/mock/eventsub/subscriptions',
      },
    );

    expect(eventSub.subscriptions().find((s) => s.id === created.id)?.status).toBe('enabled');
  });

  it.each([
    ['a user token', webhook('stream.online', { broadcaster_user_id: raider.id }), 'user', 400],
    [
      'a short secret',
      {
        ...webhook('stream.online', { broadcaster_user_id: raider.id }),
        transport: { method: 'webhook', callback: 'https://x.example/t', secret: 'short' },
      },
      'app',
      400,
    ],
    [
      'an unknown type',
      webhook('channel.teleport', { broadcaster_user_id: raider.id }),
      'app',
      400,
    ],
    [
      'a missing moderator',
      webhook('channel.follow', { broadcaster_user_id: raider.id }, '2'),
      'app',
      400,
    ],
    [
      'a websocket transport',
      {
        ...webhook('stream.online', { broadcaster_user_id: raider.id }),
        transport: { method: 'websocket', session_id: 'x' },
      },
      'app',
      400,
    ],
    [
      'a subscription that exists',
      webhook('stream.online', { broadcaster_user_id: broadcaster.id }),
      'app',
      409,
    ],
  ] as const)('refuses %s', async (_case, body, tokenKind, status) => {
    const token =
      tokenKind === 'user'
        ? world.tokens.issueUserToken(app.clientId, raider.id, []).accessToken
        : appToken;

    const answer = await call('POST', '', body, { token });

    expect(answer.status).toBe(status);
    expect(await answer.json()).toMatchObject({ status, message: anyString() });
  });

  describe('authorization', () => {
    const FORBIDDEN = {
      error: 'Forbidden',
      status: 403,
      message: 'subscription missing proper authorization',
    };
    const otherApp = () => ({
      token: world.tokens.issueAppToken(other.clientId).accessToken,
      clientId: other.clientId,
    });
    const chatAs = (userId: string) =>
      webhook('channel.chat.message', { broadcaster_user_id: broadcaster.id, user_id: userId });

    it('refuses a channel type when the broadcaster has not granted its scope', async () => {
      const asOther = otherApp();
      const subscribe = webhook('channel.subscribe', { broadcaster_user_id: broadcaster.id });

      const refused = await call('POST', '', subscribe, asOther);
      expect([refused.status, await refused.json()]).toEqual([403, FORBIDDEN]);

      world.tokens.issueUserToken(other.clientId, broadcaster.id, ['channel:read:subscriptions']);
      const accepted = await call('POST', '', subscribe, asOther);
      expect(accepted.status).toBe(202);
    });

    it('wants moderator:read:followers from the moderator of a channel.follow', async () => {
      const asOther = otherApp();
      const follow = webhook(
        'channel.follow',
        { broadcaster_user_id: raider.id, moderator_user_id: moderator.id },
        '2',
      );
      world.tokens.issueUserToken(other.clientId, raider.id, ['moderator:read:followers']);

      const refused = await call('POST', '', follow, asOther);
      expect([refused.status, await refused.json()]).toEqual([403, FORBIDDEN]);

      world.tokens.issueUserToken(other.clientId, moderator.id, ['moderator:read:followers']);
      expect((await call('POST', '', follow, asOther)).status).toBe(202);
    });

    it('wants user:read:chat and user:bot from a chat reader, and channel:bot unless it moderates', async () => {
      const asOther = otherApp();
      const reader = world.createUser({ login: 'chatreader' });
      for (const user of [reader, moderator]) {
        world.tokens.issueUserToken(other.clientId, user.id, ['user:read:chat']);
      }

      const statuses = async () => [
        (await call('POST', '', chatAs(reader.id), asOther)).status,
        (await call('POST', '', chatAs(moderator.id), asOther)).status,
      ];
      expect(await statuses()).toEqual([403, 403]);
      for (const user of [reader, moderator]) {
        world.tokens.issueUserToken(other.clientId, user.id, ['user:bot']);
      }
      // The broadcaster granted the other app nothing: only the moderator may read.
      expect(await statuses()).toEqual([403, 202]);
      world.tokens.issueUserToken(other.clientId, broadcaster.id, ['channel:bot']);
      expect((await call('POST', '', chatAs(reader.id), asOther)).status).toBe(202);
    });

    it('forgets what a user granted once they disconnect the app', async () => {
      const asOther = otherApp();
      const ban = webhook('channel.ban', { broadcaster_user_id: raider.id });
      world.tokens.issueUserToken(other.clientId, raider.id, ['channel:moderate']);

      world.tokens.revokeAllFor(raider.id, other.clientId);

      expect((await call('POST', '', ban, asOther)).status).toBe(403);
    });

    it('needs nobody to have granted anything for stream.online', async () => {
      const stranger = world.createUser({ login: 'stranger' });

      const answer = await call(
        'POST',
        '',
        webhook('stream.online', { broadcaster_user_id: stranger.id }),
        otherApp(),
      );

      expect(answer.status).toBe(202);
    });
  });

  it('lists its own client’s subscriptions with filters and totals', async () => {
    const follow = await create(
      webhook(
        'channel.follow',
        { broadcaster_user_id: broadcaster.id, moderator_user_id: moderator.id },
        '2',
      ),
    );
    const otherToken = world.tokens.issueAppToken(other.clientId).accessToken;
    await create(webhook('stream.online', { broadcaster_user_id: raider.id }), {
      token: otherToken,
      clientId: other.clientId,
    });

    const byType = (await (await call('GET', '?type=channel.follow')).json()) as Record<
      string,
      unknown
    >;
    const byUser = (await (await call('GET', `?user_id=${moderator.id}`)).json()) as Record<
      string,
      unknown
    >;
    const enabled = (await (await call('GET', '?status=enabled')).json()) as { data: unknown[] };
    const twoFilters = await call('GET', '?status=enabled&type=stream.online');

    expect(byType).toEqual({
      data: [withFields({ id: follow.id, status: 'enabled', cost: 0 })],
      total: 3,
      total_cost: 2,
      max_total_cost: 10_000,
      pagination: {},
    });
    expect(byUser.data).toEqual([withFields({ id: follow.id })]);
    expect(enabled.data).toHaveLength(3);
    expect(twoFilters.status).toBe(400);
  });

  it('pages through many subscriptions with a cursor, as twurple reads them', async () => {
    for (let i = 0; i < 100; i++) {
      const user = world.createUser({ login: `pager_${i}` });
      await create(webhook('stream.online', { broadcaster_user_id: user.id }));
    }
    const api = new ApiClient({
      authProvider: new AppTokenAuthProvider(app.clientId, app.clientSecret),
    });

    const first = (await (await call('GET')).json()) as {
      data: unknown[];
      pagination: { cursor?: string };
    };
    const second = (await (await call('GET', `?after=${first.pagination.cursor}`)).json()) as {
      data: unknown[];
      pagination: object;
    };
    const all = await api.eventSub.getSubscriptionsPaginated().getAll();

    expect(first.data).toHaveLength(100);
    expect(second).toMatchObject({ data: anyArray(), pagination: {} });
    expect(first.data.length + second.data.length).toBe(103);
    expect(all).toHaveLength(103);
    expect((await call('GET', '?after=garbage')).status).toBe(400);
  });

  it('deletes a subscription of its own client only', async () => {
    const created = await create(webhook('channel.ban', { broadcaster_user_id: broadcaster.id }));
    const otherToken = world.tokens.issueAppToken(other.clientId).accessToken;

    const foreign = await call('DELETE', `?id=${created.id}`, undefined, {
      token: otherToken,
      clientId: other.clientId,
    });
    const own = await call('DELETE', `?id=${created.id}`);
    const again = await call('DELETE', `?id=${created.id}`);

    expect(foreign.status).toBe(404);
    expect(own.status).toBe(204);
    expect(again.status).toBe(404);
    expect(eventSub.subscriptions().some((s) => s.id === created.id)).toBe(false);
  });
});
