/**
 * The EventSub subscription types Integron creates for each channel, at the versions it asks for.
 * `channel.chat.clear_user_messages` is left out: a ban or timeout (`channel.ban`) already says
 * what it says, and no event models "one user's messages cleared".
 */
export const EVENTSUB_TYPES = [
  'stream.online',
  'stream.offline',
  'channel.follow',
  'channel.subscribe',
  'channel.subscription.message',
  'channel.subscription.gift',
  'channel.cheer',
  'channel.raid',
  'channel.channel_points_custom_reward_redemption.add',
  'channel.hype_train.begin',
  'channel.hype_train.end',
  'channel.poll.begin',
  'channel.poll.end',
  'channel.prediction.begin',
  'channel.prediction.end',
  'channel.shoutout.create',
  'channel.ban',
  'channel.unban',
  'channel.chat.message_delete',
  'channel.chat.clear',
] as const;

export type EventSubType = (typeof EVENTSUB_TYPES)[number];

/** Where one of a channel's EventSub subscriptions stands. */
export type EventSubSubscriptionStatus =
  /** Asked for (or waiting for the connection to Twitch to ask again); not yet confirmed. */
  | 'pending'
  | 'enabled'
  /** Twitch refused it, or the broadcaster account lacks the scope it needs; `detail` says which. */
  | 'failed'
  /** Twitch ended it (authorization revoked, user removed, version removed); `detail` says why. */
  | 'revoked'
  /** The channel has no connected broadcaster account to subscribe with. */
  | 'not_connected';

export interface EventSubSubscriptionState {
  type: EventSubType;
  status: EventSubSubscriptionStatus;
  /** Why, in words a person can act on; `null` when all is well. */
  detail: string | null;
  /** When it entered this status. */
  since: string;
}

/**
 * How Twitch delivers: over a WebSocket Integron opens as the broadcaster, or to Integron's
 * HTTPS callback (when `PUBLIC_URL` is https).
 */
export const EVENTSUB_TRANSPORTS = ['websocket', 'webhook'] as const;

export type EventSubTransportKind = (typeof EVENTSUB_TRANSPORTS)[number];

/** `GET /api/channels/:id/eventsub`: what Twitch tells Integron about a channel, and how. */
export interface ChannelEventSub {
  channelId: string;
  transport: EventSubTransportKind;
  /**
   * WebSocket: whether the broadcaster account's WebSocket is connected to Twitch. Webhook:
   * whether Integron takes deliveries at its callback URL.
   */
  connected: boolean;
  /** One per type; empty while the channel is inactive. */
  subscriptions: EventSubSubscriptionState[];
}
