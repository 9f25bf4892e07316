import { type LiveAck } from '@integron/contracts';

const CHANNEL_ID = /^\d{1,18}$/;

/** A socket's `subscribe` payload, checked: `{ all: true }` or `{ channelIds: [...] }`. */
export function parseSubscription(value: unknown, maxChannels: number): LiveAck {
  if (typeof value !== 'object' || value === null)
    return { ok: false, error: 'Send { channelIds: ["<channel id>", …] } or { all: true }.' };
  const { all, channelIds } = value as { all?: unknown; channelIds?: unknown };
  if (all === true) return { ok: true, channelIds: 'all' };
  if (
    !Array.isArray(channelIds) ||
    !channelIds.every((id) => typeof id === 'string' && CHANNEL_ID.test(id))
  )
    return { ok: false, error: 'channelIds must be a list of channel ids (digits).' };
  if (channelIds.length > maxChannels)
    return {
      ok: false,
      error: `Follow at most ${maxChannels} channels at once, or { all: true }.`,
    };
  return { ok: true, channelIds: [...new Set(channelIds as string[])] };
}
