import type { ChannelConnection } from './channels.js';
import type { ChatLine, ModAction } from './archive.js';

/**
 * The admin's live feed: Socket.io namespace `/live`, authenticated by the admin's session cookie
 * (any team role). A socket hears nothing until it subscribes.
 */
export const LIVE_NAMESPACE = '/live';

/** Channels one socket may follow at once (Integron ids), or `all`. */
export const LIVE_MAX_CHANNELS = 100;

export type LiveSubscription = { channelIds: string[] } | { all: true };

export type LiveAck = { ok: true; channelIds: string[] | 'all' } | { ok: false; error: string };

/** A moderation action as it happens, before it has an archive id. */
export type LiveModAction = Omit<ModAction, 'id' | 'review' | 'relatedMessage'> & {
  /** For `delete`: the deleted message. */
  twitchMessageId: string | null;
};

export interface LiveMessageDeleted {
  channelId: string;
  twitchMessageId: string;
  deletedAt: string;
}

export interface LiveChannelState {
  channelId: string;
  connection: ChannelConnection;
}

export interface LiveServerToClientEvents {
  message: (line: ChatLine) => void;
  mod_action: (action: LiveModAction) => void;
  message_deleted: (deleted: LiveMessageDeleted) => void;
  channel_state: (state: LiveChannelState) => void;
  /** Sent instead of lines a slow socket could not take; the page says it skipped some. */
  dropped: (count: number) => void;
}

export interface LiveClientToServerEvents {
  subscribe: (subscription: LiveSubscription, ack: (answer: LiveAck) => void) => void;
}

/** The refusal a live socket sees as `connect_error` without a signed-in session. */
export const LIVE_SIGN_IN_REQUIRED = 'The live feed needs a signed-in team member.';
