import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderEventSub } from '../../src/eventsub/eventsub-render.js';
import { SubscriptionRejectedError } from '../../src/eventsub/eventsub-service.js';
import { EventSubWebSocketServer } from '../../src/eventsub/eventsub-ws-server.js';
import { SimulatedTwitch } from '../../src/twitch/simulated-twitch.js';
import { expectDefined } from '../support/expect-defined.js';
import { until } from '../support/until.js';
import { EventSubWsClient, type ReceivedWsMessage } from './eventsub-ws-client.js';
import { BROADCASTER_SCOPES, type Cast, createCast, sampleHappenings } from './fixtures.js';
import { anyString, matching, withFields, withoutFields } from './matchers.js';

const RFC3339_NANOS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;
/** One second of `keepalive_timeout_seconds` here: Twitch's 10 s minimum window is 500 ms. */
const SECOND_MS = 50;
const WINDOW_MS = 10 * SECOND_MS;
/** Node's timers may fire a millisecond early. */
const TIMER_SLACK_MS = 2;
const NO_SESSION = 'websocket transport session does not exist or has already disconnected';

/** When the server sent it, to the millisecond. */
const sentAt = (message: ReceivedWsMessage) => Date.parse(message.metadata.message_timestamp);

interface HelixCall {
  token: string;
  body?: unknown;
  query?: string;
  clientId?: string;
}

interface HelixAnswer {
  status: number;
  json: {
    data: (Record<string, unknown> & { id: string; status: string })[];
    total: number;
    total_cost: number;
    max_total_cost: number;
    message?: string;
  };
}

