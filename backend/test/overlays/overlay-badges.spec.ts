import {
  type ApiErrorBody,
  type IssuedOverlayKey,
  type OverlayBadgeImages,
} from '@integron/contracts';
import { type SimChannel } from '@integron/simulator';
import { ApiClient, type HelixChatBadgeSet } from '@twurple/api';
import { AppTokenAuthProvider } from '@twurple/auth';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DemoSimulator } from '../../src/demo/demo-simulator.js';
import { signInTeam, type TeamSessions } from '../utils/sign-in.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const CHANNEL_BADGES_PATH = '/mock/chat/badges';
/** twurple's first try and its three retries of a 5xx. */
const TWURPLE_ATTEMPTS = 4;

/** `GET /api/overlay/badges`: the badge images the chat overlay shows, by overlay key. */
describe('overlay badge images', () => {
  const logLines: string[] = [];
  let sut: TestApp;
  let team: TeamSessions;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    sut = await startTestApp({
      env: { DEMO_TRAFFIC_RATE: '0' },
      logger: pino({ level: 'warn' }, sink),
    });
    team = await signInTeam(sut, 'badges');
  });

  beforeEach(() => {
    sut.simulator!.twitch.api.faults.clear();
  });

  afterAll(async () => {
    await sut?.close();
  });

  const channels = () => sut.simulator!.population.channels;

  async function overlayKeyOf(channel: SimChannel): Promise<string> {
    const { rows } = await sut.database!.query<{ id: string }>(
      'SELECT id::text FROM channels WHERE twitch_id = $1',
      [channel.broadcaster.id],
    );
    const issued = await team.owner.json<IssuedOverlayKey>(
      `/api/channels/${rows[0]!.id}/overlay-keys`,
      { method: 'POST', body: JSON.stringify({ name: 'Chat overlay' }) },
    );
    expect(issued.status).toBe(201);
    return issued.body.key;
  }

  const badgesWith = (headers: Record<string, string>, query = '') =>
    fetch(`${sut.baseUrl}/api/overlay/badges${query}`, { headers });

  async function badgesOf(key: string): Promise<OverlayBadgeImages> {
    const answer = await badgesWith({ 'X-Overlay-Key': key });
    expect(answer.status).toBe(200);
    return (await answer.json()) as OverlayBadgeImages;
  }

  /** What the simulated Twitch tells any client about the channel's badges. */
  function fromTwitch(): ApiClient {
    const { clientId, clientSecret } = sut.app.get(DemoSimulator).twitchApp;
    return new ApiClient({
      authProvider: new AppTokenAuthProvider(clientId, clientSecret),
      logger: { minLevel: 'critical' },
    });
  }

  const urlsOf = (set: HelixChatBadgeSet | undefined) =>
    Object.fromEntries(set?.versions.map((version) => [version.id, version.getImageUrl(1)]) ?? []);

  it("serves the channel's own subscriber and bits badges over Twitch's global ones", async () => {
    const channel = channels()[0]!;
    const key = await overlayKeyOf(channel);
    const [own, global] = await Promise.all([
      fromTwitch().chat.getChannelBadges(channel.broadcaster.id),
      fromTwitch().chat.getGlobalBadges(),
    ]);

    const { badges } = await badgesOf(key);

    const subscriber = urlsOf(own.find((set) => set.id === 'subscriber'));
    expect(Object.keys(subscriber)).toEqual(expect.arrayContaining(['0', '3', '12', '2000']));
    expect(
      Object.fromEntries(
        Object.entries(badges.subscriber ?? {}).map(([version, image]) => [version, image.url1x]),
      ),
    ).toEqual(subscriber);
    const bits100 = own.find((set) => set.id === 'bits')?.getVersion('100');
    expect(badges.bits?.['100']).toEqual({
      url1x: bits100?.getImageUrl(1),
      url2x: bits100?.getImageUrl(2),
      url4x: bits100?.getImageUrl(4),
      title: bits100?.title,
    });
    expect(badges.bits?.['100']?.url1x).not.toBe(
      urlsOf(global.find((set) => set.id === 'bits'))['100'],
    );
    expect(badges.broadcaster?.['1']?.url1x).toBe(
      'https://static-cdn.jtvnw.net/badges/v1/5527c58c-fb7d-422d-b71b-f309dcb85cc1/1',
    );
  });

  it('takes the key from ?key= as well, and answers for that key’s channel only', async () => {
    const [first, second] = channels();
    const secondKey = await overlayKeyOf(second!);

    const answer = await badgesWith({}, `?key=${encodeURIComponent(secondKey)}`);

    const { badges } = (await answer.json()) as OverlayBadgeImages;
    const [firstOwn, secondOwn] = await Promise.all(
      [first!, second!].map((channel) =>
        fromTwitch().chat.getChannelBadges(channel.broadcaster.id),
      ),
    );
    expect(answer.status).toBe(200);
    expect(badges.subscriber?.['0']?.url1x).toBe(
      urlsOf(secondOwn!.find((set) => set.id === 'subscriber'))['0'],
    );
    expect(badges.subscriber?.['0']?.url1x).not.toBe(
      urlsOf(firstOwn!.find((set) => set.id === 'subscriber'))['0'],
    );
  });

  it.each([
    ['no key', {}],
    ['an unknown key', { 'X-Overlay-Key': 'ovk_not-a-key-anyone-has' }],
  ])('refuses %s with 401 UNAUTHORIZED', async (_case, headers: Record<string, string>) => {
    const answer = await badgesWith(headers);

    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message:
        'This needs a valid overlay key (?key= or X-Overlay-Key), or an admin signed in for ?preview=<channel id>.',
    } satisfies ApiErrorBody);
  });

  it('answers with the global badges when Twitch fails for the channel, says so, and does not keep asking', async () => {
    const channel = channels()[2]!;
    const key = await overlayKeyOf(channel);
    const api = sut.simulator!.twitch.api;
    const channelCalls = () =>
      api
        .requests()
        .filter((request) => request.path === CHANNEL_BADGES_PATH)
        .map((request) => request.status);
    const before = channelCalls().length;
    api.faults.inject(CHANNEL_BADGES_PATH, 503, TWURPLE_ATTEMPTS);

    const { badges } = await badgesOf(key);
    api.faults.clear();
    const again = await badgesOf(key);

    expect(channelCalls().slice(before)).toEqual(Array<number>(TWURPLE_ATTEMPTS).fill(503));
    expect(badges.subscriber).toEqual({
      '0': expect.objectContaining({
        url1x: 'https://static-cdn.jtvnw.net/badges/v1/5d9f2208-5dd8-11e7-8513-2ff4adfae661/1',
      }) as unknown,
    });
    expect(badges.moderator?.['1']?.title).toBe('Moderator');
    expect(again).toEqual({ badges });
    expect(logLines.join('')).toContain(
      `Getting the chat badges of ${channel.broadcaster.login} (${channel.broadcaster.id}) from Twitch failed: HttpStatusCodeError (HTTP 503)`,
    );
  });
});
