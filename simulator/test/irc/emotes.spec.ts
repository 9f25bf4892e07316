import { parseChatMessage, parseEmoteOffsets } from '@twurple/chat';
import { describe, expect, it } from 'vitest';
import { findGlobalEmotes, formatEmotesTag } from '../../src/irc/emotes.js';

describe(findGlobalEmotes.name, () => {
  it('counts offsets in code points, past emoji and non-ASCII text', () => {
    const text = 'Zoë 😀 says Kappa and LUL';

    expect(findGlobalEmotes(text)).toEqual([
      { id: '25', start: 11, end: 15 },
      { id: '425618', start: 21, end: 23 },
    ]);
    // In UTF-16 units the emoji counts twice, so `Kappa` would start at 12.
    expect(text.indexOf('Kappa')).toBe(12);
  });

  it('only matches whole words', () => {
    expect(findGlobalEmotes('KappaKappa notLUL LUL!')).toEqual([]);
  });
});

describe(formatEmotesTag.name, () => {
  it('groups ranges by emote, ids in order of first use', () => {
    const tag = formatEmotesTag([
      { id: '1902', start: 6, end: 10 },
      { id: '25', start: 12, end: 16 },
      { id: '25', start: 0, end: 4 },
    ]);

    expect(tag).toBe('25:0-4,12-16/1902:6-10');
  });

  it('is what twurple reads back into the emote names', () => {
    const text = 'Zoë 😀 says Kappa and LUL';
    const tag = formatEmotesTag(findGlobalEmotes(text));

    const emotes = parseChatMessage(text, parseEmoteOffsets(tag)).filter(
      (part) => part.type === 'emote',
    );

    expect(emotes.map((part) => part.name)).toEqual(['Kappa', 'LUL']);
  });
});
