import { createHash } from 'node:crypto';

/**
 * Ids for lines whose happening carries none of its own (a sub's USERNOTICE, each line of a gift
 * bomb): derived from what identifies the line, so rendering stays pure and repeatable.
 */
export function stableUuid(...parts: readonly string[]): string {
  const hex = digest(parts);
  const variant = (8 + (parseInt(hex.charAt(16), 16) % 4)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A decimal id like Twitch's `msg-param-origin-id`. */
export function stableDigits(...parts: readonly string[]): string {
  return BigInt(`0x${digest(parts).slice(0, 16)}`).toString();
}

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
