/** tmi.js's IRC parser, which @types/tmi.js does not describe. */
declare module 'tmi.js/lib/parser.js' {
  export interface ParsedIrcMessage {
    raw: string;
    /** A bare tag is `true`, or (a tmi.js quirk) its own name. */
    tags: Record<string, string | true>;
    prefix: string | null;
    command: string | null;
    params: string[];
  }

  const parser: {
    msg(line: string): ParsedIrcMessage | null;
    /** Replace the `badges` / `emotes` tag with its parsed form. */
    badges(tags: ParsedIrcMessage['tags']): void;
    emotes(tags: ParsedIrcMessage['tags']): void;
  };
  export default parser;
}
