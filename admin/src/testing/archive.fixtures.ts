import {
  type ActivityPoint,
  type ArchiveHealth,
  type ArchiveOverview,
  type ArchiveSettings,
  type ArchivedMessage,
  type ChannelBrief,
  type ChatLine,
  type ChatterProfile,
  type ChatterSummary,
  type ModAction,
  type ModActionStats,
  type NameHistoryEntry,
  type Page,
  type UserRef,
} from '@integron/contracts';

import { CAPTAIN_CHANNEL, RETIRED_CHANNEL } from './channels.fixtures';

/** Named, typed answers of the archive's API, shared by the specs. */

export const CAPTAIN_BRIEF: ChannelBrief = {
  id: CAPTAIN_CHANNEL.id,
  twitchId: CAPTAIN_CHANNEL.twitchId,
  login: CAPTAIN_CHANNEL.login,
  displayName: CAPTAIN_CHANNEL.displayName,
};

export const OLDSHOW_BRIEF: ChannelBrief = {
  id: RETIRED_CHANNEL.id,
  twitchId: RETIRED_CHANNEL.twitchId,
  login: RETIRED_CHANNEL.login,
  displayName: RETIRED_CHANNEL.displayName,
};

export const LURKER_LOU: UserRef = { id: '300001', login: 'lurkerlou', displayName: 'LurkerLou' };
export const SPAMBOT: UserRef = { id: '300002', login: 'spambot9000', displayName: 'spambot9000' };
export const SALLY_USER: UserRef = {
  id: '100003',
  login: 'speedrunsally',
  displayName: 'SpeedrunSally',
};

const LINE_DEFAULTS: Omit<ChatLine, 'twitchMessageId' | 'text' | 'sentAt'> = {
  channel: CAPTAIN_BRIEF,
  user: LURKER_LOU,
  kind: 'message',
  noticeType: null,
  systemText: null,
  isAction: false,
  color: '#1E90FF',
  badges: [{ setId: 'subscriber', version: '12' }],
  emotes: [],
  bits: 0,
  replyParentId: null,
  isFirstMessage: false,
};

export function chatLine(
  overrides: Partial<ChatLine> & Pick<ChatLine, 'twitchMessageId'>,
): ChatLine {
  return { ...LINE_DEFAULTS, text: 'hello chat', sentAt: '2026-11-22T10:30:00.000Z', ...overrides };
}

export function archived(line: ChatLine, deleted?: Partial<ArchivedMessage>): ArchivedMessage {
  return { ...line, deletedAt: null, deletedBy: null, ...deleted };
}

export const HELLO_LINE = chatLine({
  twitchMessageId: 'b1e3a6c0-0001-4000-8000-000000000001',
  text: 'hello chat',
});

/**
 * An emote after an emoji: Twitch counts code points, so `Kappa` is 2–6 although the emoji takes
 * two UTF-16 units; naive `String.slice` would cut " Kapp".
 */
export const EMOJI_EMOTE_LINE = chatLine({
  twitchMessageId: 'b1e3a6c0-0002-4000-8000-000000000002',
  text: '🎉 Kappa hi Kappa',
  emotes: [
    { id: '25', start: 2, end: 6 },
    { id: '25', start: 11, end: 15 },
  ],
  sentAt: '2026-11-22T10:30:05.000Z',
});

export const SPAM_LINE = chatLine({
  twitchMessageId: 'b1e3a6c0-0003-4000-8000-000000000003',
  user: SPAMBOT,
  color: null,
  badges: [],
  text: 'buy followers at example.com',
  isFirstMessage: true,
  sentAt: '2026-11-22T10:31:00.000Z',
});

export const HELLO_MESSAGE = archived(HELLO_LINE);
export const EMOJI_EMOTE_MESSAGE = archived(EMOJI_EMOTE_LINE);
export const DELETED_SPAM_MESSAGE = archived(SPAM_LINE, {
  deletedAt: '2026-11-22T10:31:02.000Z',
  deletedBy: SALLY_USER,
});

export function pageOf<T>(items: T[], page: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, totalCapped: false, limit: 50, offset: 0, ...page };
}

export const TIMEOUT_ACTION: ModAction = {
  id: '900',
  channel: CAPTAIN_BRIEF,
  type: 'timeout',
  moderator: SALLY_USER,
  target: SPAMBOT,
  durationSeconds: 600,
  reason: 'spam',
  occurredAt: '2026-11-22T10:31:03.000Z',
  relatedMessage: {
    twitchMessageId: SPAM_LINE.twitchMessageId,
    text: SPAM_LINE.text,
    sentAt: SPAM_LINE.sentAt,
  },
  source: 'eventsub',
  review: { status: 'pending', note: null, reviewer: null, reviewedAt: null },
};

export const BAN_ACTION: ModAction = {
  id: '901',
  channel: CAPTAIN_BRIEF,
  type: 'ban',
  moderator: null,
  target: LURKER_LOU,
  durationSeconds: null,
  reason: null,
  occurredAt: '2026-11-22T09:00:00.000Z',
  relatedMessage: null,
  source: 'irc',
  review: {
    status: 'flagged',
    note: 'Lou was joking; unban?',
    reviewer: { id: '2', login: 'pixelpaladin' },
    reviewedAt: '2026-11-22T09:30:00.000Z',
  },
};

