import { formatIrcFrame, type IrcFrame } from './irc-frame.util.js';
import { type LogLine } from './log-line.types.js';

export interface RecentMessagesOptions {
  hideModerationMessages: boolean;
  hideModeratedMessages: boolean;
  clearchatToNotice: boolean;
}

/**
 * The lines as recent-messages2 exports them, oldest first: each raw IRC line with
 * `historical=1` and `rm-received-ts=<ms>` added (and `rm-deleted=1` on a moderated message),
 * written the way twitch-irc-rs writes lines. A message is moderated when the archive knows it
 * was deleted or cleared later (`line.moderated`), and, as recent-messages2 does within what it
 * returns, everything before a clear of the whole chat.
 */
export function exportRecentLines(lines: LogLine[], options: RecentMessagesOptions): string[] {
  const moderated = lines.map((line) => line.moderated);
  lines.forEach((line, index) => {
    if (line.command === 'CLEARMSG') {
      markBefore(index, (earlier) => isChat(earlier) && earlier.messageId === line.messageId);
    } else if (line.command === 'CLEARCHAT') {
      const target = clearChatTarget(line);
      markBefore(index, (earlier) =>
        target === null ? true : isChat(earlier) && earlier.userId === line.userId,
      );
    }
  });
  const exported: string[] = [];
  lines.forEach((line, index) => {
    const text = exportLine(line, moderated[index]!, options);
    if (text !== null) exported.push(text);
  });
  return exported;

  function markBefore(end: number, applies: (line: LogLine) => boolean): void {
    for (let i = 0; i < end; i++) if (applies(lines[i]!)) moderated[i] = true;
  }
}

function isChat(line: LogLine): boolean {
  return line.command === 'PRIVMSG' || line.command === 'USERNOTICE';
}

/** The login a CLEARCHAT times out or bans; `null` when it cleared the whole chat. */
function clearChatTarget(line: LogLine): string | null {
  const login = line.frame?.params[1];
  return login === undefined || login === '' ? null : login;
}

function exportLine(
  line: LogLine,
  moderated: boolean,
  options: RecentMessagesOptions,
): string | null {
  if (!line.frame) return null;
  if (options.hideModeratedMessages && moderated) return null;
  const moderation = line.command === 'CLEARCHAT' || line.command === 'CLEARMSG';
  if (options.hideModerationMessages && moderation) return null;
  const frame: IrcFrame =
    options.clearchatToNotice && line.command === 'CLEARCHAT'
      ? clearChatNotice(line.frame)
      : { ...line.frame, tags: new Map(line.frame.tags) };
  frame.tags.set('historical', '1');
  frame.tags.set('rm-received-ts', String(line.at.getTime()));
  if (moderated) frame.tags.set('rm-deleted', '1');
  return formatIrcFrame(frame);
}

/** `@msg-id=rm-timeout :tmi.twitch.tv NOTICE #channel :a_user has been timed out for 5m 2s.` */
function clearChatNotice(clearChat: IrcFrame): IrcFrame {
  const channel = clearChat.params[0] ?? '';
  const login = clearChat.params[1];
  const duration = clearChat.tags.get('ban-duration');
  const [msgId, text] = !login
    ? ['rm-clearchat', 'Chat has been cleared by a moderator.']
    : duration !== undefined
      ? ['rm-timeout', `${login} has been timed out for ${humanDuration(Number(duration))}.`]
      : ['rm-permaban', `${login} has been permanently banned.`];
  return {
    tags: new Map([['msg-id', msgId]]),
    prefix: 'tmi.twitch.tv',
    command: 'NOTICE',
    params: [channel, text],
  };
}

/** Rust's `humantime::format_duration` for whole seconds: `1day 2h 3m 4s`, `10m`, `0s`. */
export function humanDuration(totalSeconds: number): string {
  const seconds = Number.isFinite(totalSeconds) && totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  if (seconds === 0) return '0s';
  const years = Math.floor(seconds / 31_557_600);
  const yearRest = seconds % 31_557_600;
  const months = Math.floor(yearRest / 2_630_016);
  const monthRest = yearRest % 2_630_016;
  const days = Math.floor(monthRest / 86_400);
  const daySeconds = monthRest % 86_400;
  const parts = [
    plural(years, 'year'),
    plural(months, 'month'),
    plural(days, 'day'),
    unit(Math.floor(daySeconds / 3600), 'h'),
    unit(Math.floor((daySeconds % 3600) / 60), 'm'),
    unit(daySeconds % 60, 's'),
  ];
  return parts.filter((part) => part !== '').join(' ');
}

function plural(value: number, name: string): string {
  return value === 0 ? '' : `${value}${name}${value > 1 ? 's' : ''}`;
}

function unit(value: number, name: string): string {
  return value === 0 ? '' : `${value}${name}`;
}
