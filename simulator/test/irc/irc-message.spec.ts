import { describe, expect, it } from 'vitest';
import {
  commandOf,
  escapeTagValue,
  formatIrcMessage,
  parseIrcMessage,
  unescapeTagValue,
  withoutTags,
} from '../../src/irc/irc-message.js';

describe(escapeTagValue.name, () => {
  it('escapes what would break a tag: ; space \\ CR LF', () => {
    expect(escapeTagValue('a;b c\\d\re\nf')).toBe('a\\:b\\sc\\\\d\\re\\nf');
  });

  it('leaves everything else alone, including non-ASCII', () => {
    expect(escapeTagValue('강동원_Zoë-#9146FF')).toBe('강동원_Zoë-#9146FF');
  });
});

describe(unescapeTagValue.name, () => {
  it('reverses every escape', () => {
    expect(unescapeTagValue('a\\:b\\sc\\\\d\\re\\nf')).toBe('a;b c\\d\re\nf');
  });

  it('drops the backslash of an unknown escape and a trailing one', () => {
    expect(unescapeTagValue('\\b\\la\\')).toBe('bla');
  });

  it('round-trips any value', () => {
    const value = 'display name; with \\s, \\\\ and\r\nnewlines';
    expect(unescapeTagValue(escapeTagValue(value))).toBe(value);
  });
});

describe(formatIrcMessage.name, () => {
  it('sorts tags by their key=value text, as Twitch does', () => {
    const line = formatIrcMessage({
      tags: { 'msg-param-sub-plan': '1000', 'msg-param-sub-plan-name': 'Channel Subscription (x)' },
      prefix: 'tmi.twitch.tv',
      command: 'USERNOTICE',
      params: ['#x'],
    });

    expect(line).toBe(
      '@msg-param-sub-plan-name=Channel\\sSubscription\\s(x);msg-param-sub-plan=1000 :tmi.twitch.tv USERNOTICE #x',
    );
  });

  it('writes empty values as key= and the trailing text unescaped', () => {
    const line = formatIrcMessage({
      tags: { 'user-type': '', emotes: '' },
      prefix: 'a!a@a.tmi.twitch.tv',
      command: 'PRIVMSG',
      params: ['#chan'],
      trailing: ':) a literal \\s; stays',
    });

    expect(line).toBe(
      '@emotes=;user-type= :a!a@a.tmi.twitch.tv PRIVMSG #chan ::) a literal \\s; stays',
    );
  });

  it('writes no tag section without tags', () => {
    expect(
      formatIrcMessage({ tags: {}, command: 'PONG', params: [], trailing: 'tmi.twitch.tv' }),
    ).toBe('PONG :tmi.twitch.tv');
  });
});

describe(parseIrcMessage.name, () => {
  it('reads tags, prefix, command, params and trailing text', () => {
    const message = parseIrcMessage(
      '@badge-info=;display-name=Carved\\sTale\\s;vip :carved!carved@carved.tmi.twitch.tv PRIVMSG #chan ::) hi',
    );

    expect(message).toEqual({
      tags: { 'badge-info': '', 'display-name': 'Carved Tale ', vip: '' },
      prefix: 'carved!carved@carved.tmi.twitch.tv',
      command: 'PRIVMSG',
      params: ['#chan'],
      trailing: ':) hi',
    });
  });

  it('reads client lines without a prefix or trailing part', () => {
    expect(parseIrcMessage('CAP LS 302')).toEqual({
      tags: {},
      prefix: undefined,
      command: 'CAP',
      params: ['LS', '302'],
      trailing: undefined,
    });
    expect(parseIrcMessage('JOIN #a,#b').params).toEqual(['#a,#b']);
  });

  it('is the inverse of formatting', () => {
    const message = {
      tags: { 'reply-parent-msg-body': 'a; b\\c', id: 'x' },
      prefix: 'tmi.twitch.tv',
      command: 'USERNOTICE',
      params: ['#chan'],
      trailing: 'text with \\s',
    };

    expect(parseIrcMessage(formatIrcMessage(message))).toEqual(message);
  });
});

describe(commandOf.name, () => {
  it('finds the command after tags and prefix', () => {
    expect(commandOf('@a=b :tmi.twitch.tv USERNOTICE #chan')).toBe('USERNOTICE');
    expect(commandOf(':tmi.twitch.tv RECONNECT')).toBe('RECONNECT');
    expect(commandOf('PONG :tmi.twitch.tv')).toBe('PONG');
  });
});

describe(withoutTags.name, () => {
  it('cuts the tag section off', () => {
    expect(withoutTags('@a=b\\sc :x!x@x PRIVMSG #c :@hi')).toBe(':x!x@x PRIVMSG #c :@hi');
    expect(withoutTags(':x!x@x JOIN #c')).toBe(':x!x@x JOIN #c');
  });
});
