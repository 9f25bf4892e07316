import {
  type ApiErrorBody,
  type Channel,
  type ChannelStats,
  type IssuedOverlayKey,
  type OverlayKey,
} from '@integron/contracts';

/** Deactivated: Integron stays out of its chat. */
export const RETIRED_CHANNEL: Channel = {
  id: '41',
  twitchId: '100009',
  login: 'oldshow',
  displayName: 'OldShow',
  isActive: false,
  createdAt: '2026-10-01T10:00:00.000Z',
  removedAt: null,
  connection: {
    state: 'parted',
    detail: null,
    since: '2026-11-01T10:00:00.000Z',
    readingAs: null,
  },
  messageCount: 1_200,
  messagesLastDay: 0,
  lastMessageAt: '2026-10-31T23:10:00.000Z',
};

export const CAPTAIN_CHANNEL: Channel = {
  id: '42',
  twitchId: '100001',
  login: 'teamcaptain',
  displayName: 'TeamCaptain',
  isActive: true,
  createdAt: '2026-11-10T12:00:00.000Z',
  removedAt: null,
  connection: {
    state: 'joined',
    detail: null,
    since: '2026-11-22T08:00:00.000Z',
    readingAs: 'integronbot',
  },
  messageCount: 48_213,
  messagesLastDay: 3_120,
  lastMessageAt: '2026-11-22T10:35:00.000Z',
};

/** Twitch refused the join. */
export const BANNED_CHANNEL: Channel = {
  id: '43',
  twitchId: '100005',
  login: 'pixelwolf',
  displayName: 'Pixel_Wolf',
  isActive: true,
  createdAt: '2026-11-12T12:00:00.000Z',
  removedAt: null,
  connection: {
    state: 'failed',
    detail: 'Twitch refused the join: the channel is suspended. Retrying in 5 min.',
    since: '2026-11-22T09:00:00.000Z',
    readingAs: null,
  },
  messageCount: 0,
  messagesLastDay: 0,
  lastMessageAt: null,
};

/** Removed: its history is kept, and it can be added again. */
export const REMOVED_CHANNEL: Channel = {
  id: '44',
  twitchId: '100006',
  login: 'formerfriend',
  displayName: 'FormerFriend',
  isActive: false,
  createdAt: '2026-09-01T12:00:00.000Z',
  removedAt: '2026-11-01T12:00:00.000Z',
  connection: {
    state: 'parted',
    detail: null,
    since: '2026-11-01T12:00:00.000Z',
    readingAs: null,
  },
  messageCount: 9_001,
  messagesLastDay: 0,
  lastMessageAt: '2026-10-31T20:00:00.000Z',
};

export const CHANNELS: Channel[] = [
  CAPTAIN_CHANNEL,
  BANNED_CHANNEL,
  RETIRED_CHANNEL,
  REMOVED_CHANNEL,
];

export const CAPTAIN_STATS: ChannelStats = {
  channel: {
    id: CAPTAIN_CHANNEL.id,
    twitchId: CAPTAIN_CHANNEL.twitchId,
    login: CAPTAIN_CHANNEL.login,
    displayName: CAPTAIN_CHANNEL.displayName,
  },
  messagesPerHour: Array.from({ length: 24 }, (_, hour) => ({
    at: new Date(Date.UTC(2026, 10, 21, 11 + hour)).toISOString(),
    messages: hour * 10,
  })),
  totalMessages: 48_213,
  activeUsers: { lastHour: 37, lastDay: 412 },
  modActions: { ban: 2, timeout: 9, unban: 1, untimeout: 0, delete: 14, clear: 0 },
};

export const NO_SUCH_TWITCH_ACCOUNT: ApiErrorBody = {
  statusCode: 404,
  code: 'NOT_FOUND',
  message: 'No Twitch account has the login "nobody_here".',
};

export const ALREADY_A_CHANNEL: ApiErrorBody = {
  statusCode: 409,
  code: 'CONFLICT',
  message: "TeamCaptain is already one of the team's channels.",
  details: { channelId: CAPTAIN_CHANNEL.id },
};

export const ALERTS_KEY: OverlayKey = {
  id: '7',
  channelId: CAPTAIN_CHANNEL.id,
  name: 'Main scene alerts',
  prefix: 'ovk_3fZq9a',
  createdAt: '2026-11-12T09:00:00.000Z',
  lastUsedAt: '2026-11-21T20:15:00.000Z',
};

export const ISSUED_CHAT_KEY: IssuedOverlayKey = {
  id: '8',
  channelId: CAPTAIN_CHANNEL.id,
  name: 'Chat box',
  prefix: 'ovk_Hx81Lm',
  createdAt: '2026-11-22T08:05:00.000Z',
  lastUsedAt: null,
  key: 'ovk_Hx81Lm4pQzT0sVbN7wYc2eRfKu9jDa',
  overlayUrl: 'http://localhost:3000/overlay/?key=ovk_Hx81Lm4pQzT0sVbN7wYc2eRfKu9jDa',
};
