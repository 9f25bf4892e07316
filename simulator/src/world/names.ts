/**
 * Realistic chatter names. Logins are what Twitch allows (4–25 of a-z, 0-9, _); display names
 * are usually the login with capitals, and sometimes localized (Twitch lets CJK, Cyrillic, …
 * display names differ from the login entirely).
 */

const FIRST = [
  'pixel',
  'night',
  'frost',
  'lucky',
  'shadow',
  'cosmic',
  'mellow',
  'turbo',
  'silent',
  'neon',
  'rusty',
  'sunny',
  'velvet',
  'crimson',
  'arctic',
  'lazy',
  'brave',
  'tiny',
  'mega',
  'retro',
  'salty',
  'sleepy',
  'hyper',
  'wild',
  'golden',
  'quiet',
  'rapid',
  'stormy',
  'misty',
  'jolly',
] as const;

const SECOND = [
  'fox',
  'gamer',
  'wolf',
  'panda',
  'otter',
  'ninja',
  'wizard',
  'knight',
  'raven',
  'toast',
  'badger',
  'pilot',
  'dragon',
  'cactus',
  'llama',
  'moose',
  'owl',
  'bard',
  'goblin',
  'koala',
  'tiger',
  'muffin',
  'comet',
  'yeti',
  'sloth',
  'kraken',
  'ghost',
  'falcon',
  'noodle',
  'bean',
] as const;

/** [login, display name] pairs whose display names are not ASCII. */
const LOCALIZED: readonly (readonly [string, string])[] = [
  ['kangdongwon', '강동원'],
  ['hatsunefan39', 'ミクのファン'],
  ['xiaolongbao', '小笼包'],
  ['vasya_pupkin', 'Вася_Пупкин'],
  ['lukasz_gra', 'Łukasz_Gra'],
  ['nandu_rojo', 'Ñandú_Rojo'],
  ['jose_streams', 'José_Streams'],
  ['zoe_plays', 'Zoë_Plays'],
  ['ahmed_gg', 'أحمد_GG'],
  ['sakura_chan', 'さくらちゃん'],
  ['bjorn_the_bold', 'Björn_The_Bold'],
  ['thao_nguyen', 'Thảo_Nguyễn'],
];

export interface GeneratedName {
  login: string;
  displayName: string;
}

/** The `index`-th name of an endless, repeatable sequence; some localized, some with digits. */
export function chatterName(index: number): GeneratedName {
  if (index % 7 === 3) {
    const [login, displayName] = LOCALIZED[Math.floor(index / 7) % LOCALIZED.length]!;
    const suffix =
      index < 7 * LOCALIZED.length ? '' : String(Math.floor(index / (7 * LOCALIZED.length)));
    return { login: `${login}${suffix}`, displayName: `${displayName}${suffix}` };
  }
  const first = FIRST[index % FIRST.length]!;
  const second = SECOND[Math.floor(index / FIRST.length) % SECOND.length]!;
  const round = Math.floor(index / (FIRST.length * SECOND.length));
  const digits = round === 0 ? '' : String(round * 7 + (index % 97));
  const style = index % 4;
  const login = style === 2 ? `${first}_${second}${digits}` : `${first}${second}${digits}`;
  const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  const displayName =
    style === 0
      ? `${capitalized(first)}${capitalized(second)}${digits}`
      : style === 1
        ? login
        : style === 2
          ? `${capitalized(first)}_${capitalized(second)}${digits}`
          : login.toUpperCase();
  return { login, displayName };
}

export const CHANNEL_NAMES: readonly GeneratedName[] = [
  { login: 'teamcaptain', displayName: 'TeamCaptain' },
  { login: 'pixelpaladin', displayName: 'PixelPaladin' },
  { login: 'speedrunsally', displayName: 'SpeedrunSally' },
  { login: 'cozy_kitchen', displayName: 'Cozy_Kitchen' },
  { login: 'nachtfalke', displayName: 'Nachtfalke' },
  { login: 'mapleleafmarco', displayName: 'MapleLeafMarco' },
  { login: 'ryujin_plays', displayName: '龍神_Plays' },
  { login: 'lunarlibrarian', displayName: 'LunarLibrarian' },
];

export const BOT_NAMES: readonly GeneratedName[] = [
  { login: 'integron_bot', displayName: 'Integron_Bot' },
  { login: 'colourfulbot', displayName: 'ColourfulBot' },
];
