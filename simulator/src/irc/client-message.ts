import { randomUUID } from 'node:crypto';
import { type ChatMessageHappening } from '../twitch/happenings.js';
import { type SimUser } from '../world/twitch-world.js';
import { findGlobalEmotes } from './emotes.js';

const CTCP_ACTION = '\x01ACTION ';
const ME_COMMAND = '/me ';

/**
 * The chat message a client's PRIVMSG makes, as if typed on Twitch: `/me` or a CTCP ACTION is an
 * action, global emotes are found, and a known `reply-parent-msg-id` makes it a reply.
 */
export function clientChatMessage(fields: {
  channel: SimUser;
  user: SimUser;
  rawText: string;
  parent: ChatMessageHappening | undefined;
  at: number;
}): ChatMessageHappening {
  const action = actionText(fields.rawText);
  const text = action ?? fields.rawText;
  const parent = fields.parent;
  return {
    kind: 'chat.message',
    channel: fields.channel,
    at: fields.at,
    id: randomUUID(),
    user: fields.user,
    text,
    action: action !== undefined,
    bits: 0,
    emotes: findGlobalEmotes(text),
    reply: parent
      ? {
          parentId: parent.id,
          parentUser: parent.user,
          parentText: parent.text,
          threadParentId: parent.reply?.threadParentId ?? parent.id,
          threadParentUser: parent.reply?.threadParentUser ?? parent.user,
        }
      : null,
    firstMessage: false,
    returningChatter: false,
    customRewardId: null,
  };
}

function actionText(rawText: string): string | undefined {
  if (rawText.startsWith(CTCP_ACTION) && rawText.endsWith('\x01')) {
    return rawText.slice(CTCP_ACTION.length, -1);
  }
  return rawText.startsWith(ME_COMMAND) ? rawText.slice(ME_COMMAND.length) : undefined;
}
