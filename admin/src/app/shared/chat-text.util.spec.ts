import { badgeView, chatFragments, emoteImageUrl } from './chat-text.util';

describe(chatFragments.name, () => {
  it('keeps plain text whole', () => {
    expect(chatFragments('hello chat', [])).toEqual([{ kind: 'text', text: 'hello chat' }]);
  });

  it('finds emotes by code point, so an emoji before them does not shift them', () => {
    // '🎉' is one code point but two UTF-16 units: String.slice would cut " Kapp".
    expect(
      chatFragments('🎉 Kappa hi Kappa', [
        { id: '25', start: 11, end: 15 },
        { id: '25', start: 2, end: 6 },
      ]),
    ).toEqual([
      { kind: 'text', text: '🎉 ' },
      { kind: 'emote', id: '25', name: 'Kappa', url: emoteImageUrl('25') },
      { kind: 'text', text: ' hi ' },
      { kind: 'emote', id: '25', name: 'Kappa', url: emoteImageUrl('25') },
    ]);
  });

  it('handles emoji made of several code points, and an emote at the very start', () => {
    // 👍🏽 is two code points (thumb + skin tone), four UTF-16 units.
    expect(
      chatFragments('LUL 👍🏽 LUL', [
        { id: '425618', start: 0, end: 2 },
        { id: '425618', start: 7, end: 9 },
      ]).map((fragment) => (fragment.kind === 'text' ? fragment.text : `[${fragment.name}]`)),
    ).toEqual(['[LUL]', ' 👍🏽 ', '[LUL]']);
  });

  it('ignores ranges that overlap or reach past the text', () => {
    expect(
      chatFragments('Kappa', [
        { id: '25', start: 0, end: 4 },
        { id: '1', start: 2, end: 3 },
        { id: '2', start: 3, end: 9 },
      ]),
    ).toEqual([{ kind: 'emote', id: '25', name: 'Kappa', url: emoteImageUrl('25') }]);
  });

  it("builds Twitch's CDN address of an emote", () => {
    expect(emoteImageUrl('emotesv2_abc')).toBe(
      'https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_abc/default/dark/1.0',
    );
  });
});

describe(badgeView.name, () => {
  it('names common badges and falls back to the set id', () => {
    expect(badgeView({ setId: 'moderator', version: '1' })).toEqual({
      setId: 'moderator',
      icon: 'shield',
      label: 'Moderator',
    });
    expect(badgeView({ setId: 'subscriber', version: '12' }).label).toBe('Subscriber (12)');
    expect(badgeView({ setId: 'glhf-pledge', version: '1' }).label).toBe('glhf-pledge 1');
  });
});
