import type { Badge, EmoteRange, UserRef } from './twitch-event.js';

/**
 * The chat archive's API: every message and moderation action of the team's channels. Chatters
 * are named by their Twitch id, messages by their Twitch message id, everything else by
 * Integron's own ids.
 */

/** A page of a longer list. Counting stops at `PAGE_TOTAL_CAP`: `totalCapped` says so ("10,000+"). */
export interface Page<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  limit: number;
  offset: number;
}

export const PAGE_TOTAL_CAP = 10_000;
export const PAGE_LIMIT_MAX = 200;
export const PAGE_LIMIT_DEFAULT = 50;
/** Deeper pages are refused: narrow the filters (or export) instead. */
export const PAGE_OFFSET_MAX = 10_000;

/** Common list query: `?limit=&offset=`. */
export interface PageQuery {
  limit?: number;
  offset?: number;
}

/** A channel as archived rows name it. */
export interface ChannelBrief {
  /** Integron's id of the channel. */
  id: string;
  twitchId: string;
  login: string;
  displayName: string;
}

/** `message`: a PRIVMSG; `notice`: a USERNOTICE (sub, raid, announcement, …). */
export type ChatLineKind = 'message' | 'notice';

/** A line of chat as it happened, before or without its archive row. */
export interface ChatLine {
  twitchMessageId: string;
  channel: ChannelBrief;
  /** `null` for a notice without a user (an anonymous gift). */
  user: UserRef | null;
  kind: ChatLineKind;
  /** USERNOTICE `msg-id` (`sub`, `raid`, …); `null` for messages. */
  noticeType: string | null;
  text: string;
  /** What Twitch shows for a notice; `null` for messages. */
  systemText: string | null;
  isAction: boolean;
  color: string | null;
  badges: Badge[];
  emotes: EmoteRange[];
  bits: number;
  /** The Twitch id of the message this one replies to. */
  replyParentId: string | null;
  isFirstMessage: boolean;
  sentAt: string;
}

/** An archived line; `twitchMessageId` is its id in the API too (`GET /api/messages/:twitchMessageId`). */
export interface ArchivedMessage extends ChatLine {
  /** Set once a moderator deleted it (CLEARMSG or EventSub). */
  deletedAt: string | null;
  /** Who deleted it, when Twitch said (EventSub does, IRC does not). */
  deletedBy: UserRef | null;
}

/** `GET /api/messages`: filters combine; `q` is a full-text search (channel-wide or across channels). */
export interface MessageQuery extends PageQuery {
  channelId?: string;
  /** Twitch id of the author. */
  userId?: string;
  /** ISO 8601, inclusive. */
  since?: string;
  /** ISO 8601, exclusive. */
  until?: string;
  q?: string;
  /** Default true: deleted messages are shown, marked. */
  includeDeleted?: boolean;
}

export const MOD_ACTION_TYPES = [
  'ban',
  'timeout',
  'unban',
  'untimeout',
  'delete',
  'clear',
] as const;
export type ModActionType = (typeof MOD_ACTION_TYPES)[number];

