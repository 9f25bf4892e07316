import {
  type BanHappening,
  type ChatClearHappening,
  type ChatMessageHappening,
  type MessageDeleteHappening,
} from '../twitch/happenings.js';
import { type SimChannel } from '../world/twitch-world.js';
import { chatterTags, flag, standingIn } from '../twitch/chatter-standing.js';
import { formatEmotesTag } from './emotes.js';
import { formatIrcMessage } from './irc-message.js';
import { SERVER_PREFIX, userPrefix } from './twitch-prefixes.js';

/** PRIVMSG with the sender as the channel sees them now (PROTOCOL C4). */
export function privmsgLine(
  message: ChatMessageHappening,
  channel: SimChannel | undefined,
): string {
  const standing = standingIn(channel, message.user);
  // Object.assign, not a spread: V8 copies spread objects like these ten times slower.
  const tags: Record<string, string> = Object.assign(chatterTags(message.user, standing), {
    emotes: formatEmotesTag(message.emotes),
    'first-msg': flag(message.firstMessage),
    flags: '',
    id: message.id,
    'returning-chatter': flag(message.returningChatter),
    'room-id': message.channel.id,
    'tmi-sent-ts': String(message.at),
    turbo: flag(message.user.hasTurbo),
  });
  if (standing.isVip) tags.vip = '1';
  if (message.bits > 0) tags.bits = String(message.bits);
  if (message.customRewardId !== null) tags['custom-reward-id'] = message.customRewardId;
  if (message.reply) Object.assign(tags, replyTags(message.reply));
  return formatIrcMessage({
    tags,
    prefix: userPrefix(message.user.login),
    command: 'PRIVMSG',
    params: [`#${message.channel.login}`],
    trailing: actionText(message),
  });
}

/** The trailing text of a message as chat sends it: a `/me` is wrapped (PROTOCOL C3). */
function actionText(message: { text: string; action: boolean }): string {
  return message.action ? `\x01ACTION ${message.text}\x01` : message.text;
}

function replyTags(reply: NonNullable<ChatMessageHappening['reply']>): Record<string, string> {
  return {
    'reply-parent-display-name': reply.parentUser.displayName,
    'reply-parent-msg-body': reply.parentText,
    'reply-parent-msg-id': reply.parentId,
    'reply-parent-user-id': reply.parentUser.id,
    'reply-parent-user-login': reply.parentUser.login,
    'reply-thread-parent-display-name': reply.threadParentUser.displayName,
    'reply-thread-parent-msg-id': reply.threadParentId,
    'reply-thread-parent-user-id': reply.threadParentUser.id,
    'reply-thread-parent-user-login': reply.threadParentUser.login,
  };
}

/** CLEARMSG; real captures carry an empty `room-id` and keep an action's wrapper (PROTOCOL C6). */
export function clearMsgLine(deletion: MessageDeleteHappening): string {
  return formatIrcMessage({
    tags: {
      login: deletion.user.login,
      'room-id': '',
      'target-msg-id': deletion.messageId,
      'tmi-sent-ts': String(deletion.at),
    },
    prefix: SERVER_PREFIX,
    command: 'CLEARMSG',
    params: [`#${deletion.channel.login}`],
    trailing: actionText(deletion),
  });
}

/** CLEARCHAT for one user: a timeout carries `ban-duration`, a ban does not (PROTOCOL C5). */
export function clearChatLine(ban: BanHappening): string {
  const tags: Record<string, string> = {
    'room-id': ban.channel.id,
    'target-user-id': ban.user.id,
    'tmi-sent-ts': String(ban.at),
  };
  if (ban.durationSeconds !== null) tags['ban-duration'] = String(ban.durationSeconds);
  return formatIrcMessage({
    tags,
    prefix: SERVER_PREFIX,
    command: 'CLEARCHAT',
    params: [`#${ban.channel.login}`],
    trailing: ban.user.login,
  });
}

/** CLEARCHAT with no user: the whole chat was cleared. */
export function chatClearedLine(clear: ChatClearHappening): string {
  return formatIrcMessage({
    tags: { 'room-id': clear.channel.id, 'tmi-sent-ts': String(clear.at) },
    prefix: SERVER_PREFIX,
    command: 'CLEARCHAT',
    params: [`#${clear.channel.login}`],
  });
}
