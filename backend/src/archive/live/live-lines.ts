import {
  type ChannelBrief,
  type ChatEvent,
  type ChatLine,
  type LiveMessageDeleted,
  type LiveModAction,
} from '@integron/contracts';
import { type RecentNames } from './recent-names.js';

/** A line of the live feed, in the admin's shapes. */
export type LiveItem =
  | { event: 'message'; data: ChatLine }
  | { event: 'mod_action'; data: LiveModAction }
  | { event: 'message_deleted'; data: LiveMessageDeleted };

/** What the live feed shows of a chat event; `names` puts chatters' display names on moderation. */
export function liveItemsOf(
  event: ChatEvent,
  channel: ChannelBrief,
  names: RecentNames,
): LiveItem[] {
  const source = event.source === 'eventsub' ? 'eventsub' : 'irc';
  const action = (fields: Omit<LiveModAction, 'channel' | 'source' | 'occurredAt'>): LiveItem => ({
    event: 'mod_action',
    data: { channel, source, occurredAt: event.occurredAt, ...fields },
  });
  const moderation = { durationSeconds: null, reason: null, twitchMessageId: null } as const;
  switch (event.type) {
    case 'chat.message':
      names.remember(event.user);
      return [
        {
          event: 'message',
          data: {
            twitchMessageId: event.messageId,
            channel,
            user: event.user,
            kind: 'message',
            noticeType: null,
            text: event.text,
            systemText: null,
            isAction: event.isAction,
            color: event.color,
            badges: event.badges,
            emotes: event.emotes,
            bits: event.bits,
            replyParentId: event.replyParent?.messageId ?? null,
            isFirstMessage: event.isFirstMessage,
            sentAt: event.occurredAt,
          },
        },
      ];
    case 'chat.notice':
      return [
        {
          event: 'message',
          data: {
            twitchMessageId: event.messageId,
            channel,
            user: event.user,
            kind: 'notice',
            noticeType: event.msgId,
            text: event.text,
            systemText: event.systemText,
            isAction: false,
            color: event.color,
            badges: event.badges,
            emotes: event.emotes,
            bits: 0,
            replyParentId: null,
            isFirstMessage: false,
            sentAt: event.occurredAt,
          },
        },
      ];
    case 'chat.message_deleted':
      return [
        {
          event: 'message_deleted',
          data: {
            channelId: channel.id,
            twitchMessageId: event.messageId,
            deletedAt: event.occurredAt,
          },
        },
        action({
          ...moderation,
          type: 'delete',
          moderator: event.moderator,
          target: names.named(event.user),
          twitchMessageId: event.messageId,
        }),
      ];
    case 'chat.user_banned':
      return [
        action({
          ...moderation,
          type: 'ban',
          moderator: event.moderator,
          target: names.named(event.user),
          reason: event.reason,
        }),
      ];
    case 'chat.user_timed_out':
      return [
        action({
          ...moderation,
          type: 'timeout',
          moderator: event.moderator,
          target: names.named(event.user),
          reason: event.reason,
          durationSeconds: event.durationSeconds,
        }),
      ];
    case 'chat.user_unbanned':
      return [
        action({
          ...moderation,
          type: event.wasTimeout ? 'untimeout' : 'unban',
          moderator: event.moderator,
          target: names.named(event.user),
        }),
      ];
    case 'chat.cleared':
      return [action({ ...moderation, type: 'clear', moderator: event.moderator, target: null })];
  }
}
