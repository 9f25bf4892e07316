/**
 * The one typed stream every consumer reads. Producers (IRC, EventSub, the test panel) normalise
 * what Twitch sends into these shapes; consumers never see a wire format.
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

export interface ChatMessageEvent extends EventBase<'chat.message'> {
  messageId: string;
  user: UserRef;
  text: string;
  isAction: boolean;
  color: string | null;
  badges: Badge[];
  emotes: EmoteRange[];
  bits: number;
  replyParent: ReplyParent | null;
  isFirstMessage: boolean;
}

export interface ChatMessageDeletedEvent extends EventBase<'chat.message_deleted'> {
  messageId: string;
  user: UserRef;
  /** IRC does not say who acted; EventSub does. */
  moderator: UserRef | null;
}

export interface ChatUserBannedEvent extends EventBase<'chat.user_banned'> {
  user: UserRef;
  moderator: UserRef | null;
  reason: string | null;
}

export interface ChatUserTimedOutEvent extends EventBase<'chat.user_timed_out'> {
  user: UserRef;
  durationSeconds: number;
  moderator: UserRef | null;
  reason: string | null;
}

export interface ChatUserUnbannedEvent extends EventBase<'chat.user_unbanned'> {
  user: UserRef;
  moderator: UserRef | null;
}

export interface ChatClearedEvent extends EventBase<'chat.cleared'> {
  moderator: UserRef | null;
}

export interface StreamOnlineEvent extends EventBase<'stream.online'> {
  streamId: string;
  startedAt: string;
}

export type StreamOfflineEvent = EventBase<'stream.offline'>;

export type TwitchEvent =
  | ChatMessageEvent
  | ChatMessageDeletedEvent
  | ChatUserBannedEvent
  | ChatUserTimedOutEvent
  | ChatUserUnbannedEvent
  | ChatClearedEvent
  | StreamOnlineEvent
  | StreamOfflineEvent;

export type TwitchEventType = TwitchEvent['type'];

export type TwitchEventOf<T extends TwitchEventType> = Extract<TwitchEvent, { type: T }>;
