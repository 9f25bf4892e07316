import { standingIn } from '../twitch/chatter-standing.js';
import { type SimChannel, type SimUser } from '../world/twitch-world.js';

export interface ChatBadge {
  set_id: string;
  id: string;
  info: string;
}

/** The badges chat shows for a user, taken from the same standing IRC renders as `badges`/`badge-info`. */
export function chatBadges(channel: SimChannel | undefined, user: SimUser): ChatBadge[] {
  const standing = standingIn(channel, user);
  const info = new Map(list(standing.badgeInfo).map(split));
  return list(standing.badges).map((badge) => {
    const [setId, id] = split(badge);
    return { set_id: setId, id, info: info.get(setId) ?? '' };
  });
}

function list(tag: string): string[] {
  return tag === '' ? [] : tag.split(',');
}

function split(badge: string): [string, string] {
  const slash = badge.indexOf('/');
  return [badge.slice(0, slash), badge.slice(slash + 1)];
}
