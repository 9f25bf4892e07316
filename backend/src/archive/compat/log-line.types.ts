import { type IrcFrame } from './irc-frame.util.js';

/** The chat commands the log APIs serve: messages, notices, and the moderation that touched them. */
export type LogCommand = 'PRIVMSG' | 'USERNOTICE' | 'CLEARCHAT' | 'CLEARMSG';

/** One line of a channel's log, from `messages` or `mod_actions`. */
export interface LogLine {
  at: Date;
  /** Where the line sits for paging: `at` as Postgres writes it (exact), and the row's key. */
  cursor: { at: string; key: string };
  command: LogCommand;
  /** The channel as the line names it (a renamed channel's old lines keep the old name). */
  channelLogin: string;
  /** The sender; for CLEARCHAT and CLEARMSG the user it concerns (empty for a cleared chat). */
  login: string;
  displayName: string;
  /** The message text, `/me` unwrapped; for CLEARMSG the deleted text. */
  text: string;
  /** A USERNOTICE's `system-msg`, unescaped. */
  systemText: string;
  /** PRIVMSG/USERNOTICE: its id; CLEARMSG: the deleted message's id. */
  messageId: string;
  /** The sender's (or target's) Twitch id. */
  userId: string | null;
  /** A timeout's length; `null` for a ban or a cleared chat. */
  durationSeconds: number | null;
  /** The IRC line as received, without CRLF. */
  raw: string | null;
  frame: IrcFrame | null;
  /** A message deleted, or cleared by a later ban, timeout or clear of the chat. */
  moderated: boolean;
}
