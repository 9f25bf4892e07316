import { describe, expect, it } from 'vitest';
import { parseIrcMessage } from '../../src/irc/irc-message.js';
import { renderIrc } from '../../src/irc/irc-render.js';
import {
  capabilityAnswerLine,
  capabilityListLine,
  globalUserStateLine,
  joinedLines,
  roomStateLine,
  userStateLine,
  welcomeLines,
} from '../../src/irc/server-lines.js';
import { type Happening } from '../../src/twitch/happenings.js';
import { ChatWorld } from './support/chat-world.js';

/*
 * The golden files pin the simulator's own output; this spec holds it against the lines Twitch
 * really sends, as PROTOCOL.md C2–C7 quotes them from captured traffic. The quoted lines are
 * copied verbatim: `<placeholder>`s are filled in where the test knows the value and otherwise
 * match any one tag value or word (ids, timestamps); `…` matches any tag value.
 */

/** A quoted line as a pattern for a whole rendered line. */
function quoted(line: string, values: Readonly<Record<string, string>> = {}): RegExp {
  const pattern = line
    .split(/(<[^>]+>|…)/)
    .map((part) => {
      if (part === '…') return '[^; ]*';
      const placeholder = /^<(.+)>$/.exec(part)?.[1];
      if (placeholder === undefined) return escapeRegExp(part);
      const value = values[placeholder];
      return value === undefined ? '[^; ]*' : escapeRegExp(value);
    })
    .join('');
  return new RegExp(`^${pattern}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The tag names of a line, sorted as Twitch sends them. */
function tagNames(line: string): string[] {
  return Object.keys(parseIrcMessage(line).tags);
}

function msgParams(line: string): string[] {
  return tagNames(line)
    .filter((name) => name.startsWith('msg-param-'))
    .map((name) => name.slice('msg-param-'.length))
    .sort();
}

describe('IRC lines against the captures quoted in PROTOCOL.md', () => {
  const chat = new ChatWorld();
  const { events, broadcaster, viewer } = chat;
  const nick = viewer.login;
  const chan = `#${broadcaster.login}`;
  const render = (happening: Happening): string[] =>
    renderIrc(chat.happen(happening), chat.world).lines;

  it('C2: answers CAP and welcomes as Twitch does', () => {
    const lines = [
      capabilityListLine(),
      capabilityAnswerLine('twitch.tv/tags twitch.tv/commands', true),
      ...welcomeLines(nick),
      globalUserStateLine(viewer),
    ];

    const captured = [
      ':tmi.twitch.tv CAP * LS :twitch.tv/tags twitch.tv/commands twitch.tv/membership',
      ':tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands',
      ':tmi.twitch.tv 001 <nick> :Welcome, GLHF!',
      ':tmi.twitch.tv 002 <nick> :Your host is tmi.twitch.tv',
      ':tmi.twitch.tv 003 <nick> :This server is rather new',
      ':tmi.twitch.tv 004 <nick> :-',
      ':tmi.twitch.tv 375 <nick> :-',
      ':tmi.twitch.tv 372 <nick> :You are in a maze of twisty passages, all alike.',
      ':tmi.twitch.tv 376 <nick> :>',
      '@badge-info=;badges=…;color=…;display-name=…;emote-sets=…;user-id=…;user-type= :tmi.twitch.tv GLOBALUSERSTATE',
    ];
    expect(lines).toHaveLength(captured.length);
    lines.forEach((line, i) => expect(line).toMatch(quoted(captured[i] ?? '', { nick })));
  });

  it('C2: answers JOIN with the echo, the names, USERSTATE and a full ROOMSTATE', () => {
    const lines = [
      ...joinedLines(nick, broadcaster.login),
      userStateLine(viewer, chat.channel, broadcaster.login),
      roomStateLine(broadcaster, chat.channel.roomState),
    ];

    const captured = [
      ':<nick>!<nick>@<nick>.tmi.twitch.tv JOIN #chan',
      ':<nick>.tmi.twitch.tv 353 <nick> = #chan :<nick>',
      ':<nick>.tmi.twitch.tv 366 <nick> #chan :End of /NAMES list',
      '@badge-info=;badges=…;color=…;display-name=…;emote-sets=…;mod=0;subscriber=0;user-type= :tmi.twitch.tv USERSTATE #chan',
      '@emote-only=0;followers-only=-1;r9k=0;room-id=<id>;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #chan',
    ].map((line) => line.replaceAll('#chan', chan));
    expect(lines).toHaveLength(captured.length);
    lines.forEach((line, i) =>
      expect(line).toMatch(quoted(captured[i] ?? '', { nick, id: broadcaster.id })),
    );
  });

  it('C3: keeps a leading colon and wraps /me in ACTION', () => {
    const [colon] = render(events.chatMessage(broadcaster, viewer, ':) hi there'));
    const [action] = render(events.chatMessage(broadcaster, viewer, 'waves', { action: true }));

    expect(colon).toMatch(/ PRIVMSG #teamcaptain ::\) hi there$/);
    expect(action?.endsWith(' PRIVMSG #teamcaptain :\x01ACTION waves\x01')).toBe(true);
  });

  it('C4: carries the PRIVMSG tags and prefix Twitch sends, sorted', () => {
    const parent = events.chatMessage(broadcaster, chat.vip, 'first!');
    const [line = ''] = render(events.reply(parent, viewer, 'welcome'));
    const c4Tags = [
      'badge-info',
      'badges',
      'bits',
      'client-nonce',
      'color',
      'display-name',
      'emotes',
      'first-msg',
      'flags',
      'id',
      'mod',
      'returning-chatter',
      'room-id',
      'subscriber',
      'tmi-sent-ts',
      'turbo',
      'user-id',
      'user-type',
      'vip',
      'msg-id',
      'custom-reward-id',
      'reply-parent-display-name',
      'reply-parent-msg-body',
      'reply-parent-msg-id',
      'reply-parent-user-id',
      'reply-parent-user-login',
      'reply-thread-parent-msg-id',
      'reply-thread-parent-user-login',
    ];
    // Captures also show these two, which C4 does not list.
    const alsoCaptured = ['reply-thread-parent-display-name', 'reply-thread-parent-user-id'];

    const names = tagNames(line);
    expect(names.filter((name) => ![...c4Tags, ...alsoCaptured].includes(name))).toEqual([]);
    expect(names).toEqual([...names].sort());
    // C4's prefix, after the tags; a reply's text starts with `@<ParentDisplayName> `.
    const [, afterTags = ''] = /^@\S+ (.*)$/.exec(line) ?? [];
    expect(afterTags).toMatch(
      quoted(':<login>!<login>@<login>.tmi.twitch.tv PRIVMSG #teamcaptain :@NightOwl welcome', {
        login: viewer.login,
      }),
    );
  });

  it('C5: shows a timeout, a ban and a cleared chat as CLEARCHAT', () => {
    const lines = [
      events.timeout(broadcaster, viewer, chat.moderator, 600),
      events.ban(broadcaster, viewer, chat.moderator),
      events.clearChat(broadcaster, chat.moderator),
    ].flatMap(render);

    const captured = [
      '@ban-duration=<seconds>;room-id=<id>;target-user-id=<id>;tmi-sent-ts=<ms> :tmi.twitch.tv CLEARCHAT #chan :<login>',
      '@room-id=<id>;target-user-id=<id>;tmi-sent-ts=<ms> :tmi.twitch.tv CLEARCHAT #chan :<login>',
      '@room-id=<id>;tmi-sent-ts=<ms> :tmi.twitch.tv CLEARCHAT #chan',
    ].map((line) => line.replaceAll('#chan', chan));
    lines.forEach((line, i) =>
      expect(line).toMatch(quoted(captured[i] ?? '', { seconds: '600', login: viewer.login })),
    );
  });

  it('C6: shows a deleted message, and a deleted action, as CLEARMSG with an empty room-id', () => {
    const said = events.chatMessage(broadcaster, viewer, 'oops');
    const acted = events.chatMessage(broadcaster, viewer, 'trips', { action: true });
    const lines = [said, acted].flatMap((message) =>
      render(events.deleteMessage(message, chat.moderator)),
    );

    const capture = `@login=<login of author>;room-id=;target-msg-id=<message id>;tmi-sent-ts=<ms> :tmi.twitch.tv CLEARMSG ${chan} :<deleted text>`;
    expect(lines[0]).toMatch(
      quoted(capture, {
        'login of author': viewer.login,
        'message id': said.id,
        'deleted text': 'oops',
      }),
    );
    expect(lines[1]).toMatch(
      quoted(capture, {
        'login of author': viewer.login,
        'message id': acted.id,
        'deleted text': '\x01ACTION trips\x01',
      }),
    );
  });

  describe('C7: USERNOTICE', () => {
    const common = [
      'badge-info',
      'badges',
      'color',
      'display-name',
      'emotes',
      'flags',
      'id',
      'login',
      'mod',
      'msg-id',
      'room-id',
      'subscriber',
      'system-msg',
      'tmi-sent-ts',
      'user-id',
      'user-type',
      'vip',
    ];
    const nonParams = (line: string) =>
      tagNames(line).filter((name) => !name.startsWith('msg-param-'));

    it('sub and resub carry the sub params, streak-months only when shared', () => {
      const [sub = ''] = render(events.subscription(broadcaster, viewer, { streakMonths: null }));
      const [resub = ''] = render(
        events.subscription(broadcaster, chat.vip, { cumulativeMonths: 14, streakMonths: 3 }),
      );
      const subParams = [
        'cumulative-months',
        'months',
        'multimonth-duration',
        'multimonth-tenure',
        'should-share-streak',
        'sub-plan',
        'sub-plan-name',
        'was-gifted',
      ];

      expect(nonParams(sub)).toEqual(common);
      expect(msgParams(sub)).toEqual(subParams);
      expect(msgParams(resub)).toEqual([...subParams, 'streak-months'].sort());
      expect(parseIrcMessage(resub).tags['msg-id']).toBe('resub');
    });

    it('a mystery gift of N is one submysterygift and N subgifts sharing community-gift-id', () => {
      const gift = events.gift(broadcaster, chat.moderator, [viewer, chat.turboViewer]);
      const [mystery = '', ...gifts] = render(gift);
      const shared = `msg-param-community-gift-id=${gift.communityGiftId}`;

      expect(msgParams(mystery)).toEqual([
        'community-gift-id',
        'mass-gift-count',
        'origin-id',
        'sender-count',
        'sub-plan',
      ]);
      expect(gifts).toHaveLength(2);
      for (const line of [mystery, ...gifts]) expect(line).toContain(`;${shared};`);
      for (const line of gifts) {
        expect(nonParams(line)).toEqual(common);
        expect(msgParams(line)).toEqual([
          'community-gift-id',
          'gift-months',
          'months',
          'origin-id',
          'recipient-display-name',
          'recipient-id',
          'recipient-user-name',
          'sender-count',
          'sub-plan',
          'sub-plan-name',
        ]);
        expect(parseIrcMessage(line).tags['msg-param-sender-count']).toBe('0');
      }
    });

    it('an anonymous gift names AnAnonymousGifter and omits sender-count', () => {
      const [line = ''] = render(events.gift(broadcaster, null, [viewer]));
      const tags = parseIrcMessage(line).tags;

      expect(tags).toMatchObject({
        login: 'ananonymousgifter',
        'display-name': 'AnAnonymousGifter',
        'user-id': '274598607',
      });
      expect(msgParams(line)).not.toContain('sender-count');
    });

    it('raid and announcement carry their params', () => {
      const [raid = ''] = render(events.raid(broadcaster, chat.vip, 42));
      const [announcement = ''] = render(
        events.announcement(broadcaster, chat.moderator, 'hello', 'PURPLE'),
      );

      expect(msgParams(raid)).toEqual(['displayName', 'login', 'profileImageURL', 'viewerCount']);
      expect(msgParams(announcement)).toEqual(['color']);
      expect(parseIrcMessage(announcement).tags).toMatchObject({
        'msg-param-color': 'PURPLE',
        'system-msg': '',
      });
    });
  });
});
