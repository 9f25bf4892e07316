import type { AlertCommand, AlertQueueReport } from './alert-queue.js';
import type { StreamEvent } from './stream-event.js';
import type { ChatMessageEvent } from './twitch-event.js';

/** Where Integron's chat connection stands with a channel. */
export type ChannelChatState =
  /** Deactivated (or removed): Integron stays out of its chat. */
  | 'parted'
  | 'joining'
  | 'joined'
  /** The chat connection dropped; rejoining with backoff. */
  | 'reconnecting'
  /** Twitch refused the join (banned, suspended, no reply); `detail` says why. Retried with backoff. */
  | 'failed';

export interface ChannelConnection {
  state: ChannelChatState;
  /** Why, in words a person can act on; `null` when all is well. */
  detail: string | null;
  /** When it entered this state. */
  since: string;
  /** The account chat is read as: a connected account's login, or `null` when anonymous. */
  readingAs: string | null;
}

export interface Channel {
  id: string;
  twitchId: string;
  login: string;
  displayName: string;
  /** Joined (or being joined) when true. */
  isActive: boolean;
  createdAt: string;
  /** Removed channels keep their history and can be added again. */
  removedAt: string | null;
  connection: ChannelConnection;
  /** Archived messages: all time, and in the last 24 hours. */
  messageCount: number;
  messagesLastDay: number;
  lastMessageAt: string | null;
}

/** `POST /api/channels`: looked up on Twitch by login. Adding a removed channel restores it. */
export interface AddChannelRequest {
  login: string;
}

/** `PATCH /api/channels/:id`. */
export interface UpdateChannelRequest {
  isActive: boolean;
}

/** A named key that lets one OBS browser source read one channel's overlays. */
export interface OverlayKey {
  id: string;
  channelId: string;
  name: string;
  /** The first characters of the key, to tell keys apart; the key itself is shown only once. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Returned once, on create and rotate: the key and an overlay URL carrying it. */
export interface IssuedOverlayKey extends OverlayKey {
  key: string;
  overlayUrl: string;
}

/** The longest name a key may have. */
export const OVERLAY_KEY_NAME_MAX_LENGTH = 64;

export interface CreateOverlayKeyRequest {
  name: string;
}

/** What an overlay page learns about itself from its key: `GET /api/overlay/session`. */
export interface OverlaySession {
  channel: Pick<Channel, 'id' | 'twitchId' | 'login' | 'displayName'>;
  keyId: string;
  keyName: string;
}

/** The refusal an overlay socket sees as `connect_error` when its key opens nothing. */
export const OVERLAY_KEY_REFUSED = 'This overlay needs a valid overlay key (auth: { key }).';

/** Socket.io namespace of overlays; connect with `auth: { key, replay? }`. */
export const OVERLAY_NAMESPACE = '/overlay';

/** The most recent items per kind a socket may ask for on connect (`auth.replay`). */
export const OVERLAY_REPLAY_MAX = 50;

/** The refusal an overlay socket sees as `connect_error` when `auth.replay` is not 0..50. */
export const OVERLAY_REPLAY_INVALID = `replay must be a whole number from 0 to ${OVERLAY_REPLAY_MAX} (auth: { key, replay }).`;

/** What an overlay socket sends in its handshake: an overlay key, or a preview's channel. */
export type OverlayHandshake = (
  | { key: string }
  /**
   * A signed-in member's preview in the admin (Integron's channel id): authorised by the
   * session cookie instead of a key.
   */
  | { preview: string }
) & {
  /** How many recent stream events and chat lines to be sent on connect; default 0. */
  replay?: number;
};

/** The refusal a preview socket sees when its session may not see the channel's overlays. */
export const OVERLAY_PREVIEW_REFUSED =
  'An overlay preview needs an admin signed in to Integron and a known channel (auth: { preview }).';

/** The key name an admin's overlay preview reports as. */
export const OVERLAY_PREVIEW_NAME = 'Admin preview';

/** A chat line as overlays show it. */
export type OverlayChatMessage = Pick<
  ChatMessageEvent,
  | 'messageId'
  | 'occurredAt'
  | 'user'
  | 'text'
  | 'isAction'
  | 'color'
  | 'badges'
  | 'emotes'
  | 'bits'
  | 'isFirstMessage'
  | 'subscriberMonths'
>;

/** Chat lines a moderator took away: overlays drop them. */
export type OverlayChatRemoval =
  /** A deleted message. */
  | { kind: 'message'; messageId: string }
  /** Every line of a banned or timed-out user. */
  | { kind: 'user'; login: string }
  /** The whole chat was cleared. */
  | { kind: 'all' };

/** Whether `removal` takes `message` away. */
export function removesChatMessage(
  removal: OverlayChatRemoval,
  message: Pick<OverlayChatMessage, 'messageId' | 'user'>,
): boolean {
  switch (removal.kind) {
    case 'message':
      return message.messageId === removal.messageId;
    case 'user':
      return message.user.login === removal.login;
    case 'all':
      return true;
  }
}

/** Something an overlay shows, as a replay lists it. */
export type OverlayItem =
  | { kind: 'stream-event'; event: StreamEvent }
  | { kind: 'chat-message'; message: OverlayChatMessage };

export interface OverlayServerToClientEvents {
  /** First after every (re)connect. */
  ready: (session: OverlaySession) => void;
  /**
   * Right after `ready` when the handshake asked for `replay: N` (N > 0): the channel's last N
   * stream events and last N chat lines, oldest first, interleaved as they happened; lines since
   * removed are left out. Kept in memory: empty after a restart of the server.
   */
  replay: (items: OverlayItem[]) => void;
  /** A real-world stream event, once (a gift bomb is one `gift` with its count and recipients). */
  'stream-event': (event: StreamEvent) => void;
  'chat-message': (message: OverlayChatMessage) => void;
  'chat-removed': (removal: OverlayChatRemoval) => void;
  /** For alerts overlays; after `ready` when the channel's alerts are paused. Others ignore it. */
  'alert-command': (command: AlertCommand) => void;
}

export interface OverlayClientToServerEvents {
  /** Alerts overlays: what they show and hold, on connect and after every change. */
  'alert-queue': (report: AlertQueueReport) => void;
}
