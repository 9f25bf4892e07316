import { ApiClient } from '@twurple/api';
import { StaticAuthProvider } from '@twurple/auth';
import {
  type EventSubChannelFollowEvent,
  type EventSubStreamOnlineEvent,
} from '@twurple/eventsub-base';
import { EventSubWsListener } from '@twurple/eventsub-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEventSub } from '../../src/eventsub/eventsub-render.js';
import { SimulatedTwitch } from '../../src/twitch/simulated-twitch.js';
import { collectEvents, nextEvent } from '../irc/support/waiting.js';
import { until } from '../support/until.js';
import { BROADCASTER_SCOPES, type Cast, createCast, sampleHappenings } from './fixtures.js';

const QUIET = { minLevel: 'critical' } as const;

describe(`${EventSubWsListener.name} against the simulator`, () => {
  let twitch: SimulatedTwitch;
  let cast: Cast;
  let happenings: ReturnType<typeof sampleHappenings>;
  let sut: EventSubWsListener;
  const onlines: EventSubStreamOnlineEvent[] = [];
  const follows: EventSubChannelFollowEvent[] = [];

  beforeAll(async () => {
    twitch = await SimulatedTwitch.start({ seed: 22, chat: { tcpPort: 0, wsPort: null } });
    cast = createCast(twitch.world);
    happenings = sampleHappenings(cast);
    // With TWURPLE_MOCK_API_PORT set, twurple goes to ws://127.0.0.1:PORT/ws whatever `url` is.
    twitch.useForTwurple();
    const token = twitch.world.tokens.issueUserToken(cast.app.clientId, cast.broadcaster.id, [
      ...BROADCASTER_SCOPES,
      'moderator:read:followers',
    ]);
    sut = new EventSubWsListener({
      apiClient: new ApiClient({
        authProvider: new StaticAuthProvider(cast.app.clientId, token.accessToken),
        logger: QUIET,
      }),
      url: twitch.api.eventSubWsUrl,
      logger: QUIET,
    });
    const created = collectEvents(sut.onSubscriptionCreateSuccess, 2);
    sut.onStreamOnline(cast.broadcaster.id, (event) => onlines.push(event));
    sut.onChannelFollow(cast.broadcaster.id, cast.broadcaster.id, (event) => follows.push(event));
    sut.start();
    await created;
  });

  afterAll(async () => {
    sut.stop();
    await twitch.stop();
  });

  const sessionIds = () => twitch.eventSub.webSocket.sessions().map((session) => session.id);
  /** Each subscription's type, status and session, sorted: twurple creates them in parallel. */
  const subscriptionStates = () =>
    twitch.eventSub
      .subscriptions()
      .map((s) => [s.type, s.status, s.method === 'websocket' ? s.sessionId : null])
      .sort((a, b) => a.join().localeCompare(b.join()));

  it('subscribes on one session with the broadcaster’s user token', () => {
    const [sessionId, ...others] = sessionIds();

    expect(others).toEqual([]);
    expect(subscriptionStates()).toEqual([
      ['channel.follow', 'enabled', sessionId],
      ['stream.online', 'enabled', sessionId],
    ]);
  });

  it('receives a stream.online and a channel.follow', async () => {
    await twitch.happen(happenings.streamOnline);
    await twitch.happen(happenings.follow);
    await until(() => onlines.length === 1 && follows.length === 1);

    expect(onlines[0]).toMatchObject({
      broadcasterId: cast.broadcaster.id,
      broadcasterName: cast.broadcaster.login,
      type: 'live',
      id: happenings.streamOnline.streamId,
    });
    expect(follows[0]).toMatchObject({
      userId: cast.localized.id,
      userDisplayName: cast.localized.displayName,
      broadcasterId: cast.broadcaster.id,
    });
  });

  it('ignores a notification older than 10 minutes, and one delivered twice after the first', async () => {
    const online = twitch.eventSub
      .subscriptions()
      .find((s) => s.type === 'stream.online' && s.status === 'enabled');
    const event = (id: string) => ({
      ...renderEventSub(happenings.streamOnline, twitch.world)[0]?.event,
      id,
    });
    const before = onlines.length;

    twitch.eventSub.deliverOverWebSocket(online?.id ?? '', event('stale'), {
      staleByMs: 11 * 60_000,
    });
    twitch.eventSub.deliverOverWebSocket(online?.id ?? '', event('twice'), { duplicate: true });
    twitch.eventSub.deliverOverWebSocket(online?.id ?? '', event('fresh'));
    await until(() => onlines.at(-1)?.id === 'fresh');

    expect(onlines.slice(before).map((e) => e.id)).toEqual(['twice', 'fresh']);
  });

  it('survives a forced reconnect, keeping its subscriptions and missing nothing', async () => {
    const [old] = sessionIds();
    const before = { onlines: onlines.length, follows: follows.length };
    const created = twitch.eventSub.subscriptions().length;

    twitch.eventSub.webSocket.reconnect(old ?? '');
    await twitch.happen(happenings.streamOnline);
    // twurple leaves the old connection once welcomed on the new one.
    await until(() => sessionIds().length === 1 && sessionIds()[0] !== old);
    await twitch.happen({ ...happenings.follow, user: cast.turboViewer });
    await until(() => follows.length === before.follows + 1);

    const [fresh] = sessionIds();
    expect(onlines).toHaveLength(before.onlines + 1);
    expect(follows.at(-1)).toMatchObject({ userId: cast.turboViewer.id });
    expect(twitch.eventSub.subscriptions()).toHaveLength(created);
    expect(subscriptionStates()).toEqual([
      ['channel.follow', 'enabled', fresh],
      ['stream.online', 'enabled', fresh],
    ]);
  });

  it('subscribes again on a new session when the server drops its connection', async () => {
    const [dropped] = sessionIds();
    const before = onlines.length;
    const recreated = collectEvents(sut.onSubscriptionCreateSuccess, 2);

    twitch.eventSub.webSocket.drop(dropped ?? '', 4000);
    await recreated;
    await twitch.happen(happenings.streamOnline);
    await until(() => onlines.length === before + 1);

    const [fresh, ...others] = sessionIds();
    expect(fresh).not.toBe(dropped);
    expect(others).toEqual([]);
    expect(subscriptionStates()).toEqual([
      ['channel.follow', 'enabled', fresh],
      ['channel.follow', 'websocket_internal_error', dropped],
      ['stream.online', 'enabled', fresh],
      ['stream.online', 'websocket_internal_error', dropped],
    ]);
  });

  it('hears of a revocation, with its reason', async () => {
    const [follow] = twitch.eventSub
      .subscriptions()
      .filter((s) => s.type === 'channel.follow' && s.status === 'enabled');
    const revoked = nextEvent(sut.onRevoke);

    await twitch.eventSub.revoke(follow?.id ?? '', 'authorization_revoked');

    const [subscription, status] = await revoked;
    expect(subscription.id).toBe(`channel.follow.${cast.broadcaster.id}.${cast.broadcaster.id}`);
    expect(status).toBe('authorization_revoked');
  });
});
