import { readFileSync } from 'node:fs';
import { type ChannelRef, type ChatEvent, type TwitchEventOf } from '@integron/contracts';
import { parseMessage } from 'ircv3';
import { describe, expect, it } from 'vitest';
import { type IrcLine, normalizeIrcLine, parseEmotes } from './irc-normalizer.js';

const teamcaptain: ChannelRef = { id: '100001', login: 'teamcaptain', displayName: 'TeamCaptain' };
const channels = (login: string) => (login === 'teamcaptain' ? teamcaptain : undefined);

/** A line as twurple's IRC client hands it over: parsed by ircv3, tags unescaped. */
function ircLine(raw: string): IrcLine {
  const message = parseMessage(raw);
  return { command: message.command, params: message.rawParamValues, tags: message.tags, raw };
}

function normalize(raw: string): ChatEvent | null {
  return normalizeIrcLine(ircLine(raw), channels);
}

function normalizeAs<T extends ChatEvent['type']>(type: T, raw: string): TwitchEventOf<T> {
  const event = normalize(raw);
  expect(event?.type).toBe(type);
  return event as TwitchEventOf<T>;
}

/** The simulator's golden lines, which a spec there checks against PROTOCOL.md's captures. */
const golden = (name: string) =>
  readFileSync(
    new URL(`../../../../simulator/test/golden/irc/${name}.irc`, import.meta.url),
    'utf8',
  )
    .split('\n')
    .filter(Boolean);

const [plain, broadcaster, cheer, action, korean, redemption, reply, leadingColon] =
  golden('privmsg');
const [deleted, timeout, ban, clear, deletedAction] = golden('moderation');
const [sub, primeSub, resub, primeResub] = golden('subscriptions');
const gifts = golden('gifts');
const [raid, announcement] = golden('notices');

