import type { StreamEvent } from './stream-event.js';

/**
 * The one typed stream every consumer reads. Producers (IRC, EventSub, the test panel) normalise
 * what Twitch sends into these shapes; consumers never parse a wire format. Events from chat
 * carry the IRC line they came from (`rawIrc`) as opaque text, for the log APIs that serve lines
 * unchanged.
 */

export interface UserRef {
  id: string;
  login: string;
  displayName: string;
}

export type ChannelRef = UserRef;

export type EventSource = 'irc' | 'eventsub' | 'test';

interface EventBase<T extends string> {
  type: T;
  /** Unique per event; Twitch's message id where Twitch gives one, so re-deliveries collapse. */
  eventId: string;
  channel: ChannelRef;
  /** ISO 8601, as stated by Twitch (tmi-sent-ts or the EventSub timestamp). */
  occurredAt: string;
  source: EventSource;
}

/** What chat events add: the line as Twitch sent it, `null` when it did not come over IRC. */
interface ChatEventBase<T extends string> extends EventBase<T> {
  rawIrc: string | null;
}

export interface Badge {
  setId: string;
  version: string;
}

/** Inclusive code-point offsets into the message text, as Twitch reports them. */
export interface EmoteRange {
  id: string;
  start: number;
  end: number;
}

export interface ReplyParent {
  messageId: string;
  user: UserRef;
  text: string;
}

export interface ChatMessageEvent extends ChatEventBase<'chat.message'> {
  messageId: string;
  user: UserRef;
  /** Without the `/me` wrapper; see `isAction`. */
  text: string;
  isAction: boolean;
  /** `#RRGGBB`, or `null` when the user never chose one. */
  color: string | null;
  badges: Badge[];
  emotes: EmoteRange[];
  /** Bits cheered in this message; 0 when none. */
  bits: number;
  replyParent: ReplyParent | null;
  isFirstMessage: boolean;
  /** Months subscribed, from `badge-info`; 0 when not a subscriber. */
  subscriberMonths: number;
}

export interface ChatMessageDeletedEvent extends ChatEventBase<'chat.message_deleted'> {
  messageId: string;
  /** IRC names the author by login only: `id` is `''` then. */
  user: UserRef;
  /** The deleted text, without the `/me` wrapper. */
  text: string;
  /** IRC does not say who acted; EventSub does. */
  moderator: UserRef | null;
}

export interface ChatUserBannedEvent extends ChatEventBase<'chat.user_banned'> {
  user: UserRef;
  moderator: UserRef | null;
  reason: string | null;
}

export interface ChatUserTimedOutEvent extends ChatEventBase<'chat.user_timed_out'> {
  user: UserRef;
  durationSeconds: number;
  moderator: UserRef | null;
  reason: string | null;
}

export interface ChatUserUnbannedEvent extends ChatEventBase<'chat.user_unbanned'> {
  user: UserRef;
  moderator: UserRef | null;
  /** An unban that ended a timeout early. */
  wasTimeout: boolean;
}

export interface ChatClearedEvent extends ChatEventBase<'chat.cleared'> {
  moderator: UserRef | null;
}

/** `Prime` or a paid tier. */
export type SubPlan = 'Prime' | '1000' | '2000' | '3000';

/** What a USERNOTICE announces, by its `msg-id`; kinds Integron does not model are kept as `other`. */
export type UserNoticeDetail =
  | {
      kind: 'sub' | 'resub';
      plan: SubPlan;
      cumulativeMonths: number;
      /** `null` when the subscriber does not share their streak. */
      streakMonths: number | null;
      durationMonths: number;
      wasGifted: boolean;
    }
  | {
      kind: 'subgift';
      recipient: UserRef;
      plan: SubPlan;
      giftMonths: number;
      /** Shared with the `submysterygift` this gift belongs to. */
      communityGiftId: string | null;
    }
  | {
      kind: 'submysterygift';
      count: number;
      plan: SubPlan;
      communityGiftId: string;
      /** The gifter's lifetime gifts in the channel; `null` when anonymous. */
      senderTotal: number | null;
    }
  | { kind: 'raid'; viewers: number }
  | { kind: 'announcement'; color: string }
  | { kind: 'other' };

export type UserNoticeKind = UserNoticeDetail['kind'];

export interface ChatNoticeEvent extends ChatEventBase<'chat.notice'> {
  /** The USERNOTICE's id (its `id` tag). */
  messageId: string;
  /** Twitch's `msg-id`, e.g. `resub`, `raid`, `viewermilestone`. */
  msgId: string;
  /** The user the notice is about (the gifter, the raider, …); `null` for an anonymous gifter. */
  user: UserRef | null;
  /** What Twitch shows, e.g. "Pixel_Wolf subscribed at Tier 1."; may be empty. */
  systemText: string;
  /** What the user wrote with it; `''` when nothing. */
  text: string;
  color: string | null;
  badges: Badge[];
  emotes: EmoteRange[];
  detail: UserNoticeDetail;
  /** Every `msg-param-*` tag, unescaped, named without the prefix. */
  params: Record<string, string>;
}

export interface StreamOnlineEvent extends EventBase<'stream.online'> {
  streamId: string;
  startedAt: string;
}

export type StreamOfflineEvent = EventBase<'stream.offline'>;

export type TwitchEvent =
  | StreamEvent
  | ChatMessageEvent
  | ChatMessageDeletedEvent
  | ChatUserBannedEvent
  | ChatUserTimedOutEvent
  | ChatUserUnbannedEvent
  | ChatClearedEvent
  | ChatNoticeEvent
  | StreamOnlineEvent
  | StreamOfflineEvent;

export type TwitchEventType = TwitchEvent['type'];

/** The events of type `T`, including those whose `type` is a union (`'poll.begin' | 'poll.end'`). */
export type TwitchEventOf<T extends TwitchEventType> = TwitchEvent extends infer E
  ? E extends { type: infer K }
    ? T extends K
      ? E
      : never
    : never
  : never;

/** Every event chat produces, the ones the archive keeps. */
export const CHAT_EVENT_TYPES = [
  'chat.message',
  'chat.message_deleted',
  'chat.user_banned',
  'chat.user_timed_out',
  'chat.user_unbanned',
  'chat.cleared',
  'chat.notice',
] as const satisfies readonly TwitchEventType[];

export type ChatEventType = (typeof CHAT_EVENT_TYPES)[number];
export type ChatEvent = TwitchEventOf<ChatEventType>;
