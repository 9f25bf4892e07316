import { type ModAction, type ModActionType, type ReviewStatus } from '@integron/contracts';
import { channelBriefOf, userRefOf } from './archived-message.mapper.js';

/** What every query that returns mod actions selects, from `mod_actions a` and its joins. */
export const MOD_ACTION_COLUMNS = `
  a.id::text AS id, a.type, a.moderator_id::text AS moderator_id, a.moderator_login,
  a.moderator_name, a.target_id::text AS target_id, a.target_login,
  CASE WHEN t.login = a.target_login THEN t.display_name ELSE a.target_name END AS target_name,
  a.duration_seconds, a.reason, a.occurred_at, a.message_id, a.message_sent_at, a.message_text,
  a.source, a.review_status, a.review_note, a.reviewed_at,
  r.id::text AS reviewer_id, r.login AS reviewer_login,
  c.id::text AS channel_id, c.twitch_id AS channel_twitch_id, c.login AS channel_login,
  c.display_name AS channel_name`;

/**
 * The joins `MOD_ACTION_COLUMNS` needs, after `FROM mod_actions a`. IRC names a target by login
 * only; the chatter's display name comes from the archive while their login is still that one.
 */
export const MOD_ACTION_JOINS = `
  JOIN channels c ON c.id = a.channel_id
  LEFT JOIN chatters t ON t.twitch_id = a.target_id
  LEFT JOIN team_members r ON r.id = a.reviewed_by`;

export interface ModActionRecord {
  id: string;
  type: ModActionType;
  moderator_id: string | null;
  moderator_login: string | null;
  moderator_name: string | null;
  target_id: string | null;
  target_login: string | null;
  target_name: string | null;
  duration_seconds: number | null;
  reason: string | null;
  occurred_at: Date;
  message_id: string | null;
  message_sent_at: Date | null;
  message_text: string | null;
  source: 'irc' | 'eventsub';
  review_status: ReviewStatus;
  review_note: string | null;
  reviewed_at: Date | null;
  reviewer_id: string | null;
  reviewer_login: string | null;
  channel_id: string;
  channel_twitch_id: string;
  channel_login: string;
  channel_name: string;
}

export function modActionOf(row: ModActionRecord): ModAction {
  return {
    id: row.id,
    channel: channelBriefOf(row),
    type: row.type,
    moderator: userRefOf(row.moderator_id, row.moderator_login, row.moderator_name),
    // IRC names a deleted message's author by login only; the id is '' until the archive knows it.
    target:
      row.target_login === null && row.target_id === null
        ? null
        : {
            id: row.target_id ?? '',
            login: row.target_login ?? '',
            displayName: row.target_name ?? row.target_login ?? '',
          },
    durationSeconds: row.duration_seconds,
    // IRC sends no reason as an empty one.
    reason: row.reason === '' ? null : row.reason,
    occurredAt: row.occurred_at.toISOString(),
    relatedMessage:
      row.message_id !== null && row.message_text !== null && row.message_sent_at !== null
        ? {
            twitchMessageId: row.message_id,
            text: row.message_text,
            sentAt: row.message_sent_at.toISOString(),
          }
        : null,
    source: row.source,
    review: {
      status: row.review_status,
      note: row.review_note,
      reviewer:
        row.reviewer_id !== null && row.reviewer_login !== null
          ? { id: row.reviewer_id, login: row.reviewer_login }
          : null,
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
    },
  };
}
