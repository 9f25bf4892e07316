import { type ChatMessageHappening } from '../twitch/happenings.js';
import { type TwitchWorld } from '../world/twitch-world.js';
import { chatBadges } from './chat-badges.js';
import { chatFragments } from './chat-fragments.js';
import { userFields } from './event-fields.js';

/** The `channel.chat.message` event of a message sent outside any shared-chat session. */
export function chatMessageEvent(h: ChatMessageHappening, world: TwitchWorld) {
  const fragments = chatFragments(h.text, h.emotes, {
    cheering: h.bits > 0,
    userByLogin: (login) => world.userByLogin(login),
  });
  return {
    ...userFields('broadcaster_user', h.channel),
    ...userFields('chatter_user', h.user),
    message_id: h.id,
    message: { text: h.text, fragments },
    color: h.user.chatColor,
    badges: chatBadges(world.channels.get(h.channel.id), h.user),
    message_type: 'text',
    cheer: h.bits > 0 ? { bits: h.bits } : null,
    reply: h.reply && {
      parent_message_id: h.reply.parentId,
      parent_message_body: h.reply.parentText,
      parent_user_id: h.reply.parentUser.id,
      parent_user_name: h.reply.parentUser.displayName,
      parent_user_login: h.reply.parentUser.login,
      thread_message_id: h.reply.threadParentId,
      thread_user_id: h.reply.threadParentUser.id,
      thread_user_name: h.reply.threadParentUser.displayName,
      thread_user_login: h.reply.threadParentUser.login,
    },
    channel_points_custom_reward_id: h.customRewardId,
    channel_points_animation_id: null,
    source_broadcaster_user_id: null,
    source_broadcaster_user_login: null,
    source_broadcaster_user_name: null,
    source_message_id: null,
    source_badges: null,
    is_source_only: null,
  };
}
