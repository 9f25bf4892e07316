import { type Badge, type EmoteRange } from '@integron/contracts';

/** Twitch's CDN serves every emote at this address (dark variant, 1x). */
export function emoteImageUrl(id: string): string {
  return `https://static-cdn.jtvnw.net/emoticons/v2/${encodeURIComponent(id)}/default/dark/1.0`;
}

export type TextFragment =
  { kind: 'text'; text: string } | { kind: 'emote'; id: string; name: string; url: string };

/**
 * Splits a chat message into text and emotes. Twitch's emote ranges are inclusive offsets in
 * Unicode code points, so an emoji before an emote (two UTF-16 units, one code point) does not
 * shift it. Ranges that overlap an earlier one or reach past the text are ignored.
 */
export function chatFragments(text: string, emotes: readonly EmoteRange[]): TextFragment[] {
  const codePoints = Array.from(text);
  const fragments: TextFragment[] = [];
  const pushText = (from: number, to: number): void => {
    if (to > from) {
      fragments.push({ kind: 'text', text: codePoints.slice(from, to).join('') });
    }
  };
  let cursor = 0;
  const ordered = [...emotes].sort((a, b) => a.start - b.start);
  for (const emote of ordered) {
    if (emote.start < cursor || emote.end < emote.start || emote.end >= codePoints.length) {
      continue;
    }
    pushText(cursor, emote.start);
    fragments.push({
      kind: 'emote',
      id: emote.id,
      name: codePoints.slice(emote.start, emote.end + 1).join(''),
      url: emoteImageUrl(emote.id),
    });
    cursor = emote.end + 1;
  }
  pushText(cursor, codePoints.length);
  return fragments;
}

export interface BadgeView {
  setId: string;
  /** Material Symbols ligature. */
  icon: string;
  label: string;
}

/**
 * Badges as icons: their images are named by ids only the Helix badge API knows, so the common
 * ones get a symbol and a label, and the rest are named by their set.
 */
export function badgeView(badge: Badge): BadgeView {
  const { setId, version } = badge;
  switch (setId) {
    case 'broadcaster':
      return { setId, icon: 'videocam', label: 'Broadcaster' };
    case 'moderator':
      return { setId, icon: 'shield', label: 'Moderator' };
    case 'lead_moderator':
      return { setId, icon: 'shield_person', label: 'Lead moderator' };
    case 'vip':
      return { setId, icon: 'diamond', label: 'VIP' };
    case 'subscriber':
      return { setId, icon: 'star', label: `Subscriber (${version})` };
    case 'founder':
      return { setId, icon: 'workspace_premium', label: 'Founder' };
    case 'sub-gifter':
      return { setId, icon: 'redeem', label: `Sub gifter (${version})` };
    case 'bits':
      return { setId, icon: 'toll', label: `Cheered ${version} bits` };
    case 'partner':
      return { setId, icon: 'verified', label: 'Verified' };
    case 'staff':
    case 'admin':
    case 'global_mod':
      return { setId, icon: 'admin_panel_settings', label: 'Twitch staff' };
    case 'turbo':
    case 'premium':
      return { setId, icon: 'bolt', label: setId === 'turbo' ? 'Turbo' : 'Prime Gaming' };
    case 'artist-badge':
      return { setId, icon: 'brush', label: 'Artist' };
    default:
      return { setId, icon: 'label', label: `${setId} ${version}`.trim() };
  }
}
