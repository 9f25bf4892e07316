import { type SimEmote } from '../twitch/happenings.js';
import { type SeededRandom } from '../world/random.js';

const PHRASES = [
  'gg',
  'lets gooo',
  'that was insane',
  'first time here, love the vibes',
  'what game is this?',
  'hello chat',
  'no way',
  'clip it!',
  'how long have you been streaming today?',
  'LMAO',
  'that jump was clean',
  'chat is so fast today',
  'greetings from Brazil',
  'can we get a 1 in chat',
  'W streamer',
  'this music slaps',
  'who else is eating right now',
  'brb',
  'back',
  'F',
  'すごい！',
  'вау, круто',
  'ñam ñam',
  'c’est incroyable',
  'これは神',
  '가즈아',
  'mega 🔥🔥',
  'saludos desde México 🇲🇽',
  'gute Nacht chat 👋',
  '👏👏👏',
  'привет всем',
  '哈哈哈哈',
  'so true 😂',
  'nice one ✨',
  'dzień dobry',
  'ça marche',
  'tschüss 😴',
] as const;

/** Global Twitch emotes with their real ids. */
const EMOTES = [
  { id: '25', code: 'Kappa' },
  { id: '305954156', code: 'PogChamp' },
  { id: '425618', code: 'LUL' },
  { id: '1902', code: 'Keepo' },
  { id: '354', code: '4Head' },
  { id: '81273', code: 'KomodoHype' },
  { id: '28087', code: 'WutFace' },
  { id: 'emotesv2_dcd06b30a5c24f6eb871e8f5edbd44f7', code: 'DinoDance' },
] as const;

export interface ChatText {
  text: string;
  /** Inclusive code-point offsets, as Twitch reports them. */
  emotes: SimEmote[];
}

/** A believable chat line: a phrase, sometimes emotes around it, sometimes a mention. */
export function chatText(random: SeededRandom, mention?: string): ChatText {
  const parts: { text: string; emoteId?: string }[] = [];
  if (mention) parts.push({ text: `@${mention}` });
  if (random.chance(0.15)) parts.push(emotePart(random));
  parts.push({ text: random.pick(PHRASES) });
  const trailing = random.chance(0.3) ? random.int(1, 3) : 0;
  for (let i = 0; i < trailing; i++) parts.push(emotePart(random));
  return join(parts);
}

/** A message made of emotes only ("KomodoHype KomodoHype"). */
export function emoteSpam(random: SeededRandom): ChatText {
  const emote = emotePart(random);
  return join(Array.from({ length: random.int(2, 5) }, () => emote));
}

function emotePart(random: SeededRandom): { text: string; emoteId: string } {
  const emote = random.pick(EMOTES);
  return { text: emote.code, emoteId: emote.id };
}

function join(parts: { text: string; emoteId?: string }[]): ChatText {
  const emotes: SimEmote[] = [];
  let offset = 0;
  for (const part of parts) {
    const length = [...part.text].length;
    if (part.emoteId) emotes.push({ id: part.emoteId, start: offset, end: offset + length - 1 });
    offset += length + 1;
  }
  return { text: parts.map((part) => part.text).join(' '), emotes };
}
