import {
  type ArchivedMessage,
  type Badge,
  type ChannelBrief,
  type EmoteRange,
  type UserRef,
} from '@integron/contracts';

/**
 * What every query that returns archived messages selects, from `messages m`, its channel `c`
 * and the chatter who deleted it `d` (`LEFT JOIN chatters d ON d.twitch_id = m.deleted_by`).
 */
export const MESSAGE_COLUMNS = `
  m.twitch_message_id, m.sent_at, m.kind, m.notice_type, m.chatter_id::text AS chatter_id,
  m.login, m.display_name, m.text, m.system_text, m.is_action, m.color, m.badges, m.emotes,
  m.bits, m.reply_parent_id, m.is_first, m.deleted_at, m.deleted_by::text AS deleted_by,
  d.login AS deleted_by_login, d.display_name AS deleted_by_name,
  c.id::text AS channel_id, c.twitch_id AS channel_twitch_id, c.login AS channel_login,
  c.display_name AS channel_name`;

/** The joins `MESSAGE_COLUMNS` needs, after `FROM <messages as m>`. */
export const MESSAGE_JOINS = `
  JOIN channels c ON c.id = m.channel_id
  LEFT JOIN chatters d ON d.twitch_id = m.deleted_by`;

export interface MessageRecord {
  twitch_message_id: string;
  sent_at: Date;
  kind: number;
  notice_type: string | null;
  chatter_id: string | null;
  login: string;
  display_name: string;
  text: string;
  system_text: string | null;
  is_action: boolean;
  color: string | null;
  badges: Badge[] | null;
  emotes: EmoteRange[] | null;
  bits: number;
  reply_parent_id: string | null;
  is_first: boolean;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_login: string | null;
  deleted_by_name: string | null;
  channel_id: string;
  channel_twitch_id: string;
  channel_login: string;
  channel_name: string;
}

export function channelBriefOf(row: {
  channel_id: string;
  channel_twitch_id: string;
  channel_login: string;
  channel_name: string;
}): ChannelBrief {
  return {
    id: row.channel_id,
    twitchId: row.channel_twitch_id,
    login: row.channel_login,
    displayName: row.channel_name,
  };
}

/** A user named by id, login and display name columns; `null` when the id is. */
export function userRefOf(
  id: string | null,
  login: string | null,
  displayName: string | null,
): UserRef | null {
  if (id === null || login === null) return null;
  return { id, login, displayName: displayName ?? login };
}

export function archivedMessageOf(row: MessageRecord): ArchivedMessage {
  return {
    twitchMessageId: row.twitch_message_id,
    channel: channelBriefOf(row),
    user: userRefOf(row.chatter_id, row.login, row.display_name),
    kind: row.kind === 4 ? 'notice' : 'message',
    noticeType: row.notice_type,
    text: row.text,
    systemText: row.system_text,
    isAction: row.is_action,
    color: row.color,
    badges: row.badges ?? [],
    emotes: row.emotes ?? [],
    bits: row.bits,
    replyParentId: row.reply_parent_id,
    isFirstMessage: row.is_first,
    sentAt: row.sent_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
    deletedBy: userRefOf(row.deleted_by, row.deleted_by_login, row.deleted_by_name),
  };
}
