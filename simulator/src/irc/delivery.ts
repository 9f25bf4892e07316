import { Capability } from './capabilities.js';
import { commandOf, withoutTags } from './irc-message.js';

/** What Twitch sends only to connections that asked for `twitch.tv/commands`. */
const COMMANDS_CAPABILITY_ONLY: ReadonlySet<string> = new Set([
  'CLEARCHAT',
  'CLEARMSG',
  'GLOBALUSERSTATE',
  'HOSTTARGET',
  'NOTICE',
  'RECONNECT',
  'ROOMSTATE',
  'USERNOTICE',
  'USERSTATE',
  'WHISPER',
]);

const SHAPING = Capability.tags | Capability.commands;

/**
 * Tagged lines bound for any number of connections, turned into wire text once per capability
 * set that changes them: without `tags` the tags are cut off, without `commands` Twitch's own
 * commands are left out.
 */
export class Delivery {
  private readonly texts = new Map<number, string>();

  constructor(private readonly lines: readonly string[]) {}

  textFor(capabilities: number): string {
    const shaping = capabilities & SHAPING;
    let text = this.texts.get(shaping);
    if (text === undefined) {
      text = wireText(this.lines, shaping);
      this.texts.set(shaping, text);
    }
    return text;
  }
}

function wireText(lines: readonly string[], capabilities: number): string {
  const withTags = (capabilities & Capability.tags) !== 0;
  const withCommands = (capabilities & Capability.commands) !== 0;
  let text = '';
  for (const line of lines) {
    if (!withCommands && COMMANDS_CAPABILITY_ONLY.has(commandOf(line))) continue;
    text += `${withTags ? line : withoutTags(line)}\r\n`;
  }
  return text;
}
