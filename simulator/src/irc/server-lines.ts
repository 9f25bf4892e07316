// The server's own lines: handshake, JOIN replies, notices (PROTOCOL C2, C8, C9).
import { type RoomState, type SimChannel, type SimUser } from '../world/twitch-world.js';
import { flag, globalBadgeList, standingIn } from '../twitch/chatter-standing.js';
import { SUPPORTED_CAPABILITIES } from './capabilities.js';
import { formatIrcMessage } from './irc-message.js';
import { SERVER_PREFIX, userPrefix } from './twitch-prefixes.js';

/** Emote set 0 holds the global emotes everyone may use. */
const EMOTE_SETS = '0';

export function capabilityListLine(): string {
  return serverLine('CAP', ['*', 'LS'], SUPPORTED_CAPABILITIES);
}

/** Repeats the request verbatim: ircv3 pairs the answer with its request by that text. */
export function capabilityAnswerLine(request: string, granted: boolean): string {
  return serverLine('CAP', ['*', granted ? 'ACK' : 'NAK'], request);
}

export function welcomeLines(nick: string): string[] {
  return [
    serverLine('001', [nick], 'Welcome, GLHF!'),
    serverLine('002', [nick], 'Your host is tmi.twitch.tv'),
    serverLine('003', [nick], 'This server is rather new'),
    serverLine('004', [nick], '-'),
    serverLine('375', [nick], '-'),
    serverLine('372', [nick], 'You are in a maze of twisty passages, all alike.'),
    serverLine('376', [nick], '>'),
  ];
}

export function globalUserStateLine(user: SimUser): string {
  return formatIrcMessage({
    tags: {
      'badge-info': '',
      badges: globalBadgeList(user),
      color: user.chatColor,
      'display-name': user.displayName,
      'emote-sets': EMOTE_SETS,
      'user-id': user.id,
      'user-type': user.type,
    },
    prefix: SERVER_PREFIX,
    command: 'GLOBALUSERSTATE',
    params: [],
  });
}

/** The echo of a JOIN and the names list, which on Twitch only ever names yourself. */
export function joinedLines(nick: string, channel: string): string[] {
  const host = `${nick}.tmi.twitch.tv`;
  return [
    membershipLine(nick, 'JOIN', channel),
    formatIrcMessage({
      tags: {},
      prefix: host,
      command: '353',
      params: [nick, '=', `#${channel}`],
      trailing: nick,
    }),
    formatIrcMessage({
      tags: {},
      prefix: host,
      command: '366',
      params: [nick, `#${channel}`],
      trailing: 'End of /NAMES list',
    }),
  ];
}

export function membershipLine(nick: string, command: 'JOIN' | 'PART', channel: string): string {
  return formatIrcMessage({
    tags: {},
    prefix: userPrefix(nick),
    command,
    params: [`#${channel}`],
  });
}

/** On JOIN, and with `id` of the message after each PRIVMSG the user sends. */
export function userStateLine(
  user: SimUser,
  channel: SimChannel | undefined,
  channelLogin: string,
  messageId?: string,
): string {
  const standing = standingIn(channel, user);
  const tags: Record<string, string> = {
    'badge-info': standing.badgeInfo,
    badges: standing.badges,
    color: user.chatColor,
    'display-name': user.displayName,
    'emote-sets': EMOTE_SETS,
    mod: flag(standing.isMod),
    subscriber: flag(standing.isSubscriber),
    'user-type': standing.userType,
  };
  if (messageId !== undefined) tags.id = messageId;
  return formatIrcMessage({
    tags,
    prefix: SERVER_PREFIX,
    command: 'USERSTATE',
    params: [`#${channelLogin}`],
  });
}

/** The full state, with every setting: twurple's JOIN succeeds only on this (PROTOCOL C2). */
export function roomStateLine(broadcaster: SimUser, state: RoomState): string {
  return formatIrcMessage({
    tags: {
      'emote-only': flag(state.emoteOnly),
      'followers-only': String(state.followersOnly),
      r9k: flag(state.r9k),
      'room-id': broadcaster.id,
      slow: String(state.slow),
      'subs-only': flag(state.subsOnly),
    },
    prefix: SERVER_PREFIX,
    command: 'ROOMSTATE',
    params: [`#${broadcaster.login}`],
  });
}

/** `target` is `#channel`, or `*` before login; login failures carry no `msg-id`. */
export function noticeLine(target: string, msgId: string | null, text: string): string {
  return formatIrcMessage({
    tags: msgId === null ? {} : { 'msg-id': msgId },
    prefix: SERVER_PREFIX,
    command: 'NOTICE',
    params: [target],
    trailing: text,
  });
}

/** A bare `PING` (tmi.js) gets `PONG :tmi.twitch.tv`; `PING x` (twurple) gets its token back. */
export function pongLine(token: string | undefined): string {
  if (token === undefined)
    return formatIrcMessage({ tags: {}, command: 'PONG', params: [], trailing: SERVER_PREFIX });
  return serverLine('PONG', [SERVER_PREFIX], token);
}

/** The server's own keep-alive; clients answer `PONG :tmi.twitch.tv` (PROTOCOL C9). */
export function pingLine(): string {
  return formatIrcMessage({ tags: {}, command: 'PING', params: [], trailing: SERVER_PREFIX });
}

export function reconnectLine(): string {
  return serverLine('RECONNECT', []);
}

export function unknownCommandLine(nick: string, command: string): string {
  return serverLine('421', [nick, command], 'Unknown command');
}

function serverLine(command: string, params: readonly string[], trailing?: string): string {
  return formatIrcMessage({ tags: {}, prefix: SERVER_PREFIX, command, params, trailing });
}
