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

/** Socket.io namespace of overlays; connect with `auth: { key }`. */
export const OVERLAY_NAMESPACE = '/overlay';

export interface OverlayServerToClientEvents {
  ready: (session: OverlaySession) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- overlays only listen, for now
export interface OverlayClientToServerEvents {}
