import {
  type Badge,
  type ChannelRef,
  type ChatEvent,
  type ChatMessageEvent,
  type ChatNoticeEvent,
  type EmoteRange,
  type ReplyParent,
  type SubPlan,
  type UserNoticeDetail,
  type UserRef,
} from '@integron/contracts';

/** One line from Twitch chat, parsed: tags unescaped, parameters with the trailing one last. */
export interface IrcLine {
  command: string;
  params: readonly string[];
  tags: ReadonlyMap<string, string>;
  /** The line as received, without CRLF. */
  raw: string;
}

/** The team's channels by login; lines from any other channel are not Integron's business. */
export type ChannelLookup = (login: string) => ChannelRef | undefined;

/** The account Twitch names as the sender of anonymous gifts (PROTOCOL C7). */
const ANONYMOUS_GIFTER_ID = '274598607';
const ACTION_PREFIX = '\u0001ACTION ';
const MSG_PARAM = 'msg-param-';
type ChatCommand = 'PRIVMSG' | 'USERNOTICE' | 'CLEARCHAT' | 'CLEARMSG';
const CHAT_COMMANDS = new Set<string>([
  'PRIVMSG',
  'USERNOTICE',
  'CLEARCHAT',
  'CLEARMSG',
] satisfies ChatCommand[]);

/**
 * Turns a chat line into the typed event it stands for, or `null` for lines that are not events
 * (ROOMSTATE, PING, …) or belong to a channel outside the team. Pure and allocation-light: it runs
 * for every line Twitch sends.
 */
export function normalizeIrcLine(line: IrcLine, channels: ChannelLookup): ChatEvent | null {
  if (!CHAT_COMMANDS.has(line.command)) return null;
  const target = line.params[0];
  if (target?.startsWith('#') !== true) return null;
  const channel = channels(target.slice(1).toLowerCase());
  if (!channel) return null;
  switch (line.command as ChatCommand) {
    case 'PRIVMSG':
      return chatMessage(line, channel);
    case 'USERNOTICE':
      return userNotice(line, channel);
    case 'CLEARCHAT':
      return clearChat(line, channel);
    case 'CLEARMSG':
      return clearMessage(line, channel);
  }
}

function chatMessage(line: IrcLine, channel: ChannelRef): ChatMessageEvent | null {
  const { tags } = line;
  const messageId = tags.get('id');
  const user = userFromTags(tags, line);
  if (!messageId || !user) return null;
  const { text, isAction } = unwrapAction(line.params[1] ?? '');
  return {
    type: 'chat.message',
    eventId: messageId,
    channel,
    occurredAt: sentAt(tags),
    source: 'irc',
    rawIrc: line.raw,
    messageId,
    user,
    text,
    isAction,
    color: nonEmpty(tags.get('color')) ?? null,
    badges: parseBadges(tags.get('badges')),
    emotes: parseEmotes(tags.get('emotes'), text),
    bits: positiveInt(tags.get('bits')),
    replyParent: replyParentOf(tags),
    isFirstMessage: tags.get('first-msg') === '1',
    subscriberMonths: subscriberMonths(tags.get('badge-info')),
  };
}

function userNotice(line: IrcLine, channel: ChannelRef): ChatNoticeEvent | null {
  const { tags } = line;
  const messageId = tags.get('id');
  const msgId = tags.get('msg-id');
  if (!messageId || !msgId) return null;
  const params: Record<string, string> = {};
  for (const [name, value] of tags) {
    if (name.startsWith(MSG_PARAM)) params[name.slice(MSG_PARAM.length)] = value;
  }
  const sender = userFromTags(tags, line);
  const text = line.params[1] ?? '';
  return {
    type: 'chat.notice',
    eventId: messageId,
    channel,
    occurredAt: sentAt(tags),
    source: 'irc',
    rawIrc: line.raw,
    messageId,
    msgId,
    user: sender?.id === ANONYMOUS_GIFTER_ID ? null : sender,
    systemText: tags.get('system-msg') ?? '',
    text,
    color: nonEmpty(tags.get('color')) ?? null,
    badges: parseBadges(tags.get('badges')),
    emotes: parseEmotes(tags.get('emotes'), text),
    detail: noticeDetail(msgId, params),
    params,
  };
}

function noticeDetail(msgId: string, params: Record<string, string>): UserNoticeDetail {
  switch (msgId) {
    case 'sub':
    case 'resub':
      return {
        kind: msgId,
        plan: subPlan(params['sub-plan']),
        cumulativeMonths: atLeastOne(params['cumulative-months']),
        streakMonths:
          params['should-share-streak'] === '1' ? positiveInt(params['streak-months']) : null,
        durationMonths: atLeastOne(params['multimonth-duration']),
        wasGifted: params['was-gifted'] === 'true',
      };
    case 'subgift':
    case 'anonsubgift':
      return {
        kind: 'subgift',
        recipient: {
          id: params['recipient-id'] ?? '',
          login: params['recipient-user-name'] ?? '',
          displayName:
            nonEmpty(params['recipient-display-name']) ?? params['recipient-user-name'] ?? '',
        },
        plan: subPlan(params['sub-plan']),
        giftMonths: atLeastOne(params['gift-months']),
        communityGiftId: params['community-gift-id'] ?? null,
      };
    case 'submysterygift':
    case 'anonsubmysterygift':
      return {
        kind: 'submysterygift',
        count: positiveInt(params['mass-gift-count']),
        plan: subPlan(params['sub-plan']),
        communityGiftId: params['community-gift-id'] ?? params['origin-id'] ?? '',
        senderTotal:
          params['sender-count'] === undefined ? null : positiveInt(params['sender-count']),
      };
    case 'raid':
      return { kind: 'raid', viewers: positiveInt(params.viewerCount) };
    case 'announcement':
      return { kind: 'announcement', color: params.color ?? 'PRIMARY' };
    default:
      return { kind: 'other' };
  }
}

