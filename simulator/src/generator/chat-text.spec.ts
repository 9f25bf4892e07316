import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../world/random.js';
import { chatText, emoteSpam } from './chat-text.js';

describe(chatText.name, () => {
  it('places emotes at inclusive code-point offsets, whatever comes before them', () => {
    const random = new SeededRandom(1);
    let checked = 0;
    for (let i = 0; i < 2_000; i++) {
      const { text, emotes } = i % 2 ? chatText(random, 'Вася_Пупкин') : emoteSpam(random);
      const codePoints = [...text];
      for (const emote of emotes) {
        const word = codePoints.slice(emote.start, emote.end + 1).join('');
        expect(word).toMatch(/^(Kappa|PogChamp|LUL|Keepo|4Head|KomodoHype|WutFace|DinoDance)$/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
