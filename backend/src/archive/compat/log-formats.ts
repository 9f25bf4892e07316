import { assertUnreachable } from '../../common/assert-unreachable.js';
import { unescapeTagValue } from './irc-frame.util.js';
import { type LogDialect } from './log-dialect.js';
import { type LogLine } from './log-line.types.js';
import { type LogFormat } from './log-request.js';

/** How a response of lines is written: what comes before them, each line, what comes after. */
export interface LogOutput {
  contentType: string;
  head: string;
  /** `index` counts the lines written before; `''` writes nothing. */
  line(line: LogLine, index: number): string;
  tail: string;
}

const TEXT = 'text/plain; charset=utf-8';

export function logOutput(dialect: LogDialect, format: LogFormat): LogOutput {
  return dialect === 'justlog' ? justlogOutput(format) : rustlogOutput(format);
}

/** justlog: LF; JSON as Go's encoding/json writes it (`charset=utf-8`, `\u003c`…). */
function justlogOutput(format: LogFormat): LogOutput {
  switch (format) {
    case 'raw':
      return lines(TEXT, (line) => (line.raw === null ? '' : `${line.raw}\n`));
    case 'json':
    case 'jsonBasic':
    case 'ndjson':
      return {
        contentType: 'application/json; charset=utf-8',
        head: '{"messages":[',
        line: (line, index) => (index > 0 ? ',' : '') + goJson(justlogMessage(line)),
        tail: ']}',
      };
    case 'text':
      return lines(TEXT, justlogText);
    default:
      return assertUnreachable(format);
  }
}

/** rustlog: CRLF; JSON as serde writes it. */
function rustlogOutput(format: LogFormat): LogOutput {
  switch (format) {
    case 'raw':
      return lines(TEXT, (line) => (line.raw === null ? '' : `${line.raw}\r\n`));
    case 'json':
    case 'jsonBasic': {
      const message = format === 'json' ? rustlogFullMessage : rustlogBasicMessage;
      return {
        contentType: 'application/json',
        head: '{"messages":[',
        line: (line, index) => (index > 0 ? ',' : '') + message(line),
        tail: ']}',
      };
    }
    case 'ndjson':
      return lines('application/x-ndjson', (line) => `${rustlogBasicMessage(line)}\r\n`);
    case 'text':
      return lines(TEXT, rustlogText);
    default:
      return assertUnreachable(format);
  }
}

function lines(contentType: string, line: (line: LogLine) => string): LogOutput {
  return { contentType, head: '', line, tail: '' };
}

// ---- justlog ---------------------------------------------------------------------------------

/** `[2006-01-2 15:04:05] #chan user: text` — Go's layout: the day is not zero-padded. */
export function justlogText(line: LogLine): string {
  const at = `[${justlogTime(line.at)}] #${line.channelLogin}`;
  switch (line.command) {
    case 'PRIVMSG':
      return `${at} ${line.login}: ${line.text}\n`;
    case 'USERNOTICE':
      return `${at} ${line.text}\n`;
    case 'CLEARCHAT':
      return `${at} \n`;
    // justlog never logged CLEARMSG; its lines are not served in its dialect.
    case 'CLEARMSG':
      return '';
    default:
      return assertUnreachable(line.command);
  }
}

