import { randomBytes } from 'node:crypto';
import {
  type ChannelEventSub,
  EVENTSUB_TYPES,
  TWITCH_ACCOUNT_SCOPES,
  type TwitchEvent,
} from '@integron/contracts';
import { type SimApp, type SimUser, Simulator } from '@integron/simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveWriter } from '../../src/archive/ingest/archive-writer.js';
import { EventBus } from '../../src/bus/event-bus.js';
import { DatabaseTarget } from '../../src/database/database-target.js';
import { StreamEventsService } from '../../src/events/stream-events.service.js';
import { TwitchAccountsService } from '../../src/twitch/accounts/twitch-accounts.service.js';
import { TwitchChat } from '../../src/twitch/chat/twitch-chat.service.js';
import { ChannelEventSubService } from '../../src/twitch/eventsub/channel-eventsub.service.js';
import { uniqueLoopbackAddress } from '../utils/loopback-address.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { TestDatabase } from '../utils/test-database.js';
import { eventSubHappenings } from './eventsub-happenings.js';

const POLL = { timeout: 10_000, interval: 50 };
/** Where Twitch is told to deliver; only the simulator's `deliveryUrl` knows the app's real port. */
const PUBLIC_URL = 'https://integron.example';
const CALLBACK_PREFIX = `${PUBLIC_URL}/eventsub/event/`;

/**
 * Live mode with an https PUBLIC_URL: real twurple middleware in the app, the simulator creating
 * webhook subscriptions with the app token, challenging the callback and POSTing signed
 * deliveries to the app's local port (as a reverse proxy would).
 */
