import {
  type ApiErrorBody,
  type Channel,
  type ChannelEventSub,
  EVENTSUB_TYPES,
  TWITCH_ACCOUNT_SCOPES,
  type TwitchEvent,
} from '@integron/contracts';
import { type SimChannel, type SimUser } from '@integron/simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/bus/event-bus.js';
import { DemoSimulator } from '../../src/demo/demo-simulator.js';
import { TwitchAccountsService } from '../../src/twitch/accounts/twitch-accounts.service.js';
import { ArchiveApp } from '../utils/archive-app.js';
import { simulatedGrant } from '../utils/simulated-grant.js';
import { eventSubHappenings } from './eventsub-happenings.js';

const POLL = { timeout: 10_000, interval: 50 };

/**
 * Real twurple over the simulator's EventSub WebSocket, through the bus: demo mode connects the
 * simulated broadcasters' accounts, and what happens on the simulated Twitch arrives as events.
 */
describe('EventSub over WebSocket', () => {
  let archive: ArchiveApp;
  let received: TwitchEvent[] = [];

  beforeAll(async () => {
    archive = await ArchiveApp.start({ demoBroadcasterAccounts: true });
    archive.sut.app
      .get(EventBus)
      .stream()
      .subscribe((event) => {
        if (event.source === 'eventsub') received.push(event);
      });
  });

  afterAll(async () => {
    await archive.close();
  });

  beforeEach(() => {
    received = [];
  });

  const twitch = () => archive.simulator.twitch;
  const broadcaster = (index: number): SimUser => archive.channels[index]!.broadcaster;
  const chatter = (index: number): SimUser => archive.chatters[index]!;
  const statusOf = async (channel: SimChannel | string) => {
    const id = typeof channel === 'string' ? channel : await archive.channelId(channel);
    return (await archive.team.moderator.json<ChannelEventSub>(`/api/channels/${id}/eventsub`))
      .body;
  };
  const statuses = async (channel: SimChannel | string) =>
    Object.fromEntries((await statusOf(channel)).subscriptions.map((s) => [s.type, s.status]));
  const allEnabled = Object.fromEntries(EVENTSUB_TYPES.map((type) => [type, 'enabled']));
  /** Twitch's live WebSocket subscription of `user` to `type`. */
  const simulatedSubscription = (user: SimUser, type: string) => {
    const found = twitch()
      .eventSub.subscriptions()
      .find(
        (s) =>
          s.method === 'websocket' &&
          s.status === 'enabled' &&
          s.userId === user.id &&
          s.type === type,
      );
    if (found?.method !== 'websocket') throw new Error(`No ${type} subscription of ${user.login}`);
    return found;
  };
  const ofType = <T extends TwitchEvent['type']>(type: T) =>
    received.filter((event): event is Extract<TwitchEvent, { type: T }> => event.type === type);

  it("subscribes every demo channel to every type as its broadcaster, and says they're enabled", async () => {
    for (const channel of archive.channels)
      await expect.poll(() => statuses(channel), POLL).toEqual(allEnabled);

    const status = await statusOf(archive.channels[0]!);
    expect(status).toMatchObject({
      channelId: await archive.channelId(archive.channels[0]!),
      transport: 'websocket',
      connected: true,
    });
    expect(status.subscriptions.every((s) => s.detail === null && !!Date.parse(s.since))).toBe(
      true,
    );
  });

  it('publishes what happens on Twitch as typed events, with the channel and its own time', async () => {
    const channel = broadcaster(0);
    const ref = { id: channel.id, login: channel.login, displayName: channel.displayName };
    const { events } = twitch();
    const { all, poll, timeout } = eventSubHappenings(events, channel, broadcaster(1), chatter);
    for (const happening of all) await twitch().happen(happening);

    await expect.poll(() => received.length, POLL).toBeGreaterThanOrEqual(13);
    expect(received.every((event) => event.channel.id === ref.id)).toBe(true);
    expect(ofType('follow')).toMatchObject([{ user: { id: chatter(0).id } }]);
    expect(ofType('resub')).toMatchObject([
      { user: { id: chatter(1).id }, cumulativeMonths: 7, message: { text: 'seven!' } },
    ]);
    const gifts = ofType('gift');
    expect(gifts.filter((gift) => gift.recipients.length === 0)).toMatchObject([
      { gifter: { id: chatter(2).id }, count: 2, gifterTotal: 2 },
    ]);
    expect(
      gifts
        .filter((gift) => gift.recipients.length > 0)
        .map((gift) => [gift.gifter, gift.count, gift.recipients[0]!.id, gift.eventId]),
    ).toEqual([
      [null, 1, chatter(3).id, expect.stringMatching(/^eventsub:channel\.subscribe:/)],
      [null, 1, chatter(4).id, expect.stringMatching(/^eventsub:channel\.subscribe:/)],
    ]);
    expect(ofType('cheer')).toMatchObject([
      { user: { id: chatter(2).id }, bits: 100, message: { text: 'Cheer100 nice' } },
    ]);
    expect(ofType('raid')).toMatchObject([{ from: { id: broadcaster(1).id }, viewers: 42 }]);
    expect(ofType('redemption')).toMatchObject([
      { user: { id: chatter(3).id }, reward: { title: 'Hydrate', cost: 100 }, userInput: 'now' },
    ]);
    expect(ofType('poll.begin')).toMatchObject([
      {
        pollId: poll.id,
        title: 'Next game?',
        occurredAt: new Date(poll.startedAt).toISOString(),
        status: 'active',
      },
    ]);
    expect(ofType('stream.online')).toHaveLength(1);
    expect(ofType('chat.user_timed_out')).toEqual([
      expect.objectContaining({
        user: { id: chatter(5).id, login: chatter(5).login, displayName: chatter(5).displayName },
        moderator: expect.objectContaining({ id: chatter(6).id }) as unknown,
        durationSeconds: 600,
        reason: 'spam',
        occurredAt: new Date(timeout.at).toISOString(),
        rawIrc: null,
      }),
    ]);
    expect(ofType('chat.user_banned')).toMatchObject([
      { user: { id: chatter(8).id }, moderator: { id: chatter(6).id }, reason: null },
    ]);
    expect(ofType('chat.cleared')).toEqual([
      expect.objectContaining({
        eventId: expect.stringMatching(/^eventsub:channel\.chat\.clear:/) as unknown,
        moderator: null,
        rawIrc: null,
      }),
    ]);
    const ids = received.map((event) => event.eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("names each event by Twitch's message id, so a duplicate delivery is published once", async () => {
    const channel = broadcaster(0);
    const follow = simulatedSubscription(channel, 'channel.follow');
    const event = {
      user_id: chatter(7).id,
      user_login: chatter(7).login,
      user_name: chatter(7).displayName,
      broadcaster_user_id: channel.id,
      broadcaster_user_login: channel.login,
      broadcaster_user_name: channel.displayName,
      followed_at: new Date().toISOString(),
    };

    const [sent] = twitch().eventSub.deliverOverWebSocket(follow.id, event, { duplicate: true });

    await expect.poll(() => ofType('follow').length, POLL).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ofType('follow')).toMatchObject([
      { eventId: `eventsub:channel.follow:${sent!.messageId}`, user: { id: chatter(7).id } },
    ]);
  });

  it('loses and doubles nothing across a reconnect Twitch asks for', async () => {
    const channel = broadcaster(1);
    const { sessionId } = simulatedSubscription(channel, 'stream.online');
    const follow = (n: number) => twitch().happen(twitch().events.follow(channel, chatter(10 + n)));

    await follow(0);
    twitch().eventSub.webSocket.reconnect(sessionId);
    await follow(1);
    await expect
      .poll(() => simulatedSubscription(channel, 'stream.online').sessionId, POLL)
      .not.toBe(sessionId);
    await follow(2);

    await expect.poll(() => ofType('follow').length, POLL).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ofType('follow').map((event) => (event.type === 'follow' ? event.user.id : ''))).toEqual(
      [chatter(10).id, chatter(11).id, chatter(12).id],
    );
    expect(await statuses(archive.channels[1]!)).toEqual(allEnabled);
  });

  it('subscribes again after the connection drops', async () => {
    const channel = broadcaster(2);
    const { sessionId } = simulatedSubscription(channel, 'channel.follow');

    twitch().eventSub.webSocket.drop(sessionId, 4000);

    await expect.poll(() => statuses(archive.channels[2]!), POLL).toEqual(allEnabled);
    expect(simulatedSubscription(channel, 'channel.follow').sessionId).not.toBe(sessionId);
    await twitch().happen(twitch().events.follow(channel, chatter(20)));
    await expect.poll(() => ofType('follow').length, POLL).toBe(1);
  });

  it("says a revoked subscription is revoked, with Twitch's reason, until it is re-created", async () => {
    const [simChannel] = archive.channels;
    const id = await archive.channelId(simChannel!);
    const cheer = simulatedSubscription(simChannel!.broadcaster, 'channel.cheer');

    await twitch().eventSub.revoke(cheer.id, 'authorization_revoked');

    await expect
      .poll(
        async () => (await statusOf(id)).subscriptions.find((s) => s.type === 'channel.cheer'),
        POLL,
      )
      .toMatchObject({
        status: 'revoked',
        detail: expect.stringContaining('authorization_revoked') as unknown,
      });

    const recreated = await archive.team.admin.json<ChannelEventSub>(
      `/api/channels/${id}/eventsub/recreate`,
      { method: 'POST' },
    );

    expect(recreated.status).toBe(202);
    expect(recreated.body.subscriptions).toHaveLength(EVENTSUB_TYPES.length);
    await expect.poll(() => statuses(id), POLL).toEqual(allEnabled);
    const enabled = twitch()
      .eventSub.subscriptions()
      .filter(
        (s) =>
          s.method === 'websocket' &&
          s.status === 'enabled' &&
          s.userId === simChannel!.broadcaster.id,
      );
    expect(enabled.map((s) => s.type).sort()).toEqual([...EVENTSUB_TYPES].sort());
  });

  it('names the scope a broadcaster account lacks, and subscribes to the rest', async () => {
    const { sut } = archive;
    const user = twitch().world.createUser({ login: 'nobits', displayName: 'NoBits' });
    twitch().world.createChannel(user);
    const scopes = TWITCH_ACCOUNT_SCOPES.broadcaster.filter((scope) => scope !== 'bits:read');
    const issued = twitch().world.tokens.issueUserToken(
      sut.app.get(DemoSimulator).twitchApp.clientId,
      user.id,
      scopes,
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
    const id = (await archive.owner.json<Channel[]>('/api/channels')).body.find(
      (channel) => channel.login === 'nobits',
    )!.id;

    await expect
      .poll(() => statuses(id), POLL)
      .toEqual({ ...allEnabled, 'channel.cheer': 'failed' });
    expect(
      (await statusOf(id)).subscriptions.find((s) => s.type === 'channel.cheer'),
    ).toMatchObject({
      detail:
        'Grant bits:read by reconnecting the broadcaster account on the Connected accounts page.',
    });
  });

  it('says a channel without a broadcaster account is not connected, and follows its account', async () => {
    const { sut } = archive;
    const user = twitch().world.createUser({ login: 'loner', displayName: 'Loner' });
    twitch().world.createChannel(user);
    const added = await archive.team.admin.json<Channel>('/api/channels', {
      method: 'POST',
      body: JSON.stringify({ login: 'loner' }),
    });

    const before = await statusOf(added.body.id);
    expect(before.connected).toBe(false);
    expect(before.subscriptions).toHaveLength(EVENTSUB_TYPES.length);
    for (const subscription of before.subscriptions)
      expect(subscription).toMatchObject({
        status: 'not_connected',
        detail: expect.stringContaining('No broadcaster account of Loner is connected') as unknown,
      });

    const account = await sut.app
      .get(TwitchAccountsService)
      .connect(simulatedGrant(sut, 'loner', 'Loner', 'broadcaster'));
    await expect.poll(() => statuses(added.body.id), POLL).toEqual(allEnabled);

    await sut.app.get(TwitchAccountsService).disconnect(account.id);
    await expect
      .poll(async () => new Set(Object.values(await statuses(added.body.id))), POLL)
      .toEqual(new Set(['not_connected']));
  });

  it('deletes the subscriptions of a deactivated channel, and makes them again on activation', async () => {
    const simChannel = archive.channels[2]!;
    const id = await archive.channelId(simChannel);
    const live = () =>
      twitch()
        .eventSub.subscriptions()
        .filter(
          (s) =>
            s.method === 'websocket' &&
            s.status === 'enabled' &&
            s.userId === simChannel.broadcaster.id,
        ).length;
    const setActive = (isActive: boolean) =>
      archive.team.admin.fetch(`/api/channels/${id}`, {
        method: 'PATCH',
        body: JSON.stringify({ isActive }),
      });

    await setActive(false);

    await expect.poll(live, POLL).toBe(0);
    expect(await statusOf(id)).toMatchObject({ subscriptions: [] });
    const refused = await archive.team.admin.json<ApiErrorBody>(
      `/api/channels/${id}/eventsub/recreate`,
      { method: 'POST' },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('activate it');

    await setActive(true);
    await expect.poll(() => statuses(id), POLL).toEqual(allEnabled);
    expect(live()).toBe(EVENTSUB_TYPES.length);
  });

  it('lets moderators read and only admins re-create; unknown channels are 404', async () => {
    const id = await archive.channelId(archive.channels[0]!);

    const asModerator = await archive.team.moderator.fetch(
      `/api/channels/${id}/eventsub/recreate`,
      {
        method: 'POST',
      },
    );
    const unknown = await archive.team.moderator.json<ApiErrorBody>(
      '/api/channels/999999/eventsub',
    );

    expect(asModerator.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('No channel with id 999999.');
  });
});