function justlogTime(at: Date): string {
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${at.getUTCDate()} ${clock(at)}`;
}

/** justlog's JSON message, its fields in Go's struct order. */
function justlogMessage(line: LogLine) {
  const tags = tagsOf(line);
  const clearChat = line.command === 'CLEARCHAT';
  const login = firstNonEmpty(line.login, tags.get('login'));
  return {
    text: clearChat ? '' : line.text,
    systemText: clearChat ? clearChatText(line) : line.systemText,
    username: login,
    displayName: clearChat
      ? login
      : firstNonEmpty(line.displayName, tags.get('display-name'), login),
    channel: line.channelLogin,
    // RFC 3339, UTC, truncated to seconds.
    timestamp: `${isoDate(line.at)}T${clock(line.at)}Z`,
    id: clearChat ? '' : line.messageId,
    type: line.command === 'PRIVMSG' ? 1 : clearChat ? 2 : 4,
    raw: line.raw ?? '',
    tags: new SortedTags(tags),
  };
}

/** Go encodes a `map[string]string` with its keys sorted. */
class SortedTags {
  constructor(private readonly tags: Map<string, string>) {}

  toJSON(): Record<string, string> {
    const sorted: Record<string, string> = {};
    for (const key of [...this.tags.keys()].sort()) sorted[key] = this.tags.get(key)!;
    return sorted;
  }
}

/**
 * JSON as Go's `encoding/json` writes it: like `JSON.stringify`, but `<`, `>`, `&`, U+2028 and
 * U+2029 are `\u` escapes (they may only appear inside strings, so the whole text is safe to edit).
 */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// ---- rustlog ---------------------------------------------------------------------------------

/** `[%Y-%m-%d %H:%M:%S] #chan user: text` + CRLF; no `user: ` when the line has no user. */
export function rustlogText(line: LogLine): string {
  const user = rustlogUsername(line);
  const at = `[${isoDate(line.at)} ${clock(line.at)}] #${line.channelLogin}`;
  return user
    ? `${at} ${user}: ${rustlogFriendlyText(line)}\r\n`
    : `${at} ${rustlogFriendlyText(line)}\r\n`;
}

function rustlogUsername(line: LogLine): string {
  return firstNonEmpty(line.login, line.frame?.tags.get('login'));
}

/** rustlog's `user_friendly_text`. */
function rustlogFriendlyText(line: LogLine): string {
  switch (line.command) {
    case 'PRIVMSG':
      return line.text;
    case 'USERNOTICE':
      if (!line.frame?.tags.has('system-msg') && !line.systemText) return '';
      return line.text ? `${line.systemText} ${line.text}` : line.systemText;
    case 'CLEARCHAT':
      return clearChatText(line);
    case 'CLEARMSG':
      return '';
    default:
      return assertUnreachable(line.command);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** rustlog's `BasicMessage`: `text, displayName, timestamp, id, tags`. */
function rustlogBasicFields(line: LogLine): string {
  const id = line.command === 'PRIVMSG' || line.command === 'USERNOTICE' ? line.messageId : '';
  const fields = {
    text: rustlogFriendlyText(line),
    // The display-name tag as sent: empty on CLEARCHAT and CLEARMSG, which have none.
    displayName: line.frame ? unescapeTagValue(line.frame.tags.get('display-name') ?? '') : '',
    timestamp: rustlogTimestamp(line.at),
    id: UUID.test(id) ? id.toLowerCase() : '',
    tags: Object.fromEntries(tagsOf(line)),
  };
  return JSON.stringify(fields).slice(1, -1);
}

function rustlogBasicMessage(line: LogLine): string {
  return `{${rustlogBasicFields(line)}}`;
}

/** rustlog's `FullMessage`: the basic fields, then `username, channel, raw, type`. */
function rustlogFullMessage(line: LogLine): string {
  const rest = {
    username: rustlogUsername(line),
    channel: line.channelLogin,
    raw: line.raw ?? '',
    type: RUSTLOG_TYPES[line.command],
  };
  return `{${rustlogBasicFields(line)},${JSON.stringify(rest).slice(1)}`;
}

/** twitch-irc's message type numbers, which both peers use. */
const RUSTLOG_TYPES = { PRIVMSG: 1, CLEARCHAT: 2, USERNOTICE: 4, CLEARMSG: 13 } as const;

/** chrono's RFC 3339: milliseconds when there are any, none on a whole second. */
function rustlogTimestamp(at: Date): string {
  const ms = at.getUTCMilliseconds();
  return `${isoDate(at)}T${clock(at)}${ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`}Z`;
}

// ---- shared ----------------------------------------------------------------------------------

function clearChatText(line: LogLine): string {
  if (!line.login) return 'Chat has been cleared';
  return line.durationSeconds === null
    ? `${line.login} has been banned`
    : `${line.login} has been timed out for ${line.durationSeconds} seconds`;
}

/** Every tag of the raw line, unescaped. */
function tagsOf(line: LogLine): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [key, value] of line.frame?.tags ?? []) tags.set(key, unescapeTagValue(value));
  return tags;
}

/** The first value that is neither missing nor empty, else `''`. */
function firstNonEmpty(...values: (string | undefined)[]): string {
  return values.find((value) => value !== undefined && value !== '') ?? '';
}

function isoDate(at: Date): string {
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

function clock(at: Date): string {
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
