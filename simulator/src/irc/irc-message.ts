/** IRCv3 tag values; a tag written without `=` reads as `''`. */
export type IrcTags = Readonly<Record<string, string>>;

/** `[@tags ][:prefix ]COMMAND[ params][ :trailing]`, as Twitch writes it (PROTOCOL C3). */
export interface IrcMessage {
  tags: IrcTags;
  /** Without the leading `:`. */
  prefix?: string;
  command: string;
  params: readonly string[];
  /** The last parameter, written after ` :`; message text goes here and is never escaped. */
  trailing?: string;
}

const ESCAPED: Readonly<Record<string, string>> = {
  ';': '\\:',
  ' ': '\\s',
  '\\': '\\\\',
  '\r': '\\r',
  '\n': '\\n',
};
const UNESCAPED: Readonly<Record<string, string>> = {
  ':': ';',
  s: ' ',
  '\\': '\\',
  r: '\r',
  n: '\n',
};

const NEEDS_ESCAPE = /[; \\\r\n]/;
const TO_ESCAPE = /[; \\\r\n]/g;

export function escapeTagValue(value: string): string {
  return NEEDS_ESCAPE.test(value)
    ? value.replace(TO_ESCAPE, (char) => ESCAPED[char] ?? char)
    : value;
}

/** An unknown escape drops its backslash, and so does a backslash at the very end. */
export function unescapeTagValue(value: string): string {
  return value.replace(/\\(.?)/gs, (_, char: string) => UNESCAPED[char] ?? char);
}

/** `key=value;…` sorted by that text, as Twitch sends tags; empty values stay as `key=`. */
export function formatTags(tags: IrcTags): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(tags)) pairs.push(`${key}=${escapeTagValue(value)}`);
  return pairs.sort().join(';');
}

export function formatIrcMessage(message: IrcMessage): string {
  const tags = formatTags(message.tags);
  let line = tags === '' ? '' : `@${tags} `;
  if (message.prefix !== undefined) line += `:${message.prefix} `;
  line += message.command;
  for (const param of message.params) line += ` ${param}`;
  if (message.trailing !== undefined) line += ` :${message.trailing}`;
  return line;
}

export function parseIrcMessage(line: string): IrcMessage {
  let rest = line;
  let tags: IrcTags = {};
  if (rest.startsWith('@')) {
    const end = rest.indexOf(' ');
    tags = parseTags(end === -1 ? rest.slice(1) : rest.slice(1, end));
    rest = end === -1 ? '' : rest.slice(end + 1).trimStart();
  }
  let prefix: string | undefined;
  if (rest.startsWith(':')) {
    const end = rest.indexOf(' ');
    prefix = end === -1 ? rest.slice(1) : rest.slice(1, end);
    rest = end === -1 ? '' : rest.slice(end + 1).trimStart();
  }
  let trailing: string | undefined;
  const trailingAt = rest.indexOf(' :');
  if (trailingAt !== -1) {
    trailing = rest.slice(trailingAt + 2);
    rest = rest.slice(0, trailingAt);
  }
  const [command = '', ...params] = rest.split(' ').filter((part) => part !== '');
  return { tags, prefix, command, params, trailing };
}

function parseTags(text: string): IrcTags {
  const tags: Record<string, string> = {};
  for (const tag of text.split(';')) {
    if (tag === '') continue;
    const equals = tag.indexOf('=');
    if (equals === -1) tags[tag] = '';
    else tags[tag.slice(0, equals)] = unescapeTagValue(tag.slice(equals + 1));
  }
  return tags;
}

/** The command of a formatted line, found without parsing the rest of it. */
export function commandOf(line: string): string {
  let start = line.startsWith('@') ? line.indexOf(' ') + 1 : 0;
  if (line.startsWith(':', start)) start = line.indexOf(' ', start) + 1;
  const end = line.indexOf(' ', start);
  return end === -1 ? line.slice(start) : line.slice(start, end);
}

export function withoutTags(line: string): string {
  return line.startsWith('@') ? line.slice(line.indexOf(' ') + 1) : line;
}