export const REVIEW_STATUSES = ['pending', 'ok', 'flagged'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_NOTE_MAX_LENGTH = 2_000;

export interface ModActionReview {
  status: ReviewStatus;
  note: string | null;
  /** The team member who reviewed it. */
  reviewer: { id: string; login: string } | null;
  reviewedAt: string | null;
}

export interface ModAction {
  id: string;
  channel: ChannelBrief;
  type: ModActionType;
  /** `null` when Twitch did not say (IRC never does). */
  moderator: UserRef | null;
  /** `null` for `clear`, which hits the whole chat. */
  target: UserRef | null;
  /** Timeouts only. */
  durationSeconds: number | null;
  reason: string | null;
  occurredAt: string;
  /** The target's last message before the action (for `delete`: the deleted one). */
  relatedMessage: { twitchMessageId: string; text: string; sentAt: string } | null;
  source: 'irc' | 'eventsub';
  review: ModActionReview;
}

/** `GET /api/mod-actions`. */
export interface ModActionQuery extends PageQuery {
  type?: ModActionType;
  channelId?: string;
  /** Twitch ids. */
  moderatorId?: string;
  targetId?: string;
  status?: ReviewStatus;
  since?: string;
  until?: string;
}

/** `PATCH /api/mod-actions/:id/review`. */
export interface ReviewModActionRequest {
  status: ReviewStatus;
  note?: string | null;
}

/** `GET /api/mod-actions/:id/context`: what the target wrote before the action, oldest first. */
export interface ModActionContext {
  action: ModAction;
  messages: ArchivedMessage[];
}

export type StatsBucket = 'hour' | 'day';

/** `GET /api/mod-actions/stats?channelId=&since=&until=&bucket=`. */
export interface ModActionStats {
  byType: Record<ModActionType, number>;
  series: { at: string; counts: Record<ModActionType, number> }[];
  topModerators: { moderator: UserRef; count: number }[];
  /** Actions IRC reported without a moderator. */
  unattributed: number;
}

/** A Twitch user seen in chat: `GET /api/users?q=`. */
export interface ChatterSummary {
  user: UserRef;
  firstSeen: string;
  lastSeen: string;
  messageCount: number;
}

export interface ChatterChannelStats {
  channel: ChannelBrief;
  messageCount: number;
  bitsTotal: number;
  subMonths: number;
  firstSeen: string;
  lastSeen: string;
}

/** `GET /api/users/:twitchId`. */
export interface ChatterProfile extends ChatterSummary {
  bitsTotal: number;
  channels: ChatterChannelStats[];
  bans: number;
  timeouts: number;
  deletedMessages: number;
}

/** `GET /api/users/:twitchId/names`: every login and display name seen, newest first. */
export interface NameHistoryEntry {
  login: string;
  displayName: string;
  firstSeen: string;
  lastSeen: string;
}

/** `GET /api/users/:twitchId/activity?days=`: messages per day, oldest first, days without any included. */
export interface ActivityPoint {
  at: string;
  messages: number;
}

/** `GET /api/channels/:id/stats?hours=`. */
export interface ChannelStats {
  channel: ChannelBrief;
  messagesPerHour: ActivityPoint[];
  totalMessages: number;
  /** Distinct chatters in the last hour and the last 24 hours. */
  activeUsers: { lastHour: number; lastDay: number };
  modActions: Record<ModActionType, number>;
}

/** `GET /api/archive/overview`: the dashboard. */
export interface ArchiveOverview {
  totals: { messages: number; chatters: number; modActions: number; channels: number };
  /** All channels, the last 24 hours. */
  messagesPerHour: ActivityPoint[];
  mostActiveChannels: { channel: ChannelBrief; messages: number }[];
  mostActiveChatters: { user: UserRef; messages: number }[];
  recentModActions: ModAction[];
  pendingReviews: number;
}

/** `GET /api/archive/health`: whether every line reaches Postgres, and how far behind it is. */
export interface ArchiveHealth {
  /** Lines received per second, averaged over the last 10 seconds. */
  ingestRatePerSecond: number;
  buffer: { rows: number; capacity: number };
  /** Lines waiting on disk while Postgres is unreachable or slow. */
  journal: { files: number; rows: number; bytes: number };
  /** Age of the oldest line not yet committed; 0 when all are. */
  lagMs: number;
  writtenTotal: number;
  lastFlushAt: string | null;
  /** `false` while Postgres refuses writes; lines go to the journal meanwhile. */
  databaseWritable: boolean;
  lastError: string | null;
}

export type ExportFormat = 'csv' | 'ndjson';

/**
 * `GET /api/exports/messages?channelId=|userId=&since=&until=&format=`: streamed; the
 * `X-Export-Rows` header says how many rows follow, for a progress bar.
 */
export interface ExportQuery {
  channelId?: string;
  userId?: string;
  since: string;
  until: string;
  format: ExportFormat;
}

export const EXPORT_ROWS_HEADER = 'X-Export-Rows';

/** Who may read the justlog/rustlog and recent-messages APIs. */
export type LogApiAccess = 'public' | 'key';

/** `GET|PUT /api/archive/settings`. */
export interface ArchiveSettings {
  /** Whole months kept; older months are dropped. `null`: keep everything. */
  retentionMonths: number | null;
  logApiAccess: LogApiAccess;
  /** Whether a log API key has been issued (the key itself is shown once). */
  logApiKeyIssued: boolean;
}

export type UpdateArchiveSettingsRequest = Pick<
  ArchiveSettings,
  'retentionMonths' | 'logApiAccess'
>;

/** `POST /api/archive/settings/log-api-key`: returned once. */
export interface IssuedLogApiKey {
  key: string;
}

/** Log API clients send the key as `?key=` or in this header. */
export const LOG_API_KEY_HEADER = 'X-Log-Key';
export const RETENTION_MONTHS_MAX = 120;
