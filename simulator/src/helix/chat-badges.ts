import { createHash } from 'node:crypto';
import { type SimChannel, type SubTier } from '../world/twitch-world.js';

/** A version of a badge as Helix lists it under `GET /helix/chat/badges[/global]`. */
export interface HelixBadgeVersion {
  id: string;
  image_url_1x: string;
  image_url_2x: string;
  image_url_4x: string;
  title: string;
  description: string;
  click_action: string | null;
  click_url: string | null;
}

export interface HelixBadgeSet {
  set_id: string;
  versions: HelixBadgeVersion[];
}

interface BadgeDefinition {
  imageId: string;
  title: string;
  clickAction?: string;
  clickUrl?: string;
}

const BITS_URL = 'https://bits.twitch.tv';

/** The bits tiers chat shows as `bits/<tier>`, the same on every channel. */
const BITS_TIERS = [
  1, 100, 1_000, 5_000, 10_000, 25_000, 50_000, 75_000, 100_000, 200_000, 300_000, 400_000, 500_000,
  600_000, 700_000, 800_000, 900_000, 1_000_000,
] as const;

/** Twitch's own image ids of its generic bits badges, where known. */
const GLOBAL_BITS_IMAGES: Readonly<Partial<Record<(typeof BITS_TIERS)[number], string>>> = {
  1: '73b5c3fb-24f9-4a82-a852-2f475b59411c',
  100: '09d93036-e7ce-431c-9a9e-7044297133f2',
  1_000: '0d85a29e-79ad-4c63-a285-3acd2c66f2ba',
  5_000: '57cd97fc-3e9e-4c6d-9d41-60147137234e',
  10_000: '68af213b-a771-4124-b6e3-9bb6d98aa732',
  25_000: '64ca5920-c663-4bd8-bfb1-751b4caea2dd',
  50_000: '62310ba7-9916-4235-9eba-40110d67f85d',
  75_000: 'ce491fa4-b24f-4f3b-b6ff-44b080202792',
  100_000: '96f0540f-aa63-49e1-a8b3-259ece3bd098',
};

/** The global badges chat hands out (see `chatter-standing.ts`), with Twitch's image ids. */
const GLOBAL_BADGES: Readonly<Record<string, Readonly<Record<string, BadgeDefinition>>>> = {
  admin: { '1': { imageId: '9ef7e029-4cdf-4d4d-a0d5-e2b3fb2583fe', title: 'Admin' } },
  bits: Object.fromEntries(
    BITS_TIERS.map((tier) => [
      String(tier),
      {
        imageId: GLOBAL_BITS_IMAGES[tier] ?? derivedImageId('global', 'bits', String(tier)),
        title: `cheer ${tier}`,
        clickAction: 'visit_url',
        clickUrl: BITS_URL,
      },
    ]),
  ),
  broadcaster: { '1': { imageId: '5527c58c-fb7d-422d-b71b-f309dcb85cc1', title: 'Broadcaster' } },
  global_mod: {
    '1': { imageId: '9384c43e-4ce7-4e94-b2a1-b93656896eba', title: 'Global Moderator' },
  },
  moderator: { '1': { imageId: '3267646d-33f0-4b17-b3df-f923a41db1d0', title: 'Moderator' } },
  partner: {
    '1': {
      imageId: 'd12a2e27-16f6-41d0-ab77-b780518f00a3',
      title: 'Verified',
      clickAction: 'visit_url',
      clickUrl: 'https://blog.twitch.tv/2017/04/24/the-verified-badge-is-here-13381bc05735',
    },
  },
  premium: {
    '1': {
      imageId: 'bbbe0db0-a598-423e-86d0-f9fb98ca1933',
      title: 'Prime Gaming',
      clickAction: 'visit_url',
      clickUrl: 'https://gaming.amazon.com',
    },
  },
  staff: { '1': { imageId: 'd97c37bd-a6f5-4c38-8f57-4e4bef88af34', title: 'Staff' } },
  subscriber: {
    '0': {
      imageId: '5d9f2208-5dd8-11e7-8513-2ff4adfae661',
      title: 'Subscriber',
      clickAction: 'subscribe_to_channel',
    },
  },
  turbo: {
    '1': {
      imageId: 'bd444ec6-8f34-4bf9-91f4-af1e3428d80f',
      title: 'Turbo',
      clickAction: 'turbo',
      clickUrl: 'https://www.twitch.tv/products/turbo',
    },
  },
  vip: { '1': { imageId: 'b817aba4-fad8-49e2-b88a-7cc744dfa6ec', title: 'VIP' } },
};