function clearChat(line: IrcLine, channel: ChannelRef): ChatEvent {
  const { tags } = line;
  const occurredAt = sentAt(tags);
  const login = line.params[1];
  const targetId = tags.get('target-user-id') ?? '';
  const eventId = `clearchat:${tags.get('room-id') ?? channel.id}:${targetId}:${tags.get('tmi-sent-ts') ?? occurredAt}`;
  const base = { eventId, channel, occurredAt, source: 'irc', rawIrc: line.raw } as const;
  if (!login) return { ...base, type: 'chat.cleared', moderator: null };
  const user: UserRef = { id: targetId, login, displayName: login };
  const duration = tags.get('ban-duration');
  if (duration === undefined)
    return { ...base, type: 'chat.user_banned', user, moderator: null, reason: null };
  return {
    ...base,
    type: 'chat.user_timed_out',
    user,
    durationSeconds: positiveInt(duration),
    moderator: null,
    reason: null,
  };
}

function clearMessage(line: IrcLine, channel: ChannelRef): ChatEvent | null {
  const { tags } = line;
  const messageId = tags.get('target-msg-id');
  if (!messageId) return null;
  const login = tags.get('login') ?? '';
  return {
    type: 'chat.message_deleted',
    eventId: `clearmsg:${messageId}`,
    channel,
    occurredAt: sentAt(tags),
    source: 'irc',
    rawIrc: line.raw,
    messageId,
    // CLEARMSG names the author by login only.
    user: { id: '', login, displayName: login },
    text: unwrapAction(line.params[1] ?? '').text,
    moderator: null,
  };
}

/** The sender of a PRIVMSG or USERNOTICE; `null` when Twitch did not say who. */
function userFromTags(tags: ReadonlyMap<string, string>, line: IrcLine): UserRef | null {
  const id = tags.get('user-id');
  const login = tags.get('login') ?? nickOf(line.raw);
  if (!id || !login) return null;
  return { id, login, displayName: nonEmpty(tags.get('display-name')?.trim()) ?? login };
}

/** `:nick!user@host` after the tags, without parsing the whole prefix. */
function nickOf(raw: string): string | undefined {
  const start = raw.startsWith('@') ? raw.indexOf(' :') + 2 : raw.startsWith(':') ? 1 : -1;
  if (start < 1) return undefined;
  const end = raw.indexOf('!', start);
  return end > start ? raw.slice(start, end) : undefined;
}

function unwrapAction(text: string): { text: string; isAction: boolean } {
  if (!text.startsWith(ACTION_PREFIX)) return { text, isAction: false };
  const end = text.endsWith('\u0001') ? text.length - 1 : text.length;
  return { text: text.slice(ACTION_PREFIX.length, end), isAction: true };
}

function sentAt(tags: ReadonlyMap<string, string>): string {
  const sent = Number(tags.get('tmi-sent-ts'));
  return new Date(Number.isFinite(sent) && sent > 0 ? sent : Date.now()).toISOString();
}

export function parseBadges(value: string | undefined): Badge[] {
  if (!value) return [];
  const badges: Badge[] = [];
  for (const entry of value.split(',')) {
    const slash = entry.indexOf('/');
    if (slash > 0) badges.push({ setId: entry.slice(0, slash), version: entry.slice(slash + 1) });
  }
  return badges;
}

/**
 * `25:0-4,6-10/1902:12-16` → ranges sorted by start. Offsets are inclusive code points of
 * `text`; Twitch's known off-by-one slips are clamped and ranges outside the text dropped.
 */
export function parseEmotes(value: string | undefined, text: string): EmoteRange[] {
  if (!value) return [];
  let length = -1;
  const emotes: EmoteRange[] = [];
  for (const group of value.split('/')) {
    const colon = group.indexOf(':');
    if (colon <= 0) continue;
    const id = group.slice(0, colon);
    for (const range of group.slice(colon + 1).split(',')) {
      const dash = range.indexOf('-');
      const start = Number(range.slice(0, dash));
      let end = Number(range.slice(dash + 1));
      if (dash <= 0 || !Number.isInteger(start) || !Number.isInteger(end) || start < 0) continue;
      if (length < 0) length = codePointLength(text);
      if (start >= length) continue;
      if (end >= length) end = length - 1;
      if (end >= start) emotes.push({ id, start, end });
    }
  }
  return emotes.sort((a, b) => a.start - b.start);
}

function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

function replyParentOf(tags: ReadonlyMap<string, string>): ReplyParent | null {
  const messageId = tags.get('reply-parent-msg-id');
  if (!messageId) return null;
  const login = tags.get('reply-parent-user-login') ?? '';
  return {
    messageId,
    user: {
      id: tags.get('reply-parent-user-id') ?? '',
      login,
      displayName: nonEmpty(tags.get('reply-parent-display-name')) ?? login,
    },
    text: tags.get('reply-parent-msg-body') ?? '',
  };
}

function subscriberMonths(badgeInfo: string | undefined): number {
  if (!badgeInfo) return 0;
  for (const entry of badgeInfo.split(',')) {
    if (entry.startsWith('subscriber/')) return positiveInt(entry.slice('subscriber/'.length));
  }
  return 0;
}

function subPlan(value: string | undefined): SubPlan {
  return value === 'Prime' || value === '2000' || value === '3000' ? value : '1000';
}

function positiveInt(value: string | undefined): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : 0;
}

function atLeastOne(value: string | undefined): number {
  return Math.max(1, positiveInt(value));
}

/** Twitch writes an unset tag as `key=`: empty means absent. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
