/**
 * An IRC line split the way IRC frames it. Tag values stay as written on the wire (escaped), so
 * that a line taken apart and put back together is the line Twitch sent.
 */
export interface IrcFrame {
  /** In the order received; a bare key and `key=` are both `''`. */
  tags: Map<string, string>;
  /** Without the leading `:`. */
  prefix: string | null;
  command: string;
  /** The trailing parameter last, without its `:`. */
  params: string[];
}

/** `null` for a line that is not IRC (no command). */
export function parseIrcFrame(line: string): IrcFrame | null {
  const tags = new Map<string, string>();
  let position = 0;
  if (line.startsWith('@')) {
    const end = line.indexOf(' ');
    if (end < 0) return null;
    for (const tag of line.slice(1, end).split(';')) {
      if (tag === '') continue;
      const equals = tag.indexOf('=');
      if (equals < 0) tags.set(tag, '');
      else tags.set(tag.slice(0, equals), tag.slice(equals + 1));
    }
    position = end + 1;
  }
  position = skipSpaces(line, position);
  let prefix: string | null = null;
  if (line[position] === ':') {
    const end = line.indexOf(' ', position);
    if (end < 0) return null;
    prefix = line.slice(position + 1, end);
    position = skipSpaces(line, end + 1);
  }
  const commandEnd = line.indexOf(' ', position);
  const command = line.slice(position, commandEnd < 0 ? line.length : commandEnd);
  if (command === '') return null;
  const params: string[] = [];
  position = commandEnd < 0 ? line.length : commandEnd;
  while (position < line.length) {
    position = skipSpaces(line, position);
    if (position >= line.length) break;
    if (line[position] === ':') {
      params.push(line.slice(position + 1));
      break;
    }
    const end = line.indexOf(' ', position);
    params.push(line.slice(position, end < 0 ? line.length : end));
    position = end < 0 ? line.length : end;
  }
  return { tags, prefix, command, params };
}

function skipSpaces(line: string, position: number): number {
  while (line[position] === ' ') position++;
  return position;
}

const TAG_ESCAPES: Record<string, string> = { s: ' ', ':': ';', '\\': '\\', r: '\r', n: '\n' };

/** IRCv3 tag value escaping undone: `\s` → space, `\:` → `;`, … ; a lone `\` at the end is dropped. */
export function unescapeTagValue(value: string): string {
  if (!value.includes('\\')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = value[++i];
    if (next !== undefined) out += TAG_ESCAPES[next] ?? next;
  }
  return out;
}

/**
 * The frame written back the way recent-messages2 writes lines (twitch-irc-rs `as_raw_irc`): a
 * tag with an empty value is a bare key (`emotes`, not `emotes=`), and a parameter gets the `:`
 * of a trailing one only when it is empty, contains a space or starts with `:`.
 */
export function formatIrcFrame(frame: IrcFrame): string {
  let out = '';
  if (frame.tags.size > 0) {
    const tags: string[] = [];
    for (const [key, value] of frame.tags) tags.push(value === '' ? key : `${key}=${value}`);
    out += `@${tags.join(';')} `;
  }
  if (frame.prefix !== null) out += `:${frame.prefix} `;
  out += frame.command;
  for (const param of frame.params) {
    if (param === '' || param.includes(' ') || param.startsWith(':')) {
      out += ` :${param}`;
      break;
    }
    out += ` ${param}`;
  }
  return out;
}