export const MOD_ACTION_STATS: ModActionStats = {
  byType: { ban: 1, timeout: 4, unban: 0, untimeout: 0, delete: 7, clear: 1 },
  series: [
    {
      at: '2026-11-21T00:00:00.000Z',
      counts: { ban: 1, timeout: 1, unban: 0, untimeout: 0, delete: 3, clear: 0 },
    },
    {
      at: '2026-11-22T00:00:00.000Z',
      counts: { ban: 0, timeout: 3, unban: 0, untimeout: 0, delete: 4, clear: 1 },
    },
  ],
  topModerators: [{ moderator: SALLY_USER, count: 9 }],
  unattributed: 4,
};

export const LOU_SUMMARY: ChatterSummary = {
  user: LURKER_LOU,
  firstSeen: '2026-10-02T18:00:00.000Z',
  lastSeen: '2026-11-22T10:30:05.000Z',
  messageCount: 1_234,
};

export const LOU_PROFILE: ChatterProfile = {
  ...LOU_SUMMARY,
  bitsTotal: 500,
  channels: [
    {
      channel: CAPTAIN_BRIEF,
      messageCount: 1_200,
      bitsTotal: 500,
      subMonths: 12,
      firstSeen: '2026-10-02T18:00:00.000Z',
      lastSeen: '2026-11-22T10:30:05.000Z',
    },
    {
      channel: OLDSHOW_BRIEF,
      messageCount: 34,
      bitsTotal: 0,
      subMonths: 0,
      firstSeen: '2026-10-05T18:00:00.000Z',
      lastSeen: '2026-10-30T18:00:00.000Z',
    },
  ],
  bans: 1,
  timeouts: 2,
  deletedMessages: 3,
};

export const LOU_NAMES: NameHistoryEntry[] = [
  {
    login: 'lurkerlou',
    displayName: 'LurkerLou',
    firstSeen: '2026-11-01T00:00:00.000Z',
    lastSeen: '2026-11-22T10:30:05.000Z',
  },
  {
    login: 'lou_lurks',
    displayName: 'lou_lurks',
    firstSeen: '2026-10-02T18:00:00.000Z',
    lastSeen: '2026-10-31T23:00:00.000Z',
  },
];

export function dailyActivity(days: number): ActivityPoint[] {
  return Array.from({ length: days }, (_, day) => ({
    at: new Date(Date.UTC(2026, 10, 22 - days + 1 + day)).toISOString(),
    messages: day % 3 === 0 ? 0 : day * 2,
  }));
}

export const MESSAGES_PER_HOUR: ActivityPoint[] = Array.from({ length: 24 }, (_, hour) => ({
  at: new Date(Date.UTC(2026, 10, 21, 11 + hour)).toISOString(),
  messages: 100 + hour,
}));

export const OVERVIEW: ArchiveOverview = {
  totals: { messages: 1_250_000, chatters: 8_400, modActions: 312, channels: 3 },
  messagesPerHour: MESSAGES_PER_HOUR,
  mostActiveChannels: [{ channel: CAPTAIN_BRIEF, messages: 3_120 }],
  mostActiveChatters: [{ user: LURKER_LOU, messages: 210 }],
  recentModActions: [TIMEOUT_ACTION, BAN_ACTION],
  pendingReviews: 5,
};

export const EMPTY_OVERVIEW: ArchiveOverview = {
  totals: { messages: 0, chatters: 0, modActions: 0, channels: 0 },
  messagesPerHour: [],
  mostActiveChannels: [],
  mostActiveChatters: [],
  recentModActions: [],
  pendingReviews: 0,
};

export const HEALTHY_ARCHIVE: ArchiveHealth = {
  ingestRatePerSecond: 42.5,
  buffer: { rows: 120, capacity: 50_000 },
  journal: { files: 0, rows: 0, bytes: 0 },
  lagMs: 180,
  writtenTotal: 1_250_000,
  lastFlushAt: '2026-11-22T10:36:23.000Z',
  databaseWritable: true,
  lastError: null,
};

/** Postgres refuses writes: lines go to the on-disk journal. */
export const JOURNALING_ARCHIVE: ArchiveHealth = {
  ingestRatePerSecond: 40,
  buffer: { rows: 50_000, capacity: 50_000 },
  journal: { files: 3, rows: 24_000, bytes: 5_242_880 },
  lagMs: 65_000,
  writtenTotal: 1_250_000,
  lastFlushAt: '2026-11-22T10:35:00.000Z',
  databaseWritable: false,
  lastError: 'connect ECONNREFUSED 127.0.0.1:5432',
};

export const KEEP_FOREVER_SETTINGS: ArchiveSettings = {
  retentionMonths: null,
  logApiAccess: 'public',
  logApiKeyIssued: false,
};
