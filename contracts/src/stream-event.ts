import type { ChannelRef, EmoteRange, EventSource, SubPlan, UserRef } from './twitch-event.js';

/**
 * What happens on a stream besides chat: what alerts, the event feed and the event log show.
 * EventSub delivers them; for channels without EventSub, chat's USERNOTICEs stand in for the
 * subs, gifts and raids. Either way each real-world event becomes one `StreamEvent`.
 */
interface StreamEventBase<T extends string> {
  type: T;
  /** Unique per event (the EventSub message id, the IRC message id, or a test's own). */
  eventId: string;
  channel: ChannelRef;
  /** ISO 8601, as Twitch stated it. */
  occurredAt: string;
  source: EventSource;
}

/** A message a subscriber or cheerer wrote with it. */
export interface AttachedMessage {
  text: string;
  emotes: EmoteRange[];
}

export interface FollowEvent extends StreamEventBase<'follow'> {
  user: UserRef;
}

/** A first subscription (gifted subscriptions are `gift` events, with their recipients). */
export interface SubEvent extends StreamEventBase<'sub'> {
  user: UserRef;
  plan: SubPlan;
}

/** A resubscription the subscriber shared. */
export interface ResubEvent extends StreamEventBase<'resub'> {
  user: UserRef;
  plan: SubPlan;
  cumulativeMonths: number;
  /** `null` when the subscriber does not share their streak. */
  streakMonths: number | null;
  durationMonths: number;
  message: AttachedMessage | null;
}

/**
 * Gifted subscriptions: one gift, or a community gift ("gift bomb") of `count` with every
 * recipient known so far — never one event per recipient.
 */
export interface GiftEvent extends StreamEventBase<'gift'> {
  /** `null` for an anonymous gifter. */
  gifter: UserRef | null;
  plan: SubPlan;
  count: number;
  recipients: UserRef[];
  /** The gifter's lifetime gifts in the channel; `null` when anonymous or unknown. */
  gifterTotal: number | null;
}

export interface CheerEvent extends StreamEventBase<'cheer'> {
  /** `null` for an anonymous cheer. */
  user: UserRef | null;
  bits: number;
  message: AttachedMessage;
}

export interface RaidEvent extends StreamEventBase<'raid'> {
  from: UserRef;
  viewers: number;
}

export interface RedemptionEvent extends StreamEventBase<'redemption'> {
  redemptionId: string;
  user: UserRef;
  reward: { id: string; title: string; cost: number; prompt: string };
  userInput: string;
  status: 'unfulfilled' | 'fulfilled' | 'canceled' | 'unknown';
}

export interface HypeTrainEvent extends StreamEventBase<'hype_train.begin' | 'hype_train.end'> {
  trainId: string;
  level: number;
  total: number;
  /** Progress towards the next level (`begin` only; 0 at the end). */
  progress: number;
  goal: number;
  topContributors: { user: UserRef; type: 'bits' | 'subscription' | 'other'; total: number }[];
}

export interface PollChoice {
  id: string;
  title: string;
  votes: number;
}

export interface PollEvent extends StreamEventBase<'poll.begin' | 'poll.end'> {
  pollId: string;
  title: string;
  choices: PollChoice[];
  /** `begin`: when it will end; `end`: when it ended. */
  endsAt: string;
  status: 'active' | 'completed' | 'archived' | 'terminated';
}

export interface PredictionOutcome {
  id: string;
  title: string;
  color: 'blue' | 'pink';
  users: number;
  channelPoints: number;
}

export interface PredictionEvent extends StreamEventBase<'prediction.begin' | 'prediction.end'> {
  predictionId: string;
  title: string;
  outcomes: PredictionOutcome[];
  /** `begin`: when it locks; `end`: when it ended. */
  locksAt: string;
  winningOutcomeId: string | null;
  status: 'active' | 'resolved' | 'canceled';
}

export interface ShoutoutEvent extends StreamEventBase<'shoutout'> {
  to: UserRef;
  moderator: UserRef;
  viewerCount: number;
}

export type StreamEvent =
  | FollowEvent
  | SubEvent
  | ResubEvent
  | GiftEvent
  | CheerEvent
  | RaidEvent
  | RedemptionEvent
  | HypeTrainEvent
  | PollEvent
  | PredictionEvent
  | ShoutoutEvent;