describe(EventSubWebSocketServer.name, () => {
  let twitch: SimulatedTwitch;
  let cast: Cast;
  let happenings: ReturnType<typeof sampleHappenings>;
  let broadcasterToken: string;
  const clients: EventSubWsClient[] = [];

  /**
   * A welcomed session. Its keepalive window is the longest there is (30 s here), so that it
   * never closes unused under a test, unless the test is about the window.
   */
  const connect = async ({
    keepalive = 600,
    answerPings = true,
  }: { keepalive?: number | string; answerPings?: boolean } = {}) => {
    const welcomed = await EventSubWsClient.welcomed(
      `${twitch.api.eventSubWsUrl}?keepalive_timeout_seconds=${keepalive}`,
      { answerPings },
    );
    clients.push(welcomed.client);
    return welcomed;
  };

  const userToken = (userId: string, scopes: string[], clientId = cast.app.clientId) =>
    twitch.world.tokens.issueUserToken(clientId, userId, scopes).accessToken;

  const helix = async (
    method: 'POST' | 'GET' | 'DELETE',
    { token, body, query = '', clientId = cast.app.clientId }: HelixCall,
  ): Promise<HelixAnswer> => {
    const answer = await fetch(`${twitch.api.baseUrl}/eventsub/subscriptions${query}`, {
      method,
      headers: {
        'Client-Id': clientId,
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    return {
      status: answer.status,
      json: text ? (JSON.parse(text) as HelixAnswer['json']) : ({} as HelixAnswer['json']),
    };
  };

  const websocketBody = (
    sessionId: string,
    type: string,
    condition: Record<string, string>,
    version = '1',
  ) => ({ type, version, condition, transport: { method: 'websocket', session_id: sessionId } });

  /** Subscribes as the broadcaster (or `token`'s user) on `sessionId`; resolves with it. */
  const subscribe = async (
    sessionId: string,
    type = 'stream.online',
    condition: Record<string, string> = { broadcaster_user_id: cast.broadcaster.id },
    { version = '1', token = broadcasterToken } = {},
  ) => {
    const answer = await helix('POST', {
      token,
      body: websocketBody(sessionId, type, condition, version),
    });
    expect(answer.status, answer.json.message).toBe(202);
    const [created] = answer.json.data;
    expectDefined(created);
    return created;
  };

  const follow = (sessionId: string) =>
    subscribe(
      sessionId,
      'channel.follow',
      { broadcaster_user_id: cast.broadcaster.id, moderator_user_id: cast.broadcaster.id },
      { version: '2' },
    );

  const stored = (id: string) => twitch.eventSub.subscriptions().find((s) => s.id === id);

  /** Subscribes without a round trip, for sessions whose short keepalive window leaves no time. */
  const subscribeAtOnce = (sessionId: string, type = 'stream.online') =>
    twitch.eventSub.createWebSocket(
      {
        clientId: cast.app.clientId,
        userId: cast.broadcaster.id,
        sessionId,
        type,
        version: '1',
        condition: { broadcaster_user_id: cast.broadcaster.id },
      },
      { scopes: [] },
    );

  beforeAll(async () => {
    twitch = await SimulatedTwitch.start({
      seed: 21,
      chat: { tcpPort: 0, wsPort: null },
      eventSub: { webSocket: { secondMs: SECOND_MS } },
    });
    cast = createCast(twitch.world);
    happenings = sampleHappenings(cast);
    broadcasterToken = userToken(cast.broadcaster.id, [
      ...BROADCASTER_SCOPES,
      'moderator:read:followers',
    ]);
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    // Every test starts with no live subscription, whatever it left behind.
    for (const subscription of twitch.eventSub.subscriptions()) {
      twitch.eventSub.delete(subscription.id);
    }
  });

  afterAll(async () => {
    await twitch.stop();
  });

  describe('a session', () => {
    it('is welcomed first, with its id and keepalive window', async () => {
      const client = await EventSubWsClient.connect(twitch.api.eventSubWsUrl);
      clients.push(client);

      const welcome = await client.received('session_welcome');

      expect(client.messages[0]).toBe(welcome);
      expect(welcome).toEqual({
        metadata: {
          message_id: anyString(),
          message_type: 'session_welcome',
          message_timestamp: matching(RFC3339_NANOS),
        },
        payload: {
          session: {
            id: matching(/^[\w-]{16,}$/),
            status: 'connected',
            connected_at: matching(RFC3339_NANOS),
            keepalive_timeout_seconds: 10,
            reconnect_url: null,
            recovery_url: null,
          },
        },
      });
      expect(twitch.eventSub.webSocket.sessions()).toEqual([
        withFields({ id: welcome.payload.session?.id, status: 'connected', owner: null }),
      ]);
    });

    it.each([
      ['30', 30],
      ['600', 600],
      ['5', 10],
      ['9000', 600],
      ['42.4', 42],
    ])(
      'takes keepalive_timeout_seconds=%s as %i, the nearest Twitch accepts',
      async (asked, given) => {
        const { client } = await connect({ keepalive: asked });

        const welcome = await client.received('session_welcome');

        expect(welcome.payload.session).toMatchObject({ keepalive_timeout_seconds: given });
      },
    );

    it('is refused a keepalive that is not a number, and any path but /ws', async () => {
      const base = twitch.api.eventSubWsUrl;

      await expect(
        EventSubWsClient.connect(`${base}?keepalive_timeout_seconds=soon`),
      ).rejects.toThrow(/400/);
      await expect(EventSubWsClient.connect(base.replace(/\/ws$/, '/eventsub'))).rejects.toThrow(
        /404/,
      );
    });

    it('is answered on IPv4 and IPv6 loopback alike', async () => {
      const { port } = twitch.api;

      for (const host of ['127.0.0.1', '[::1]']) {
        const { client } = await EventSubWsClient.welcomed(`ws://${host}:${port}/ws`);
        clients.push(client);
        expect(client.ofType('session_welcome')).toHaveLength(1);
      }
    });

    it('gets a keepalive whenever nothing else was sent for the keepalive window', async () => {
      const { client, sessionId } = await connect({ keepalive: 10 });
      const subscription = subscribeAtOnce(sessionId);

      const first = await client.received('session_keepalive');
      twitch.eventSub.deliverOverWebSocket(subscription.id, { broadcaster_user_id: 'x' });
      const notification = await client.received('notification');
      // What arrives after the notification was sent after it.
      const keepalivesBefore = client.ofType('session_keepalive').length;
      const next = await client.received('session_keepalive', keepalivesBefore + 1);

      const [welcome] = client.messages;
      expectDefined(welcome);
      expect(first).toMatchObject({
        metadata: { message_type: 'session_keepalive', message_timestamp: matching(RFC3339_NANOS) },
        payload: {},
      });
      expect(first.metadata).not.toHaveProperty('subscription_type');
      expect(client.messages.indexOf(first)).toBe(1);
      expect(sentAt(first) - sentAt(welcome)).toBeGreaterThanOrEqual(WINDOW_MS - TIMER_SLACK_MS);
      expect(sentAt(next) - sentAt(notification)).toBeGreaterThanOrEqual(
        WINDOW_MS - TIMER_SLACK_MS,
      );
      expect(sentAt(next) - sentAt(notification)).toBeLessThan(3 * WINDOW_MS);
    });

    it('is closed with 4003 when nothing was subscribed within the keepalive window', async () => {
      const { client, sessionId } = await connect({ keepalive: 10 });

      expect(await client.closed).toEqual({ code: 4003, reason: 'connection unused' });
      expect(twitch.eventSub.webSocket.session(sessionId)).toBeUndefined();
    });

    it('is closed with 4001 when the client sends a message, but not for a ping', async () => {
      const { client, sessionId } = await connect();
      const subscription = await subscribe(sessionId);

      const pong = new Promise((resolve) => client.webSocket.once('pong', resolve));
      client.webSocket.ping();
      await pong;
      client.webSocket.send('{"type":"PING"}');

      expect(await client.closed).toEqual({ code: 4001, reason: 'sent inbound traffic' });
      expect(stored(subscription.id)).toMatchObject({
        status: 'websocket_received_inbound_traffic',
      });
    });

    it('is pinged once a keepalive window, and closed with 4002 when it does not answer', async () => {
      const answering = await connect({ keepalive: 10 });
      const silent = await connect({ keepalive: 10, answerPings: false });
      const subscriptions = [
        subscribeAtOnce(answering.sessionId),
        subscribeAtOnce(silent.sessionId, 'stream.offline'),
      ];
      const pinged = new Promise((resolve) => silent.client.webSocket.once('ping', resolve));

      await pinged;
      const closed = await silent.client.closed;

      expect(closed).toEqual({ code: 4002, reason: 'failed ping pong' });
      expect(subscriptions.map((s) => stored(s.id)?.status)).toEqual([
        'enabled',
        'websocket_failed_ping_pong',
      ]);
    });
  });

  describe('subscriptions over Helix', () => {
    it('are created enabled with a user token, and show the session', async () => {
      const { sessionId } = await connect();

      const answer = await helix('POST', {
        token: broadcasterToken,
        body: websocketBody(sessionId, 'stream.online', {
          broadcaster_user_id: cast.broadcaster.id,
        }),
      });

      const session = twitch.eventSub.webSocket.session(sessionId);
      expectDefined(session);
      expect(answer).toEqual({
        status: 202,
        json: {
          data: [
            {
              id: anyString(),
              status: 'enabled',
              type: 'stream.online',
              version: '1',
              cost: 0,
              condition: { broadcaster_user_id: cast.broadcaster.id },
              transport: {
                method: 'websocket',
                session_id: sessionId,
                connected_at: session.connectedAt,
              },
              created_at: matching(RFC3339_NANOS),
            },
          ],
          total: 1,
          total_cost: 0,
          max_total_cost: 10,
        },
      });
      expect(session.owner).toEqual({ clientId: cast.app.clientId, userId: cast.broadcaster.id });
    });

    it.each<[string, (sessionId: string) => HelixCall, number, string]>([
      [
        'an app token',
        (sessionId) => ({
          token: twitch.world.tokens.issueAppToken(cast.app.clientId).accessToken,
          body: websocketBody(sessionId, 'stream.online', { broadcaster_user_id: cast.raider.id }),
        }),
        400,
        'invalid transport and auth combination',
      ],
      [
        'a webhook transport with a user token',
        () => ({
          token: broadcasterToken,
          body: {
            ...websocketBody('', 'stream.online', { broadcaster_user_id: cast.raider.id }),
            transport: {
              method: 'webhook',
              callback: 'https://x.example/t',
              secret: 'secret-1234',
            },
          },
        }),
        400,
        'invalid transport and auth combination',
      ],
      [
        'an unknown session',
        () => ({
          token: broadcasterToken,
          body: websocketBody('AQoQnotasession', 'stream.online', {
            broadcaster_user_id: cast.raider.id,
          }),
        }),
        400,
        NO_SESSION,
      ],
      [
        'no session id',
        () => ({
          token: broadcasterToken,
          body: {
            type: 'stream.online',
            version: '1',
            condition: { broadcaster_user_id: cast.raider.id },
            transport: { method: 'websocket' },
          },
        }),
        400,
        'a websocket transport needs a session_id',
      ],
      [
        'a token without the scope the type needs',
        (sessionId) => ({
          token: userToken(cast.broadcaster.id, ['bits:read']),
          body: websocketBody(sessionId, 'channel.subscribe', {
            broadcaster_user_id: cast.broadcaster.id,
          }),
        }),
        403,
        'subscription missing proper authorization',
      ],
      [
        'a token of someone else than the broadcaster',
        (sessionId) => ({
          token: userToken(cast.raider.id, BROADCASTER_SCOPES),
          body: websocketBody(sessionId, 'channel.subscribe', {
            broadcaster_user_id: cast.broadcaster.id,
          }),
        }),
        403,
        'subscription missing proper authorization',
      ],
    ])('refuses %s', async (_case, call, status, message) => {
      const { sessionId } = await connect();

      const answer = await helix('POST', call(sessionId));

      expect([answer.status, answer.json]).toEqual([
        status,
        { error: anyString(), status, message },
      ]);
    });

    it('refuses a session another application or user subscribed on first', async () => {
      const { sessionId } = await connect();
      await subscribe(sessionId);
      const other = twitch.world.registerApp({ name: 'Another app' });
      const offline = websocketBody(sessionId, 'stream.offline', {
        broadcaster_user_id: cast.broadcaster.id,
      });

      const otherApp = await helix('POST', {
        token: userToken(cast.broadcaster.id, [], other.clientId),
        clientId: other.clientId,
        body: offline,
      });
      const otherUser = await helix('POST', {
        token: userToken(cast.raider.id, []),
        body: offline,
      });

      expect([otherApp.status, otherApp.json.message]).toEqual([400, NO_SESSION]);
      expect([otherUser.status, otherUser.json.message]).toEqual([
        400,
        'websocket transport cannot have subscriptions created by different users',
      ]);
    });

    it('refuses a second one to the same type and condition, on any session', async () => {
      const first = await connect();
      const second = await connect();
      await subscribe(first.sessionId);

      const again = await helix('POST', {
        token: broadcasterToken,
        body: websocketBody(second.sessionId, 'stream.online', {
          broadcaster_user_id: cast.broadcaster.id,
        }),
      });

      expect(again.status).toBe(409);
    });

    it('lets a user keep subscriptions on three sessions, not four', async () => {
      const sessions = await Promise.all([connect(), connect(), connect(), connect()]);
      const types = ['stream.online', 'stream.offline', 'channel.subscribe', 'channel.cheer'];
      const condition = { broadcaster_user_id: cast.broadcaster.id };
      const create = (index: number) =>
        helix('POST', {
          token: broadcasterToken,
          body: websocketBody(sessions[index]?.sessionId ?? '', types[index] ?? '', condition),
        });

      const statuses = [];
      for (const index of [0, 1, 2, 3]) statuses.push((await create(index)).status);
      const refused = await create(3);
      await sessions[0]?.client.close();
      await until(
        () => twitch.eventSub.webSocket.session(sessions[0]?.sessionId ?? '') === undefined,
      );
      const afterOneLeft = await create(3);

      expect(statuses).toEqual([202, 202, 202, 429]);
      expect(refused.json.message).toBe('number of websocket transports limit exceeded');
      expect(afterOneLeft.status).toBe(202);
    });

    it('lets a user’s subscriptions cost 10 in all', async () => {
      const { sessionId } = await connect();
      const token = userToken(cast.viewer.id, []);
      const channels = Array.from({ length: 11 }, (_, i) =>
        twitch.world.createUser({ login: `costly_${i}` }),
      );

      const answers: HelixAnswer[] = [];
      for (const channel of channels) {
        answers.push(
          await helix('POST', {
            token,
            body: websocketBody(sessionId, 'stream.online', { broadcaster_user_id: channel.id }),
          }),
        );
      }

      expect(answers.map((a) => a.status)).toEqual([...Array<number>(10).fill(202), 429]);
      expect(answers.at(-2)?.json).toMatchObject({ total: 10, total_cost: 10, max_total_cost: 10 });
      expect(answers.at(-1)?.json.message).toBe('total cost exceeds max_total_cost');
    });

    it('takes 300 enabled subscriptions on one session', async () => {
      const { sessionId } = await connect();
      const reader = twitch.world.createUser({ login: 'busy_reader' });
      const token = userToken(reader.id, ['user:read:chat']);
      const chatIn = (broadcasterId: string) => ({
        clientId: cast.app.clientId,
        userId: reader.id,
        sessionId,
        type: 'channel.chat.message',
        version: '1',
        condition: { broadcaster_user_id: broadcasterId, user_id: reader.id },
      });
      for (let i = 0; i < 300; i++) {
        const channel = twitch.world.createUser({ login: `crowded_${i}` });
        twitch.eventSub.createWebSocket(chatIn(channel.id), { scopes: ['user:read:chat'] });
      }

      const answer = await helix('POST', {
        token,
        body: websocketBody(sessionId, 'channel.chat.message', {
          broadcaster_user_id: cast.broadcaster.id,
          user_id: reader.id,
        }),
      });

      expect([answer.status, answer.json.message]).toEqual([
        429,
        'number of websocket subscriptions limit exceeded',
      ]);
      expect(() =>
        twitch.eventSub.createWebSocket(chatIn(cast.raider.id), { scopes: ['user:read:chat'] }),
      ).toThrow(SubscriptionRejectedError);
    });

    it('are listed and deleted with the user token only', async () => {
      const { sessionId } = await connect();
      const created = await subscribe(sessionId);
      const appToken = twitch.world.tokens.issueAppToken(cast.app.clientId).accessToken;

      const asUser = await helix('GET', { token: broadcasterToken });
      const asApp = await helix('GET', { token: appToken });
      const deleteAsApp = await helix('DELETE', { token: appToken, query: `?id=${created.id}` });
      const deleted = await helix('DELETE', {
        token: broadcasterToken,
        query: `?id=${created.id}`,
      });
      const afterwards = await helix('GET', { token: broadcasterToken });

      expect(asUser.json).toMatchObject({ data: [created], total: 1, max_total_cost: 10 });
      expect(asApp.json).toMatchObject({ data: [], total: 0, max_total_cost: 10_000 });
      expect([deleteAsApp.status, deleted.status]).toEqual([404, 204]);
      expect(afterwards.json.data).toEqual([]);
    });
  });

  describe('notifications', () => {
    const eventOf = (message: ReceivedWsMessage | undefined) => message?.payload.event;

    it('carry what happen()s to each subscription it matches', async () => {
      const { client, sessionId } = await connect();
      const online = await subscribe(sessionId);
      const follows = await follow(sessionId);
      const raiderOnline = await subscribe(sessionId, 'stream.online', {
        broadcaster_user_id: cast.raider.id,
      });

      await twitch.happen(happenings.streamOnline);
      await twitch.happen(happenings.raid);
      await twitch.happen(happenings.follow);
      await client.received('notification', 2);

      const [first, second] = client.ofType('notification');
      expect(first).toMatchObject({
        metadata: {
          message_id: anyString(),
          message_type: 'notification',
          message_timestamp: matching(RFC3339_NANOS),
          subscription_type: 'stream.online',
          subscription_version: '1',
        },
        payload: {
          subscription: {
            id: online.id,
            status: 'enabled',
            type: 'stream.online',
            version: '1',
            cost: 0,
            condition: { broadcaster_user_id: cast.broadcaster.id },
            transport: { method: 'websocket', session_id: sessionId, connected_at: anyString() },
            created_at: online.created_at,
          },
        },
      });
      expect(eventOf(first)).toEqual(
        renderEventSub(happenings.streamOnline, twitch.world)[0]?.event,
      );
      expect(second?.metadata).toMatchObject({
        subscription_type: 'channel.follow',
        subscription_version: '2',
      });
      expect(second?.payload.subscription?.id).toBe(follows.id);
      expect(eventOf(second)).toMatchObject({
        user_id: cast.localized.id,
        broadcaster_user_id: cast.broadcaster.id,
        followed_at: matching(RFC3339_NANOS),
      });
      expect(stored(raiderOnline.id)?.status).toBe('enabled');
      expect(client.ofType('notification')).toHaveLength(2);
    });

    it('repeat their message id when delivered twice', async () => {
      const { client, sessionId } = await connect();
      const subscription = await subscribe(sessionId);

      const records = twitch.eventSub.deliverOverWebSocket(
        subscription.id,
        { broadcaster_user_id: cast.broadcaster.id },
        { duplicate: true },
      );
      const again = await client.received('notification', 2);

      const [first] = client.ofType('notification');
      expect(again.metadata.message_id).toBe(first?.metadata.message_id);
      expect(records).toEqual([
        withFields({ messageId: again.metadata.message_id, sessionId, sent: true }),
        withFields({ messageId: again.metadata.message_id, sessionId, sent: true }),
      ]);
    });

    it('stop with a revocation that names the reason', async () => {
      const { client, sessionId } = await connect();
      const revoked = await subscribe(sessionId);
      const marker = await subscribe(sessionId, 'stream.offline');

      await twitch.eventSub.revoke(revoked.id, 'authorization_revoked');
      await twitch.happen(happenings.streamOnline);
      await twitch.happen(happenings.streamOffline);
      await client.received('notification');

      const [revocation] = client.ofType('revocation');
      expect(revocation).toMatchObject({
        metadata: {
          message_type: 'revocation',
          message_timestamp: matching(RFC3339_NANOS),
          subscription_type: 'stream.online',
          subscription_version: '1',
        },
        payload: { subscription: { id: revoked.id, status: 'authorization_revoked' } },
      });
      expect(revocation?.payload).toEqual(withoutFields({ event: expect.anything() as unknown }));
      expect(client.ofType('notification').map((m) => m.payload.subscription?.id)).toEqual([
        marker.id,
      ]);
    });
  });

  describe('when a session ends', () => {
    it('its subscriptions are websocket_disconnected, and no longer count or receive', async () => {
      const { client, sessionId } = await connect();
      const subscription = await subscribe(sessionId);

      await client.close();
      await until(() => stored(subscription.id)?.status !== 'enabled');
      await twitch.happen(happenings.streamOnline);
      const listed = await helix('GET', { token: broadcasterToken });

      expect(listed.json).toMatchObject({
        data: [
          {
            id: subscription.id,
            status: 'websocket_disconnected',
            transport: {
              method: 'websocket',
              session_id: sessionId,
              connected_at: anyString(),
              disconnected_at: matching(RFC3339_NANOS),
            },
          },
        ],
        total_cost: 0,
      });
      expect(
        twitch.eventSub.webSocketDeliveries().filter((d) => d.sessionId === sessionId),
      ).toEqual([]);
      const fresh = await connect();
      expect((await subscribe(fresh.sessionId)).status).toBe('enabled');
    });

    it('by the server, e.g. 4000 for an internal error, its subscriptions say so', async () => {
      const { client, sessionId } = await connect();
      const subscription = await subscribe(sessionId);

      twitch.eventSub.webSocket.drop(sessionId, 4000);

      expect(await client.closed).toEqual({ code: 4000, reason: 'internal server error' });
      expect(stored(subscription.id)).toMatchObject({
        status: 'websocket_internal_error',
        disconnectedAt: matching(RFC3339_NANOS),
      });
    });
  });

  describe('a reconnect', () => {
    it('moves the subscriptions to the new session without losing or repeating a notification', async () => {
      const old = await connect();
      const online = await subscribe(old.sessionId);
      await follow(old.sessionId);

      const reconnectUrl = twitch.eventSub.webSocket.reconnect(old.sessionId);
      const reconnect = await old.client.received('session_reconnect');
      await twitch.happen(happenings.streamOnline);
      const fresh = await EventSubWsClient.welcomed(reconnectUrl);
      clients.push(fresh.client);
      await twitch.happen(happenings.follow);
      await fresh.client.received('notification');
      await old.client.close();
      await twitch.happen(happenings.streamOnline);
      await fresh.client.received('notification', 2);

      expect(reconnect.payload.session).toEqual({
        id: old.sessionId,
        status: 'reconnecting',
        connected_at: anyString(),
        keepalive_timeout_seconds: null,
        reconnect_url: reconnectUrl,
        recovery_url: null,
      });
      expect(reconnectUrl).toMatch(/^ws:\/\/localhost:\d+\/ws\?/);
      expect(fresh.sessionId).not.toBe(old.sessionId);
      expect(fresh.client.messages[0]?.payload.session).toMatchObject({
        status: 'connected',
        keepalive_timeout_seconds: 600,
        reconnect_url: null,
      });
      const types = (client: EventSubWsClient) =>
        client.ofType('notification').map((m) => m.metadata.subscription_type);
      expect(types(old.client)).toEqual(['stream.online']);
      expect(types(fresh.client)).toEqual(['channel.follow', 'stream.online']);
      expect(fresh.client.ofType('notification')[1]?.payload.subscription).toMatchObject({
        id: online.id,
        transport: { session_id: fresh.sessionId },
      });
      expect(stored(online.id)).toMatchObject({ status: 'enabled', sessionId: fresh.sessionId });
    });

    it('closes the old connection with 4004 when the client never comes', async () => {
      const old = await connect();
      const subscription = await subscribe(old.sessionId);

      twitch.eventSub.webSocket.reconnect(old.sessionId, 100);

      expect(await old.client.closed).toEqual({
        code: 4004,
        reason: 'client reconnect grace time expired',
      });
      expect(stored(subscription.id)?.status).toBe('websocket_disconnected');
    });

    it('closes the old connection with 4004 when the client never leaves it', async () => {
      const old = await connect();
      const subscription = await subscribe(old.sessionId);

      const fresh = await EventSubWsClient.welcomed(
        twitch.eventSub.webSocket.reconnect(old.sessionId, 150),
      );
      clients.push(fresh.client);

      expect((await old.client.closed).code).toBe(4004);
      expect(stored(subscription.id)).toMatchObject({
        status: 'enabled',
        sessionId: fresh.sessionId,
      });
    });

    it('closes with 4007 on a reconnect URL used twice, or made up', async () => {
      const old = await connect();
      await subscribe(old.sessionId);
      const reconnectUrl = twitch.eventSub.webSocket.reconnect(old.sessionId);
      clients.push((await EventSubWsClient.welcomed(reconnectUrl)).client);

      const twice = await EventSubWsClient.connect(reconnectUrl);
      const madeUp = await EventSubWsClient.connect(
        `${twitch.api.eventSubWsUrl}?reconnect_id=made-up`,
      );

      expect(await twice.closed).toEqual({ code: 4007, reason: 'invalid reconnect attempt' });
      expect((await madeUp.closed).code).toBe(4007);
      expect([...twice.messages, ...madeUp.messages]).toEqual([]);
    });
  });
});