describe('EventSub over webhooks', () => {
  let db: TestDatabase;
  let simulator: Simulator;
  let twitchApp: SimApp;
  let sut: TestApp;
  let appBaseUrl = '';
  let env: Record<string, string>;
  let received: TwitchEvent[] = [];

  const startApp = async () => {
    const app = await startTestApp({ env, database: new DatabaseTarget(db.url, 'external') });
    appBaseUrl = app.baseUrl;
    received = [];
    app.app
      .get(EventBus)
      .stream()
      .subscribe((event) => {
        if (event.source === 'eventsub') received.push(event);
      });
    return app;
  };

  beforeAll(async () => {
    db = await TestDatabase.create();
    simulator = await Simulator.start({
      seed: 11,
      chat: { host: uniqueLoopbackAddress(), tcpPort: 6667, wsPort: null },
      population: { channels: 2, chatters: 40 },
      discord: false,
      deliveryUrl: (callback) => {
        const { pathname } = new URL(callback);
        return `${appBaseUrl}${pathname}`;
      },
      // A refused delivery is not tried again: each test sees one answer per message.
      eventSub: { retryDelaysMs: [] },
    });
    simulator.twitch.useForTwurple();
    twitchApp = simulator.twitch.world.registerApp({
      name: 'Integron (webhooks)',
      redirectUris: [],
    });
    env = {
      PUBLIC_URL,
      TWITCH_CLIENT_ID: twitchApp.clientId,
      TWITCH_CLIENT_SECRET: twitchApp.clientSecret,
      TWURPLE_MOCK_API_PORT: String(simulator.twitch.api.port),
      TWITCH_CHAT_HOST: simulator.twitch.chat.host,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    sut = await startApp();
    for (const { broadcaster } of simulator.population.channels) await connect(broadcaster);
  });

  afterAll(async () => {
    await sut?.close();
    await simulator?.stop();
    await db?.drop();
  });

  beforeEach(() => {
    received = [];
  });

  const twitch = () => simulator.twitch;
  const broadcaster = (index: number): SimUser => simulator.population.channels[index]!.broadcaster;
  const chatter = (index: number): SimUser => simulator.population.chatters[index]!;
  const ofType = <T extends TwitchEvent['type']>(type: T) =>
    received.filter((event): event is Extract<TwitchEvent, { type: T }> => event.type === type);

  async function connect(user: SimUser): Promise<void> {
    const issued = twitch().world.tokens.issueUserToken(
      twitchApp.clientId,
      user.id,
      TWITCH_ACCOUNT_SCOPES.broadcaster,
    );
    await sut.app.get(TwitchAccountsService).connect({
      user: { id: user.id, login: user.login, displayName: user.displayName },
      purpose: 'broadcaster',
      token: {
        accessToken: issued.accessToken,
        refreshToken: issued.refreshToken,
        scope: issued.scopes,
        expiresIn: issued.expiresIn,
        obtainmentTimestamp: Date.now(),
      },
      connectedBy: null,
    });
  }

  const channelId = async (user: SimUser) => {
    const { rows } = await db.query<{ id: string }>(
      'SELECT id::text FROM channels WHERE twitch_id = $1',
      [user.id],
    );
    return rows[0]!.id;
  };
  /** What `GET /api/channels/:id/eventsub` answers. */
  const statusOf = async (user: SimUser): Promise<ChannelEventSub> =>
    sut.app.get(ChannelEventSubService).status(await channelId(user));
  const statuses = async (user: SimUser) =>
    Object.fromEntries((await statusOf(user)).subscriptions.map((s) => [s.type, s.status]));
  const allEnabled = Object.fromEntries(EVENTSUB_TYPES.map((type) => [type, 'enabled']));
  const webhookSubscriptions = () =>
    twitch()
      .eventSub.subscriptions()
      .filter((s) => s.method === 'webhook');
  /** Twitch's enabled webhook subscription of `user`'s channel to `type`. */
  const simulatedSubscription = (user: SimUser, type: string) => {
    const found = webhookSubscriptions().find(
      (s) =>
        s.status === 'enabled' && s.type === type && s.condition.broadcaster_user_id === user.id,
    );
    if (!found) throw new Error(`No ${type} webhook subscription of ${user.login}`);
    return found;
  };
  const followOf = (channel: SimUser, follower: SimUser) => ({
    user_id: follower.id,
    user_login: follower.login,
    user_name: follower.displayName,
    broadcaster_user_id: channel.id,
    broadcaster_user_login: channel.login,
    broadcaster_user_name: channel.displayName,
    followed_at: new Date().toISOString(),
  });

  it('subscribes every channel to every type with the app token, at https callbacks under PUBLIC_URL', async () => {
    for (const { broadcaster: user } of simulator.population.channels)
      await expect.poll(() => statuses(user), POLL).toEqual(allEnabled);

    expect(await statusOf(broadcaster(0))).toMatchObject({ transport: 'webhook', connected: true });
    const subscriptions = webhookSubscriptions();
    expect(subscriptions).toHaveLength(EVENTSUB_TYPES.length * 2);
    expect(subscriptions.every((s) => s.callback.startsWith(CALLBACK_PREFIX))).toBe(true);
    expect(simulatedSubscription(broadcaster(0), 'stream.online').callback).toBe(
      `${CALLBACK_PREFIX}stream.online.${broadcaster(0).id}`,
    );
    expect(
      twitch()
        .eventSub.subscriptions()
        .some((s) => s.method === 'websocket'),
    ).toBe(false);
  });

  it('keeps the webhook secret sealed in the database, never in the clear', async () => {
    const { secret } = simulatedSubscription(broadcaster(0), 'channel.follow');
    const { rows } = await db.query<{ value: unknown }>(
      `SELECT value FROM settings WHERE key = 'eventsub.webhook_secret'`,
    );

    expect(secret.length).toBeGreaterThanOrEqual(10);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toEqual(expect.stringMatching(/^v1\./));
    expect(JSON.stringify(rows[0]!.value)).not.toContain(secret);
  });

  it('publishes every type delivered over webhooks as typed events, and records them', async () => {
    const channel = broadcaster(0);
    const { events } = twitch();
    const { all, poll } = eventSubHappenings(events, channel, broadcaster(1), chatter);
    for (const happening of all) await twitch().happen(happening);

    await expect.poll(() => received.length, POLL).toBeGreaterThanOrEqual(13);
    expect(received.every((event) => event.channel.id === channel.id)).toBe(true);
    expect(ofType('follow')).toMatchObject([{ user: { id: chatter(0).id } }]);
    expect(ofType('resub')).toMatchObject([
      { user: { id: chatter(1).id }, cumulativeMonths: 7, message: { text: 'seven!' } },
    ]);
    expect(ofType('gift').map((gift) => [gift.gifter?.id ?? null, gift.count])).toEqual(
      expect.arrayContaining([
        [chatter(2).id, 2],
        [null, 1],
      ]),
    );
    expect(ofType('cheer')).toMatchObject([{ user: { id: chatter(2).id }, bits: 100 }]);
    expect(ofType('raid')).toMatchObject([{ from: { id: broadcaster(1).id }, viewers: 42 }]);
    expect(ofType('redemption')).toMatchObject([
      { reward: { title: 'Hydrate', cost: 100 }, userInput: 'now' },
    ]);
    expect(ofType('poll.begin')).toMatchObject([{ pollId: poll.id, title: 'Next game?' }]);
    expect(ofType('stream.online')).toHaveLength(1);
    expect(ofType('chat.user_timed_out')).toMatchObject([
      { user: { id: chatter(5).id }, durationSeconds: 600, reason: 'spam' },
    ]);
    expect(ofType('chat.user_banned')).toMatchObject([{ user: { id: chatter(8).id } }]);
    expect(ofType('chat.cleared')).toEqual([
      expect.objectContaining({
        eventId: expect.stringMatching(/^eventsub:channel\.chat\.clear:/) as unknown,
        rawIrc: null,
        moderator: null,
      }),
    ]);
    const ids = received.map((event) => event.eventId);
    expect(new Set(ids).size).toBe(ids.length);

    await sut.app.get(StreamEventsService).drained();
    const { rows } = await db.query<{ type: string }>(
      `SELECT type FROM stream_events WHERE source = 'eventsub' ORDER BY type`,
    );
    expect(rows.map((row) => row.type)).toEqual(
      expect.arrayContaining(['cheer', 'follow', 'raid', 'redemption', 'resub']),
    );
  });

  it("archives a cleared chat once, though chat's CLEARCHAT and EventSub both tell it", async () => {
    const channel = broadcaster(1);
    const chat = sut.app.get(TwitchChat);
    await expect.poll(() => chat.connectionOf(channel.login).state, POLL).toBe('joined');
    const clears = async () =>
      (
        await db.query<{ source: string; raw: string | null }>(
          `SELECT a.source, a.raw FROM mod_actions a JOIN channels c ON c.id = a.channel_id
            WHERE c.twitch_id = $1 AND a.type = 'clear'`,
          [channel.id],
        )
      ).rows;

    await twitch().happen(twitch().events.clearChat(channel, chatter(6)));

    await expect.poll(() => ofType('chat.cleared').length, POLL).toBe(1);
    const writer = sut.app.get(ArchiveWriter);
    await expect
      .poll(async () => {
        await writer.flushed();
        return (await clears()).map((clear) => clear.raw !== null);
      }, POLL)
      .toEqual([true]);
  });

  it("names each event by Twitch's message id, so a duplicate delivery is published once", async () => {
    const channel = broadcaster(0);
    const follow = simulatedSubscription(channel, 'channel.follow');

    const records = await twitch().eventSub.deliver(follow.id, followOf(channel, chatter(7)), {
      duplicate: true,
    });

    expect(records.map((record) => [record.messageId, record.status])).toEqual([
      [records[0]!.messageId, 202],
      [records[0]!.messageId, 202],
    ]);
    await expect.poll(() => ofType('follow').length, POLL).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ofType('follow')).toMatchObject([
      { eventId: `eventsub:channel.follow:${records[0]!.messageId}`, user: { id: chatter(7).id } },
    ]);
  });

  it('refuses a delivery with a bad signature and records nothing of it', async () => {
    const channel = broadcaster(0);
    const follow = simulatedSubscription(channel, 'channel.follow');

    const [forged] = await twitch().eventSub.deliver(follow.id, followOf(channel, chatter(9)), {
      badSignature: true,
    });
    const [genuine] = await twitch().eventSub.deliver(follow.id, followOf(channel, chatter(10)));

    expect([forged!.status, genuine!.status]).toEqual([410, 202]);
    await expect.poll(() => ofType('follow').length, POLL).toBe(1);
    expect(ofType('follow')).toMatchObject([{ user: { id: chatter(10).id } }]);
    await sut.app.get(StreamEventsService).drained();
    const { rows } = await db.query(`SELECT 1 FROM stream_events WHERE event_id = $1`, [
      `eventsub:channel.follow:${forged!.messageId}`,
    ]);
    expect(rows).toEqual([]);
  });

  it('acknowledges a delivery older than 10 minutes but drops it', async () => {
    const channel = broadcaster(0);
    const follow = simulatedSubscription(channel, 'channel.follow');

    const [stale] = await twitch().eventSub.deliver(follow.id, followOf(channel, chatter(11)), {
      staleByMs: 11 * 60_000,
    });
    const [fresh] = await twitch().eventSub.deliver(follow.id, followOf(channel, chatter(12)), {
      staleByMs: 9 * 60_000,
    });

    expect([stale!.status, fresh!.status]).toEqual([202, 202]);
    await expect.poll(() => ofType('follow').length, POLL).toBe(1);
    expect(ofType('follow')).toMatchObject([{ user: { id: chatter(12).id } }]);
  });

  it("says a revoked subscription is revoked, with Twitch's reason, until it is re-created", async () => {
    const channel = broadcaster(1);
    const cheer = simulatedSubscription(channel, 'channel.cheer');

    const revocation = await twitch().eventSub.revoke(cheer.id, 'authorization_revoked');

    expect('status' in revocation && revocation.status).toBe(202);
    await expect
      .poll(
        async () => (await statusOf(channel)).subscriptions.find((s) => s.type === 'channel.cheer'),
        POLL,
      )
      .toMatchObject({
        status: 'revoked',
        detail: expect.stringContaining('authorization_revoked') as unknown,
      });
    expect((await statuses(channel))['channel.follow']).toBe('enabled');

    await sut.app.get(ChannelEventSubService).recreate(await channelId(channel));

    await expect.poll(() => statuses(channel), POLL).toEqual(allEnabled);
    await twitch().happen(twitch().events.chatMessage(channel, chatter(2), 'Cheer5', { bits: 5 }));
    await expect.poll(() => ofType('cheer').length, POLL).toBe(1);
  });

  it("resumes Twitch's subscriptions after a restart, signed with the same secret", async () => {
    const before = webhookSubscriptions().filter((s) => s.status === 'enabled');

    await sut.close();
    sut = await startApp();

    for (const { broadcaster: user } of simulator.population.channels)
      await expect.poll(() => statuses(user), POLL).toEqual(allEnabled);
    const after = webhookSubscriptions().filter((s) => s.status === 'enabled');
    expect(after.map((s) => s.id).sort()).toEqual(before.map((s) => s.id).sort());
    await twitch().happen(twitch().events.follow(broadcaster(0), chatter(13)));
    await expect.poll(() => ofType('follow').length, POLL).toBe(1);
  });

  it('makes the subscriptions again, signed with the new secret, when EVENTSUB_WEBHOOK_SECRET changes', async () => {
    const before = webhookSubscriptions().filter((s) => s.status === 'enabled');
    const secret = 'a-configured-webhook-secret';

    await sut.close();
    env = { ...env, EVENTSUB_WEBHOOK_SECRET: secret };
    sut = await startApp();

    for (const { broadcaster: user } of simulator.population.channels)
      await expect.poll(() => statuses(user), POLL).toEqual(allEnabled);
    const after = webhookSubscriptions();
    expect(after.filter((s) => before.some((old) => old.id === s.id))).toEqual([]);
    expect(after.map((s) => s.secret)).toEqual(after.map(() => secret));
    await twitch().happen(twitch().events.follow(broadcaster(1), chatter(14)));
    await expect.poll(() => ofType('follow').length, POLL).toBe(1);
  });
});
