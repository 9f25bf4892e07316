import { type SimChannel, type SimSubscription, type SimUser } from '../world/twitch-world.js';

/** What chat shows about a user in one channel: roles, badges and the tags that carry them. */
export interface ChatterStanding {
  isMod: boolean;
  isVip: boolean;
  isSubscriber: boolean;
  /** `badge-info`: `subscriber/<exact months>`, or empty. */
  badgeInfo: string;
  /** `badges`: `set/version,…` in the order Twitch lists them. */
  badges: string;
  /** `user-type`: the account type, else `mod` for moderators, else empty. */
  userType: string;
}

/** Tenure badges a channel offers below three years; from then on, one a year. */
const SUBSCRIBER_BADGE_MONTHS = [24, 18, 12, 9, 6, 3, 2] as const;
const TIER_BADGE_OFFSET: Readonly<Record<SimSubscription['tier'], number>> = {
  '1000': 0,
  '2000': 2000,
  '3000': 3000,
};
const BITS_BADGE_TIERS = [
  1_000_000, 900_000, 800_000, 700_000, 600_000, 500_000, 400_000, 300_000, 200_000, 100_000,
  75_000, 50_000, 25_000, 10_000, 5_000, 1_000, 100, 1,
] as const;

export function standingIn(channel: SimChannel | undefined, user: SimUser): ChatterStanding {
  const isBroadcaster = channel?.broadcaster.id === user.id;
  const isMod = channel?.moderators.has(user.id) ?? false;
  const isVip = channel?.vips.has(user.id) ?? false;
  const subscription = channel?.subscriptions.get(user.id);
  const bits = channel?.bits.get(user.id) ?? 0;
  const badges = [
    accountBadge(user),
    isBroadcaster ? 'broadcaster/1' : null,
    isMod ? 'moderator/1' : null,
    isVip ? 'vip/1' : null,
    subscription ? `subscriber/${subscriberBadgeVersion(subscription)}` : null,
    bits > 0 ? `bits/${bitsBadgeTier(bits)}` : null,
    ...globalBadges(user),
  ];
  return {
    isMod,
    isVip,
    isSubscriber: subscription !== undefined,
    badgeInfo: subscription ? `subscriber/${subscription.cumulativeMonths}` : '',
    badges: badges.filter((badge) => badge !== null).join(','),
    userType: user.type === '' && isMod ? 'mod' : user.type,
  };
}

/** The badges a user wears everywhere, as GLOBALUSERSTATE lists them. */
export function globalBadgeList(user: SimUser): string {
  return [accountBadge(user), ...globalBadges(user)].filter((badge) => badge !== null).join(',');
}

function accountBadge(user: SimUser): string | null {
  return user.type === '' ? null : `${user.type}/1`;
}

function globalBadges(user: SimUser): (string | null)[] {
  return [
    user.broadcasterType === 'partner' ? 'partner/1' : null,
    user.hasPrime ? 'premium/1' : null,
    user.hasTurbo ? 'turbo/1' : null,
  ];
}

/** `subscriber/3012` is a Tier 3 subscriber of at least a year; Prime wears Tier 1 badges. */
function subscriberBadgeVersion(subscription: SimSubscription): number {
  const months = subscription.cumulativeMonths;
  const tenure =
    months >= 36
      ? Math.floor(months / 12) * 12
      : (SUBSCRIBER_BADGE_MONTHS.find((threshold) => months >= threshold) ?? 0);
  return TIER_BADGE_OFFSET[subscription.tier] + tenure;
}

function bitsBadgeTier(totalBits: number): number {
  return BITS_BADGE_TIERS.find((tier) => totalBits >= tier) ?? 1;
}

/** The tags PRIVMSG and USERNOTICE share about their sender. */
export function chatterTags(user: SimUser, standing: ChatterStanding): Record<string, string> {
  return {
    'badge-info': standing.badgeInfo,
    badges: standing.badges,
    color: user.chatColor,
    'display-name': user.displayName,
    mod: flag(standing.isMod),
    subscriber: flag(standing.isSubscriber),
    'user-id': user.id,
    'user-type': standing.userType,
  };
}

export function flag(value: boolean): '1' | '0' {
  return value ? '1' : '0';
}

/** Whether `userId` may not chat in `channel` at `now`: banned, or timed out for some seconds more. */
export type ChatBan = { kind: 'banned' } | { kind: 'timed-out'; remainingSeconds: number };

export function chatBanOf(
  channel: SimChannel | undefined,
  userId: string,
  now: number,
): ChatBan | null {
  const bannedUntil = channel?.bans.get(userId);
  if (bannedUntil === undefined) return null;
  if (bannedUntil === null) return { kind: 'banned' };
  if (bannedUntil <= now) return null;
  return { kind: 'timed-out', remainingSeconds: Math.ceil((bannedUntil - now) / 1000) };
}
