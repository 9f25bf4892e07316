import { type ChatEvent, type ModActionType } from '@integron/contracts';

/** A line of chat as the `messages` table keeps it; `channelTwitchId` is resolved at write time. */
export interface MessageRow {
  sentAt: string;
  twitchMessageId: string;
  channelTwitchId: string;
  chatterId: string | null;
  /** 1 PRIVMSG, 4 USERNOTICE. */
  kind: 1 | 4;
  noticeType: string | null;
  login: string;
  displayName: string;
  text: string;
  systemText: string | null;
  isAction: boolean;
  color: string | null;
  /** JSON, or `null` when empty. */
  badges: string | null;
  emotes: string | null;
  bits: number;
  replyParentId: string | null;
  isFirst: boolean;
  raw: string | null;
  /** Months subscribed as of this line (badge-info, or a sub notice's cumulative months). */
  subMonths: number;
}

export interface ModActionRow {
  eventKey: string;
  channelTwitchId: string;
  type: ModActionType;
  moderatorId: string | null;
  moderatorLogin: string | null;
  moderatorName: string | null;
  targetId: string | null;
  targetLogin: string | null;
  targetName: string | null;
  durationSeconds: number | null;
  reason: string | null;
  occurredAt: string;
  /** `delete`: the deleted message's Twitch id. */
  messageId: string | null;
  source: 'irc' | 'eventsub';
  raw: string | null;
}

export type ArchiveRow =
  { table: 'messages'; row: MessageRow } | { table: 'mod_actions'; row: ModActionRow };

const NUMERIC_ID = /^\d{1,19}$/;

/** Twitch ids are digits; anything else (CLEARMSG names its author by login only) is unknown. */
function numericId(id: string | undefined): string | null {
  return id !== undefined && NUMERIC_ID.test(id) ? id : null;
}

/** What the archive keeps of an event; `null` for test events and what is not chat. */
export function archiveRowOf(event: ChatEvent): ArchiveRow | null {
  if (event.source === 'test') return null;
  const source = event.source;
  const channelTwitchId = event.channel.id;
  switch (event.type) {
    case 'chat.message':
      return {
        table: 'messages',
        row: {
          sentAt: event.occurredAt,
          twitchMessageId: event.messageId,
          channelTwitchId,
          chatterId: numericId(event.user.id),
          kind: 1,
          noticeType: null,
          login: event.user.login,
          displayName: event.user.displayName,
          text: event.text,
          systemText: null,
          isAction: event.isAction,
          color: event.color,
          badges: event.badges.length > 0 ? JSON.stringify(event.badges) : null,
          emotes: event.emotes.length > 0 ? JSON.stringify(event.emotes) : null,
          bits: event.bits,
          replyParentId: event.replyParent?.messageId ?? null,
          isFirst: event.isFirstMessage,
          raw: event.rawIrc,
          subMonths: event.subscriberMonths,
        },
      };
    case 'chat.notice': {
      const { detail } = event;
      return {
        table: 'messages',
        row: {
          sentAt: event.occurredAt,
          twitchMessageId: event.messageId,
          channelTwitchId,
          chatterId: numericId(event.user?.id),
          kind: 4,
          noticeType: event.msgId,
          login: event.user?.login ?? '',
          displayName: event.user?.displayName ?? '',
          text: event.text,
          systemText: event.systemText,
          isAction: false,
          color: event.color,
          badges: event.badges.length > 0 ? JSON.stringify(event.badges) : null,
          emotes: event.emotes.length > 0 ? JSON.stringify(event.emotes) : null,
          bits: 0,
          replyParentId: null,
          isFirst: false,
          raw: event.rawIrc,
          subMonths: detail.kind === 'sub' || detail.kind === 'resub' ? detail.cumulativeMonths : 0,
        },
      };
    }
    case 'chat.message_deleted':
      return modAction(event, 'delete', {
        targetId: numericId(event.user.id),
        targetLogin: event.user.login || null,
        targetName: event.user.displayName || null,
        messageId: event.messageId,
      });
    case 'chat.user_banned':
      return modAction(event, 'ban', { ...target(event.user), reason: event.reason });
    case 'chat.user_timed_out':
      return modAction(event, 'timeout', {
        ...target(event.user),
        reason: event.reason,
        durationSeconds: event.durationSeconds,
      });
    case 'chat.user_unbanned':
      return modAction(event, event.wasTimeout ? 'untimeout' : 'unban', target(event.user));
    case 'chat.cleared':
      return modAction(event, 'clear', {});
  }

  function modAction(
    from: ChatEvent,
    type: ModActionType,
    fields: Partial<ModActionRow>,
  ): ArchiveRow {
    const moderator = 'moderator' in from ? from.moderator : null;
    return {
      table: 'mod_actions',
      row: {
        eventKey: from.eventId,
        channelTwitchId,
        type,
        moderatorId: numericId(moderator?.id),
        moderatorLogin: moderator?.login ?? null,
        moderatorName: moderator?.displayName ?? null,
        targetId: null,
        targetLogin: null,
        targetName: null,
        durationSeconds: null,
        reason: null,
        occurredAt: from.occurredAt,
        messageId: null,
        source,
        raw: from.rawIrc,
        ...fields,
      },
    };
  }
}

function target(user: { id: string; login: string; displayName: string }) {
  return { targetId: numericId(user.id), targetLogin: user.login, targetName: user.displayName };
}
