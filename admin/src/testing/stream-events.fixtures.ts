import {
  type CheerEvent,
  type EventsSummary,
  type GiftEvent,
  type LoggedStreamEvent,
  type RaidEvent,
  type ResubEvent,
  STREAM_EVENT_TYPES,
  type StreamEvent,
  type StreamEventType,
  type UserRef,
  type Viewer,
} from '@integron/contracts';

import { CAPTAIN_CHANNEL } from './channels.fixtures';

/** Named, typed stream events and viewers as the events and viewers APIs answer them. */

export const CAPTAIN_REF: UserRef = {
  id: CAPTAIN_CHANNEL.twitchId,
  login: CAPTAIN_CHANNEL.login,
  displayName: CAPTAIN_CHANNEL.displayName,
};

export const PIXELWOLF: UserRef = { id: '400001', login: 'pixelwolf', displayName: 'PixelWolf' };
export const NIGHTOWL: UserRef = { id: '400002', login: 'nightowl', displayName: 'NightOwl' };
export const COZYCAT: UserRef = { id: '400003', login: 'cozycat', displayName: 'CozyCat' };
export const LAGSPIKE: UserRef = { id: '400004', login: 'lagspike', displayName: 'LagSpike' };

const BASE = { channel: CAPTAIN_REF, source: 'eventsub' } as const;

export const GIFT_BOMB: GiftEvent = {
  ...BASE,
  type: 'gift',
  eventId: 'evt-gift-1',
  occurredAt: '2026-11-22T11:58:00.000Z',
  gifter: PIXELWOLF,
  plan: '1000',
  count: 5,
  recipients: [NIGHTOWL, COZYCAT, LAGSPIKE],
  gifterTotal: 25,
};

export const RESUB: ResubEvent = {
  ...BASE,
  type: 'resub',
  eventId: 'evt-resub-1',
  occurredAt: '2026-11-22T11:50:00.000Z',
  source: 'irc',
  user: NIGHTOWL,
  plan: '1000',
  cumulativeMonths: 12,
  streakMonths: 12,
  durationMonths: 1,
  message: { text: 'A whole year already!', emotes: [] },
};

export const RAID: RaidEvent = {
  ...BASE,
  type: 'raid',
  eventId: 'evt-raid-1',
  occurredAt: '2026-11-22T11:40:00.000Z',
  from: LAGSPIKE,
  viewers: 120,
};

export const TEST_CHEER: CheerEvent = {
  ...BASE,
  type: 'cheer',
  eventId: 'test:0a1b',
  occurredAt: '2026-11-22T11:59:30.000Z',
  source: 'test',
  user: COZYCAT,
  bits: 500,
  message: { text: 'Cheer500 great play', emotes: [] },
};

export function logged(id: string, event: StreamEvent): LoggedStreamEvent {
  return {
    id,
    channelId: CAPTAIN_CHANNEL.id,
    event,
    isTest: event.source === 'test',
    recordedAt: event.occurredAt,
  };
}

export const LOGGED_GIFT_BOMB = logged('103', GIFT_BOMB);
export const LOGGED_RESUB = logged('102', RESUB);
export const LOGGED_RAID = logged('101', RAID);
export const LOGGED_TEST_CHEER = logged('104', TEST_CHEER);

export function summaryOf(
  counts: Partial<Record<StreamEventType, number>>,
  since = '2026-11-22T00:00:00.000Z',
): EventsSummary {
  const all = Object.fromEntries(
    STREAM_EVENT_TYPES.map((type) => [type, counts[type] ?? 0]),
  ) as Record<StreamEventType, number>;
  return { since, counts: all, total: Object.values(all).reduce((sum, n) => sum + n, 0) };
}

export const CAPTAIN_VIEWER_CHANNEL: Viewer['channel'] = {
  id: CAPTAIN_CHANNEL.id,
  login: CAPTAIN_CHANNEL.login,
  displayName: CAPTAIN_CHANNEL.displayName,
};

export const NIGHTOWL_VIEWER: Viewer = {
  user: NIGHTOWL,
  channel: CAPTAIN_VIEWER_CHANNEL,
  messageCount: 1_204,
  bitsTotal: 2_500,
  subMonths: 12,
  firstSeen: '2025-11-20T18:00:00.000Z',
  lastSeen: '2026-11-22T11:50:00.000Z',
  profileImageUrl: 'https://static-cdn.example/nightowl-300x300.png',
};

export const COZYCAT_VIEWER: Viewer = {
  user: COZYCAT,
  channel: CAPTAIN_VIEWER_CHANNEL,
  messageCount: 87,
  bitsTotal: 0,
  subMonths: 0,
  firstSeen: '2026-11-01T18:00:00.000Z',
  lastSeen: '2026-11-21T21:10:00.000Z',
  profileImageUrl: null,
};
