import {
  type ChatMessageEvent,
  type OverlayChatMessage,
  type OverlayChatRemoval,
  type TwitchEventOf,
} from '@integron/contracts';

/** The moderation events that take chat lines away from overlays. */
export const CHAT_REMOVAL_TYPES = [
  'chat.message_deleted',
  'chat.user_banned',
  'chat.user_timed_out',
  'chat.cleared',
] as const;

export type ChatRemovalEvent = TwitchEventOf<(typeof CHAT_REMOVAL_TYPES)[number]>;

/** A chat line as overlays get it: what they show, without the IRC line it came from. */
export function overlayChatMessage(event: ChatMessageEvent): OverlayChatMessage {
  return {
    messageId: event.messageId,
    occurredAt: event.occurredAt,
    user: event.user,
    text: event.text,
    isAction: event.isAction,
    color: event.color,
    badges: event.badges,
    emotes: event.emotes,
    bits: event.bits,
    isFirstMessage: event.isFirstMessage,
    subscriberMonths: event.subscriberMonths,
  };
}

/** What overlays drop for a moderation event. */
export function chatRemovalOf(event: ChatRemovalEvent): OverlayChatRemoval {
  switch (event.type) {
    case 'chat.message_deleted':
      return { kind: 'message', messageId: event.messageId };
    case 'chat.user_banned':
    case 'chat.user_timed_out':
      return { kind: 'user', login: event.user.login.toLowerCase() };
    case 'chat.cleared':
      return { kind: 'all' };
  }
}

/** Equal for the same moderation in one channel, whichever source told it. */
export function removalKey(channelTwitchId: string, removal: OverlayChatRemoval): string {
  switch (removal.kind) {
    case 'message':
      return `message:${channelTwitchId}:${removal.messageId}`;
    case 'user':
      return `user:${channelTwitchId}:${removal.login}`;
    case 'all':
      return `all:${channelTwitchId}`;
  }
}
