import { type EventSubNotification } from './eventsub-render.js';

/** Why Twitch revoked a subscription; it becomes the subscription's status. */
export type RevocationReason =
  | 'authorization_revoked'
  | 'user_removed'
  | 'notification_failures_exceeded'
  | 'version_removed'
  | 'moderator_removed'
  | 'chat_user_banned'
  | 'beta_maintenance';

/** What a WebSocket subscription's status becomes when its session's connection ends. */
export type WebSocketEndStatus =
  | 'websocket_disconnected'
  | 'websocket_failed_ping_pong'
  | 'websocket_received_inbound_traffic'
  | 'websocket_connection_unused'
  | 'websocket_internal_error'
  | 'websocket_network_timeout'
  | 'websocket_network_error';

export type SubscriptionStatus =
  | 'enabled'
  | 'webhook_callback_verification_pending'
  | 'webhook_callback_verification_failed'
  | RevocationReason
  | WebSocketEndStatus;

interface RequestFields {
  clientId: string;
  type: string;
  version: string;
  condition: Record<string, string>;
}

/** What an application asks for when it creates a webhook subscription. */
export interface SubscriptionRequest extends RequestFields {
  callback: string;
  secret: string;
}

/** What an application asks for when it creates a subscription on one of its WebSocket sessions. */
export interface WebSocketSubscriptionRequest extends RequestFields {
  /** The user of the access token it was created with. */
  userId: string;
  sessionId: string;
}

interface StoredFields {
  id: string;
  status: SubscriptionStatus;
  cost: number;
  /** RFC 3339. */
  createdAt: string;
}

export interface WebhookSubscription extends SubscriptionRequest, StoredFields {
  method: 'webhook';
}

export interface WebSocketSubscription extends WebSocketSubscriptionRequest, StoredFields {
  method: 'websocket';
  /** When its session's connection opened; RFC 3339. */
  connectedAt: string;
  /** When that connection ended; `null` while it is open. */
  disconnectedAt: string | null;
}

export type EventSubSubscription = WebhookSubscription | WebSocketSubscription;

/** The subscription as Helix lists it and as every message body carries it; the secret stays out. */
export function subscriptionJson(subscription: EventSubSubscription) {
  return {
    id: subscription.id,
    status: subscription.status,
    type: subscription.type,
    version: subscription.version,
    cost: subscription.cost,
    condition: subscription.condition,
    transport: transportJson(subscription),
    created_at: subscription.createdAt,
  };
}

function transportJson(subscription: EventSubSubscription) {
  switch (subscription.method) {
    case 'webhook':
      return { method: 'webhook', callback: subscription.callback };
    case 'websocket':
      return {
        method: 'websocket',
        session_id: subscription.sessionId,
        connected_at: subscription.connectedAt,
        ...(subscription.disconnectedAt !== null && {
          disconnected_at: subscription.disconnectedAt,
        }),
      };
  }
}

/**
 * Whether a subscription receives a notification: same type and version, and every id the
 * notification is about that the condition names agrees (`channel.raid` names one direction;
 * `moderator_user_id` or a chat reader's `user_id` only say who is watching).
 */
export function subscriptionMatches(
  subscription: EventSubSubscription,
  notification: EventSubNotification,
): boolean {
  if (subscription.type !== notification.type || subscription.version !== notification.version) {
    return false;
  }
  const named = Object.entries(notification.condition).filter(([key]) =>
    Boolean(subscription.condition[key]),
  );
  return named.length > 0 && named.every(([key, id]) => subscription.condition[key] === id);
}
