// The `system-msg` sentences of USERNOTICEs, worded as in captured Twitch traffic.
import { type SubTier } from '../world/twitch-world.js';

const ANONYMOUS = 'An anonymous user';

export function subscribedMessage(
  name: string,
  plan: SubTier | 'Prime',
  months: { cumulative: number; streak: number | null } | null,
): string {
  const how = plan === 'Prime' ? 'with Prime' : `at Tier ${tierNumber(plan)}`;
  const subscribed = `${name} subscribed ${how}.`;
  if (months === null) return subscribed;
  const streak = months.streak === null ? '' : `, currently on a ${months.streak} month streak`;
  return `${subscribed} They've subscribed for ${months.cumulative} months${streak}!`;
}

/** `senderCount` is 0 inside a mystery gift, where the count is told once, up front. */
export function subGiftMessage(
  gifterName: string | null,
  tier: SubTier,
  recipientName: string,
  senderCount: number,
): string {
  const gifted = `${gifterName ?? ANONYMOUS} gifted a Tier ${tierNumber(tier)} sub to ${recipientName}!`;
  if (gifterName === null || senderCount === 0) return gifted;
  if (senderCount === 1) return `${gifted} This is their first Gift Sub in the channel!`;
  return `${gifted} They have given ${senderCount} Gift Subs in the channel!`;
}

export function mysteryGiftMessage(
  gifterName: string | null,
  count: number,
  tier: SubTier,
  channelName: string,
  senderCount: number | null,
): string {
  const gifting = `${gifterName ?? ANONYMOUS} is gifting ${count} Tier ${tierNumber(tier)} Subs to ${channelName}'s community!`;
  if (gifterName === null || senderCount === null) return gifting;
  return `${gifting} They've gifted a total of ${senderCount} in the channel!`;
}

export function raidMessage(raiderName: string, viewers: number): string {
  return `${viewers} raiders from ${raiderName} have joined!`;
}

function tierNumber(tier: SubTier): number {
  return Number(tier) / 1000;
}