/** Tenures a channel has badges for below three years; from then on one a year, ten at least. */
const SUBSCRIBER_TENURES = [0, 2, 3, 6, 9, 12, 18, 24] as const;
const MIN_YEARS_OFFERED = 10;
const TIER_OFFSET: Readonly<Record<SubTier, number>> = { '1000': 0, '2000': 2000, '3000': 3000 };

/** `GET /helix/chat/badges/global`. */
export function globalBadgeSets(): HelixBadgeSet[] {
  return Object.entries(GLOBAL_BADGES).map(([setId, versions]) => ({
    set_id: setId,
    versions: Object.entries(versions).map(([id, badge]) => helixBadgeVersion(id, badge)),
  }));
}

/**
 * `GET /helix/chat/badges` of a channel: a subscriber badge per tier and tenure (`0`, `2`, …,
 * `2000`, `3012`, as chat's `badges` tag names them) and a bits badge per tier; only affiliates
 * and partners have them. Image ids follow from the world's seed, so a world has the same ones
 * on every start.
 */
export function channelBadgeSets(channel: SimChannel, seed: number): HelixBadgeSet[] {
  if (channel.broadcaster.broadcasterType === '') return [];
  const key = `${seed}:${channel.broadcaster.id}`;
  const version = (setId: string, id: string, badge: Omit<BadgeDefinition, 'imageId'>) =>
    helixBadgeVersion(id, { ...badge, imageId: derivedImageId(key, setId, id) });
  const tenures = subscriberTenures(channel);
  const subscriber = Object.entries(TIER_OFFSET).flatMap(([tier, offset]) =>
    tenures.map((months) =>
      version('subscriber', String(offset + months), {
        title: subscriberTitle(months, tier as SubTier),
        clickAction: 'subscribe_to_channel',
      }),
    ),
  );
  const bits = BITS_TIERS.map((tier) =>
    version('bits', String(tier), {
      title: `cheer ${tier}`,
      clickAction: 'visit_url',
      clickUrl: BITS_URL,
    }),
  );
  return [
    { set_id: 'bits', versions: bits },
    { set_id: 'subscriber', versions: subscriber },
  ];
}

/** Yearly badges reach at least ten years, and the longest subscription the channel has. */
function subscriberTenures(channel: SimChannel): number[] {
  const longest = Math.max(
    0,
    ...[...channel.subscriptions.values()].map((s) => s.cumulativeMonths),
  );
  const years = Math.max(MIN_YEARS_OFFERED, Math.floor(longest / 12));
  return [...SUBSCRIBER_TENURES, ...Array.from({ length: years - 2 }, (_, i) => (i + 3) * 12)];
}

function subscriberTitle(months: number, tier: SubTier): string {
  const tenure =
    months === 0
      ? 'Subscriber'
      : months < 12
        ? `${months}-Month Subscriber`
        : `${months / 12}-Year Subscriber`;
  return tier === '1000' ? tenure : `${tenure} (Tier ${tier[0]})`;
}

function helixBadgeVersion(id: string, badge: BadgeDefinition): HelixBadgeVersion {
  const image = `https://static-cdn.jtvnw.net/badges/v1/${badge.imageId}`;
  return {
    id,
    image_url_1x: `${image}/1`,
    image_url_2x: `${image}/2`,
    image_url_4x: `${image}/3`,
    title: badge.title,
    description: badge.title,
    click_action: badge.clickAction ?? null,
    click_url: badge.clickUrl ?? null,
  };
}

/** A version-4-shaped UUID that depends only on its inputs. */
function derivedImageId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join(':')).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
