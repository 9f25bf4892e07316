import { type SimEmote } from '../twitch/happenings.js';

/** A few of Twitch's global emotes, so that text typed by a chat client gets its emotes tag. */
const GLOBAL_EMOTES: ReadonlyMap<string, string> = new Map([
  ['Kappa', '25'],
  ['Keepo', '1902'],
  ['Kreygasm', '41'],
  ['BibleThump', '86'],
  ['ResidentSleeper', '245'],
  ['4Head', '354'],
  ['HeyGuys', '30259'],
  ['NotLikeThis', '58765'],
  ['SeemsGood', '64138'],
  ['LUL', '425618'],
]);

/** `id:start-end,start-end/id2:start-end`, ids in order of first use. */
export function formatEmotesTag(emotes: readonly SimEmote[]): string {
  const rangesById = new Map<string, string[]>();
  for (const emote of [...emotes].sort((a, b) => a.start - b.start)) {
    const ranges = rangesById.get(emote.id) ?? [];
    ranges.push(`${emote.start}-${emote.end}`);
    rangesById.set(emote.id, ranges);
  }
  return [...rangesById].map(([id, ranges]) => `${id}:${ranges.join(',')}`).join('/');
}

/** Global emotes typed as whole words, at inclusive code-point offsets as Twitch counts them. */
export function findGlobalEmotes(text: string): SimEmote[] {
  const emotes: SimEmote[] = [];
  let start = 0;
  for (const word of text.split(' ')) {
    const length = [...word].length;
    const id = GLOBAL_EMOTES.get(word);
    if (id !== undefined) emotes.push({ id, start, end: start + length - 1 });
    start += length + 1;
  }
  return emotes;
}