export type StreamEventType = StreamEvent['type'];

export type StreamEventOf<T extends StreamEventType> = StreamEvent extends infer E
  ? E extends { type: infer K }
    ? T extends K
      ? E
      : never
    : never
  : never;

export const STREAM_EVENT_TYPES = [
  'follow',
  'sub',
  'resub',
  'gift',
  'cheer',
  'raid',
  'redemption',
  'hype_train.begin',
  'hype_train.end',
  'poll.begin',
  'poll.end',
  'prediction.begin',
  'prediction.end',
  'shoutout',
] as const satisfies readonly StreamEventType[];

/** Shown live; kept in the event log only when the `keepLiveOnlyEvents` setting says so. */
export const LIVE_ONLY_EVENT_TYPES = [
  'poll.begin',
  'poll.end',
  'prediction.begin',
  'prediction.end',
  'shoutout',
] as const satisfies readonly StreamEventType[];

/** The user a stream event is about, for the log's username search and viewer stats. */
export function streamEventUser(event: StreamEvent): UserRef | null {
  switch (event.type) {
    case 'follow':
    case 'sub':
    case 'resub':
    case 'redemption':
    case 'cheer':
      return event.user;
    case 'gift':
      return event.gifter;
    case 'raid':
      return event.from;
    case 'shoutout':
      return event.to;
    case 'hype_train.begin':
    case 'hype_train.end':
    case 'poll.begin':
    case 'poll.end':
    case 'prediction.begin':
    case 'prediction.end':
      return null;
  }
}

/** A stream event as the event log keeps it. */
export interface LoggedStreamEvent {
  /** The log's own id. */
  id: string;
  /** Integron's id of the channel. */
  channelId: string;
  event: StreamEvent;
  isTest: boolean;
  recordedAt: string;
}

/** `GET /api/events`: newest first; the filters combine. */
export interface StreamEventQuery {
  channelId?: string;
  /** Comma-separated `StreamEventType`s. */
  types?: string;
  /** The start of the login of the user an event is about (the gifter of a gift, the raider…). */
  user?: string;
  since?: string;
  until?: string;
  includeTests?: boolean;
  limit?: number;
  offset?: number;
}

export interface EventsSettings {
  /** Keep polls, predictions and shoutouts in the log, not only show them live. */
  keepLiveOnlyEvents: boolean;
}

/** Where a test-panel event goes: only to the overlays, or through the whole pipeline (logged). */
export const TEST_FIRE_TARGETS = ['overlays', 'pipeline'] as const;
export type TestFireTarget = (typeof TEST_FIRE_TARGETS)[number];

/** `POST /api/events/test`: fires a stream event marked as a test. */
export interface TestFireRequest {
  /** Integron's id of the channel. */
  channelId: string;
  type: StreamEventType;
  /** The type's own fields (see `GET /api/events/test/sample`); generated when left out. */
  payload?: Record<string, unknown>;
  target?: TestFireTarget;
}

/** `POST /api/events/:id/refire`. */
export interface RefireRequest {
  target?: TestFireTarget;
}

/** How the viewers list sorts: by messages, last seen, bits or sub months, most first. */
export const VIEWER_SORTS = ['messages', 'lastSeen', 'bits', 'subMonths'] as const;
export type ViewerSort = (typeof VIEWER_SORTS)[number];

/** A chatter's standing in one channel: `GET /api/viewers`. */
export interface Viewer {
  user: UserRef;
  /** Integron's id of the channel, its login and name. */
  channel: { id: string; login: string; displayName: string };
  messageCount: number;
  bitsTotal: number;
  subMonths: number;
  firstSeen: string;
  lastSeen: string;
  /** From Twitch; `null` until looked up, or when Twitch has none. */
  profileImageUrl: string | null;
}

export interface ViewerQuery {
  channelId?: string;
  /** The start of a login or display name. */
  q?: string;
  sort?: ViewerSort;
  /** `desc` (most first) unless `asc`. */
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** `GET /api/events/summary?since=`: how many of each event since then (default: today, UTC). */
export interface EventsSummary {
  since: string;
  counts: Record<StreamEventType, number>;
  /** Events fired from the test panel are left out. */
  total: number;
}
