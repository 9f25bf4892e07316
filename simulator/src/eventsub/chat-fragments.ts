import { type SimEmote } from '../twitch/happenings.js';
import { type SimUser } from '../world/twitch-world.js';

export interface ChatFragment {
  type: 'text' | 'cheermote' | 'emote' | 'mention';
  text: string;
  cheermote: { prefix: string; bits: number; tier: number } | null;
  emote: { id: string; emote_set_id: string; owner_id: string; format: string[] } | null;
  mention: { user_id: string; user_name: string; user_login: string } | null;
}

export interface FragmentContext {
  /** Whether the message cheers bits, so that words like `Cheer100` are cheermotes. */
  cheering: boolean;
  /** Resolves `@login` mentions; unknown logins stay text. */
  userByLogin: (login: string) => SimUser | undefined;
}

const CHEERMOTE_PREFIXES = new Set([
  'cheer',
  'biblethump',
  'cheerwhal',
  'corgo',
  'uni',
  'showlove',
  'party',
  'seemsgood',
  'pride',
  'kappa',
  'frankerz',
  'heyguys',
  'dansgame',
  'elegiggle',
  'trihard',
  'kreygasm',
  '4head',
  'swiftrage',
  'notlikethis',
  'failfish',
  'vohiyo',
  'pjsalt',
  'mrdestructoid',
  'bday',
  'ripcheer',
  'shamrock',
]);
const CHEERMOTE_TIERS = [1, 100, 1_000, 5_000, 10_000, 100_000];

/**
 * Splits a chat message into EventSub fragments. Emote offsets are inclusive code-point indexes;
 * every fragment carries all three detail keys, `null` except the one its type names.
 */
export function chatFragments(
  text: string,
  emotes: readonly SimEmote[],
  context: FragmentContext,
): ChatFragment[] {
  const codePoints = [...text];
  const fragments: ChatFragment[] = [];
  let cursor = 0;
  for (const emote of [...emotes].sort((a, b) => a.start - b.start)) {
    fragments.push(...wordFragments(codePoints.slice(cursor, emote.start).join(''), context));
    const emoteText = codePoints.slice(emote.start, emote.end + 1).join('');
    fragments.push({
      ...fragment('emote', emoteText),
      emote: { id: emote.id, emote_set_id: '0', owner_id: '0', format: ['static'] },
    });
    cursor = emote.end + 1;
  }
  fragments.push(...wordFragments(codePoints.slice(cursor).join(''), context));
  return mergeAdjacentText(fragments);
}

function wordFragments(segment: string, context: FragmentContext): ChatFragment[] {
  return (segment.match(/\s+|\S+/g) ?? []).map((word) => {
    const mentioned = /^@(\w+)$/.exec(word)?.[1];
    const user = mentioned === undefined ? undefined : context.userByLogin(mentioned);
    if (user) {
      return {
        ...fragment('mention', word),
        mention: { user_id: user.id, user_name: user.displayName, user_login: user.login },
      };
    }
    const [, prefix, amount] = /^([a-z0-9]*?)(\d+)$/i.exec(word) ?? [];
    if (
      context.cheering &&
      prefix !== undefined &&
      amount !== undefined &&
      CHEERMOTE_PREFIXES.has(prefix.toLowerCase())
    ) {
      const bits = Number(amount);
      const tier = CHEERMOTE_TIERS.filter((threshold) => threshold <= bits).at(-1) ?? 1;
      return {
        ...fragment('cheermote', word),
        cheermote: { prefix: prefix.toLowerCase(), bits, tier },
      };
    }
    return fragment('text', word);
  });
}

function fragment(type: ChatFragment['type'], text: string): ChatFragment {
  return { type, text, cheermote: null, emote: null, mention: null };
}

function mergeAdjacentText(fragments: ChatFragment[]): ChatFragment[] {
  const merged: ChatFragment[] = [];
  for (const next of fragments) {
    const last = merged.at(-1);
    if (last?.type === 'text' && next.type === 'text') last.text += next.text;
    else merged.push(next);
  }
  return merged;
}
