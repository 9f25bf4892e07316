import { ApiClient, type HelixChatBadgeSet } from '@twurple/api';
import { AppTokenAuthProvider, StaticAuthProvider } from '@twurple/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBadges } from '../../src/eventsub/chat-badges.js';
import { EventSubService } from '../../src/eventsub/eventsub-service.js';
import { channelBadgeSets } from '../../src/helix/chat-badges.js';
import { TwitchApiServer } from '../../src/helix/twitch-api-server.js';
import { populate } from '../../src/world/population.js';
import { SeededRandom } from '../../src/world/random.js';
import { TwitchWorld } from '../../src/world/twitch-world.js';
import { createCast } from '../eventsub/fixtures.js';

const QUIET = { logger: { minLevel: 'critical' } };
const BADGE_IMAGE =
  /^https:\/\/static-cdn\.jtvnw\.net\/badges\/v1\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\/[123]$/;

/** `set/version` → the 1x image URL, as an overlay would look a badge up. */
const imagesOf = (sets: HelixChatBadgeSet[]) =>
  new Map(
    sets.flatMap((set) =>
      set.versions.map((version) => [`${set.id}/${version.id}`, version.getImageUrl(1)]),
    ),
  );

describe('Helix chat badges', () => {
  const cast = createCast(new TwitchWorld(new SeededRandom(3)));
  const { world, app, broadcaster, viewer } = cast;
  let sut: TwitchApiServer;

  const appClient = () =>
    new ApiClient({
      authProvider: new AppTokenAuthProvider(app.clientId, app.clientSecret),
      ...QUIET,
    });

  const helix = (path: string, headers: Record<string, string>) =>
    fetch(`${sut.baseUrl}/mock/${path}`, { headers });

  const appTokenHeaders = () => ({
    'Client-Id': app.clientId,
    Authorization: `Bearer ${world.tokens.issueAppToken(app.clientId).accessToken}`,
  });

  beforeAll(async () => {
    sut = await TwitchApiServer.start({ world, eventSub: new EventSubService({ world }) });
    process.env.TWURPLE_MOCK_API_PORT = String(sut.port);
  });

  afterAll(async () => {
    await sut.stop();
  });

  it('lists the global badges with Twitch’s own images at three sizes', async () => {
    const sets = await appClient().chat.getGlobalBadges();

    const broadcasterBadge = sets.find((set) => set.id === 'broadcaster')?.getVersion('1');
    expect(broadcasterBadge?.title).toBe('Broadcaster');
    expect([1, 2, 4].map((scale) => broadcasterBadge?.getImageUrl(scale as 1 | 2 | 4))).toEqual([
      'https://static-cdn.jtvnw.net/badges/v1/5527c58c-fb7d-422d-b71b-f309dcb85cc1/1',
      'https://static-cdn.jtvnw.net/badges/v1/5527c58c-fb7d-422d-b71b-f309dcb85cc1/2',
      'https://static-cdn.jtvnw.net/badges/v1/5527c58c-fb7d-422d-b71b-f309dcb85cc1/3',
    ]);
    expect(sets.map((set) => set.id)).toEqual(
      expect.arrayContaining(['moderator', 'vip', 'partner', 'premium', 'turbo', 'subscriber']),
    );
    for (const url of imagesOf(sets).values()) expect(url).toMatch(BADGE_IMAGE);
  });

  it('lists a channel’s subscriber badges per tier and tenure, and its bits badges', async () => {
    const sets = await appClient().chat.getChannelBadges(broadcaster.id);

    const subscriber = sets.find((set) => set.id === 'subscriber');
    const bits = sets.find((set) => set.id === 'bits');
    expect(subscriber?.versions.map((version) => version.id)).toEqual(
      expect.arrayContaining([
        '0',
        '2',
        '3',
        '6',
        '12',
        '24',
        '120',
        '2000',
        '2003',
        '3000',
        '3012',
      ]),
    );
    expect(bits?.versions.map((version) => version.id)).toEqual(
      expect.arrayContaining(['1', '100', '1000', '5000', '100000', '1000000']),
    );
    expect(subscriber?.getVersion('3012')).toMatchObject({
      title: '1-Year Subscriber (Tier 3)',
      clickAction: 'subscribe_to_channel',
    });
    const images = imagesOf(sets);
    for (const url of images.values()) expect(url).toMatch(BADGE_IMAGE);
    expect(new Set(images.values()).size).toBe(images.size);
  });

  it('gives each channel its own images, unlike the global ones', async () => {
    const api = appClient();

    const [own, other, global] = await Promise.all([
      api.chat.getChannelBadges(broadcaster.id),
      api.chat.getChannelBadges(cast.raider.id),
      api.chat.getGlobalBadges(),
    ]);

    const ownImages = imagesOf(own);
    expect(ownImages.get('subscriber/0')).not.toBe(imagesOf(other).get('subscriber/0'));
    expect(ownImages.get('bits/100')).not.toBe(imagesOf(global).get('bits/100'));
  });

  it('answers a user token as it answers an app token', async () => {
    const token = world.tokens.issueUserToken(app.clientId, viewer.id, []).accessToken;
    const api = new ApiClient({
      authProvider: new StaticAuthProvider(app.clientId, token),
      ...QUIET,
    });

    const sets = await api.chat.getChannelBadges(broadcaster.id);

    expect(imagesOf(sets)).toEqual(
      imagesOf(await appClient().chat.getChannelBadges(broadcaster.id)),
    );
  });

  it('has an image for every subscriber and bits badge chat shows', () => {
    const populated = new TwitchWorld(new SeededRandom(11));
    const { channels, chatters } = populate(populated, { channels: 2, chatters: 200 });
    const [channel] = channels;
    if (!channel) throw new Error('populate() made no channel');
    const veteran = populated.createUser({ login: 'veteran' });
    channel.subscriptions.set(veteran.id, {
      tier: '3000',
      isPrime: false,
      cumulativeMonths: 151,
      streakMonths: 151,
      gifterId: null,
    });
    for (const [index, chatter] of chatters.entries()) channel.bits.set(chatter.id, index ** 3);

    const offered = new Set(
      channelBadgeSets(channel, populated.random.seed).flatMap((set) =>
        set.versions.map((version) => `${set.set_id}/${version.id}`),
      ),
    );
    const shown = [...chatters, veteran]
      .flatMap((user) => chatBadges(channel, user))
      .filter((badge) => badge.set_id === 'subscriber' || badge.set_id === 'bits')
      .map((badge) => `${badge.set_id}/${badge.id}`);

    expect(shown).toContain('subscriber/3144');
    expect(shown.filter((name) => !offered.has(name))).toEqual([]);
  });

  it('draws the same images from the same seed, other ones from another', () => {
    const imageOf = (seed: number) => {
      const seeded = new TwitchWorld(new SeededRandom(seed));
      const channel = seeded.createChannel(
        seeded.createUser({ login: 'seeded', broadcasterType: 'affiliate' }),
      );
      return channelBadgeSets(channel, seed).find((set) => set.set_id === 'subscriber')?.versions[0]
        ?.image_url_1x;
    };

    expect(imageOf(5)).toBe(imageOf(5));
    expect(imageOf(5)).not.toBe(imageOf(6));
  });

  it('has no channel badges for a channel that cannot have subscribers, or nobody', async () => {
    const api = appClient();
    const plain = world.createUser({ login: 'plainstreamer' });
    world.createChannel(plain);

    expect(await api.chat.getChannelBadges(plain.id)).toEqual([]);
    expect(await api.chat.getChannelBadges('987654321')).toEqual([]);
  });

  it.each([
    ['chat/badges', 'Missing required parameter "broadcaster_id"'],
    ['chat/badges?broadcaster_id=', 'Missing required parameter "broadcaster_id"'],
    ['chat/badges?broadcaster_id=teamcaptain', 'Invalid broadcaster_id'],
  ])('answers %s with 400 in Twitch’s error body', async (path, message) => {
    const answer = await helix(path, appTokenHeaders());

    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: 'Bad Request', status: 400, message });
  });

  it.each(['chat/badges/global', `chat/badges?broadcaster_id=${broadcaster.id}`])(
    'refuses %s without a token',
    async (path) => {
      const answer = await helix(path, { 'Client-Id': app.clientId });

      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({
        error: 'Unauthorized',
        status: 401,
        message: 'OAuth token is missing',
      });
    },
  );
});