describe(normalizeIrcLine.name, () => {
  describe('PRIVMSG', () => {
    it('keeps who wrote what, where and when, with the line itself', () => {
      const sut = normalizeAs('chat.message', plain!);

      expect(sut).toMatchObject({
        eventId: '23b4e7f5-1cbe-4385-a3dc-9a88f0fdce97',
        messageId: '23b4e7f5-1cbe-4385-a3dc-9a88f0fdce97',
        channel: teamcaptain,
        occurredAt: new Date(1795341600000).toISOString(),
        source: 'irc',
        rawIrc: plain,
        user: { id: '100006', login: 'lazy_otter', displayName: 'Lazy_Otter' },
        text: 'hello chat Kappa',
        isAction: false,
        color: '#008000',
        badges: [],
        emotes: [{ id: '25', start: 11, end: 15 }],
        bits: 0,
        replyParent: null,
        isFirstMessage: true,
        subscriberMonths: 0,
      });
    });

    it('reads badges, a missing colour and the subscription months', () => {
      expect(normalizeAs('chat.message', broadcaster!)).toMatchObject({
        badges: [
          { setId: 'broadcaster', version: '1' },
          { setId: 'partner', version: '1' },
        ],
      });
      expect(normalizeAs('chat.message', korean!).color).toBeNull();
      expect(normalizeAs('chat.message', cheer!).subscriberMonths).toBe(40);
    });

    it('counts bits', () => {
      expect(normalizeAs('chat.message', cheer!)).toMatchObject({
        bits: 500,
        text: 'Cheer500 great run',
      });
    });

    it('unwraps /me and says it was one', () => {
      expect(normalizeAs('chat.message', action!)).toMatchObject({
        text: 'waves at chat',
        isAction: true,
      });
    });

    it('places emotes by code points, after emoji and non-Latin text', () => {
      const sut = normalizeAs('chat.message', korean!);

      expect(sut.text).toBe('안녕하세요 😀 Kappa Kappa');
      expect(sut.user.displayName).toBe('강동원');
      expect(sut.emotes).toEqual([
        { id: '25', start: 8, end: 12 },
        { id: '25', start: 14, end: 18 },
      ]);
      const codePoints = [...sut.text];
      for (const emote of sut.emotes)
        expect(codePoints.slice(emote.start, emote.end + 1).join('')).toBe('Kappa');
    });

    it('keeps a reply with its parent, unescaping the quoted body', () => {
      expect(normalizeAs('chat.message', reply!).replyParent).toEqual({
        messageId: '23b4e7f5-1cbe-4385-a3dc-9a88f0fdce97',
        user: { id: '100006', login: 'lazy_otter', displayName: 'Lazy_Otter' },
        text: 'hello chat Kappa',
      });
    });

    it('leaves the text as sent: a leading colon and a literal \\s are not tag escapes', () => {
      expect(normalizeAs('chat.message', leadingColon!).text).toBe(
        ':) a leading colon and a literal \\s',
      );
    });

    it('unescapes tag values (spaces, semicolons, backslashes) in names', () => {
      const line = plain!.replace('display-name=Lazy_Otter', 'display-name=Lazy\\sOtter\\:\\\\x');

      expect(normalizeAs('chat.message', line).user.displayName).toBe('Lazy Otter;\\x');
    });

    it('keeps a redemption with text as a message', () => {
      expect(normalizeAs('chat.message', redemption!).text).toBe('hydrate!');
    });
  });

  describe('moderation', () => {
    it('turns CLEARCHAT with a duration into a timeout', () => {
      expect(normalizeAs('chat.user_timed_out', timeout!)).toMatchObject({
        user: { id: '100006', login: 'lazy_otter' },
        durationSeconds: 600,
        moderator: null,
        reason: null,
        rawIrc: timeout,
      });
    });

    it('turns CLEARCHAT without a duration into a ban, and without a user into a cleared chat', () => {
      expect(normalizeAs('chat.user_banned', ban!).user).toMatchObject({
        id: '100005',
        login: 'velvetbard',
      });
      expect(normalizeAs('chat.cleared', clear!).moderator).toBeNull();
    });

    it('gives each CLEARCHAT an id from its room, target and time, so a repeat collapses', () => {
      expect(normalize(timeout!)?.eventId).toBe('clearchat:100001:100006:1795341600000');
      expect(normalize(clear!)?.eventId).toBe('clearchat:100001::1795341600000');
    });

    it('turns CLEARMSG into a deletion of the message, with its text unwrapped', () => {
      expect(normalizeAs('chat.message_deleted', deleted!)).toMatchObject({
        eventId: 'clearmsg:23b4e7f5-1cbe-4385-a3dc-9a88f0fdce97',
        messageId: '23b4e7f5-1cbe-4385-a3dc-9a88f0fdce97',
        user: { id: '', login: 'lazy_otter' },
        text: 'buy followers at example.com',
      });
      expect(normalizeAs('chat.message_deleted', deletedAction!).text).toBe('shouts LOUDLY');
    });
  });

  describe('USERNOTICE', () => {
    it('types subs and resubs, with plan, months and streak', () => {
      expect(normalizeAs('chat.notice', sub!)).toMatchObject({
        msgId: 'sub',
        user: { id: '100006', login: 'lazy_otter' },
        systemText: 'Lazy_Otter subscribed at Tier 1.',
        text: '',
        detail: {
          kind: 'sub',
          plan: '1000',
          cumulativeMonths: 1,
          streakMonths: 1,
          durationMonths: 1,
          wasGifted: false,
        },
      });
      expect(normalizeAs('chat.notice', primeSub!).detail).toMatchObject({ plan: 'Prime' });
      expect(normalizeAs('chat.notice', resub!)).toMatchObject({
        text: 'still here Kappa',
        emotes: [{ id: '25', start: 11, end: 15 }],
        detail: { kind: 'resub', plan: '2000', cumulativeMonths: 14, streakMonths: 3 },
      });
      expect(normalizeAs('chat.notice', primeResub!).detail).toMatchObject({ streakMonths: null });
    });

    it('types a mystery gift and its gifts, sharing the community gift id', () => {
      const [mystery, ...individual] = gifts
        .slice(1, 5)
        .map((line) => normalizeAs('chat.notice', line));

      expect(mystery!.detail).toEqual({
        kind: 'submysterygift',
        count: 3,
        plan: '2000',
        communityGiftId: '7112268523846936525',
        senderTotal: 3,
      });
      expect(individual.map((gift) => gift.detail)).toMatchObject([
        {
          kind: 'subgift',
          recipient: { id: '100004', login: 'kangdongwon', displayName: '강동원' },
          communityGiftId: '7112268523846936525',
        },
        { recipient: { login: 'velvetbard' } },
        { recipient: { login: 'integron_bot' } },
      ]);
    });

    it('names no user for an anonymous gifter, and no lifetime total', () => {
      const anonymous = gifts.find(
        (line) => line.includes('AnAnonymousGifter') && line.includes('submysterygift'),
      );
      const sut = normalizeAs('chat.notice', anonymous!);

      expect(sut.user).toBeNull();
      expect(sut.detail).toMatchObject({ kind: 'submysterygift', count: 2, senderTotal: null });
    });

    it('types a single gift outside a mystery gift', () => {
      expect(normalizeAs('chat.notice', gifts[0]!).detail).toMatchObject({
        kind: 'subgift',
        communityGiftId: null,
        giftMonths: 1,
      });
    });

    it('types raids and announcements', () => {
      expect(normalizeAs('chat.notice', raid!)).toMatchObject({
        user: { login: 'speedrunsally' },
        detail: { kind: 'raid', viewers: 1234 },
      });
      expect(normalizeAs('chat.notice', announcement!)).toMatchObject({
        text: 'Giveaway at the top of the hour!',
        systemText: '',
        detail: { kind: 'announcement', color: 'PURPLE' },
      });
    });

    it('keeps kinds it does not model, with every msg-param', () => {
      const milestone = raid!
        .replace('msg-id=raid', 'msg-id=viewermilestone')
        .replace('msg-param-viewerCount=1234', 'msg-param-category=watch-streak;msg-param-value=7');

      expect(normalizeAs('chat.notice', milestone)).toMatchObject({
        msgId: 'viewermilestone',
        detail: { kind: 'other' },
        params: { category: 'watch-streak', value: '7', login: 'speedrunsally' },
      });
    });
  });

  it('ignores other channels, lines that are not events, and lines missing what they need', () => {
    expect(normalize(plain!.replace('#teamcaptain', '#somebodyelse'))).toBeNull();
    expect(
      normalize(
        '@emote-only=0;followers-only=-1;r9k=0;room-id=100001;slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #teamcaptain',
      ),
    ).toBeNull();
    expect(normalize('PING :tmi.twitch.tv')).toBeNull();
    expect(normalize(plain!.replace(/;id=[^;]+/, ''))).toBeNull();
  });
});

describe(parseEmotes.name, () => {
  it('clamps ranges that run past the text and drops those outside it', () => {
    expect(parseEmotes('25:0-4,6-20/1:30-31', 'Kappa Kappa')).toEqual([
      { id: '25', start: 0, end: 4 },
      { id: '25', start: 6, end: 10 },
    ]);
  });

  it('ignores malformed ranges', () => {
    expect(parseEmotes('25:x-4,3,-1-2/:0-1', 'Kappa')).toEqual([]);
  });
});
