import { type EventSubNotification } from './eventsub-render.js';

/** Why Twitch revoked a webhook subscription; it becomes the subscription's status. */
export type RevocationReason =
  | 'authorization_revoked'
  | 'user_removed'
  | 'notification_failures_exceeded'
  | 'version_removed'
  | 'moderator_removed'
  | 'chat_user_banned'
  | 'beta_maintenance';

export type SubscriptionStatus =
  | 'enabled'
  | 'webhook_callback_verification_pending'
  | 'webhook_callback_verification_failed'
  | RevocationReason;

/** What an application asks for when it creates a webhook subscription. */
export interface SubscriptionRequest {
  clientId: string;
  type: string;
  version: string;
  condition: Record<string, string>;
  callback: string;
  secret: string;
}

export interface EventSubSubscription extends SubscriptionRequest {
  id: string;
  status: SubscriptionStatus;
  cost: number;
  /** RFC 3339. */
  createdAt: string;
}

/** The subscription as Helix lists it and as every message body carries it; the secret stays out. */
export function subscriptionJson(subscription: EventSubSubscription) {
  return {
    id: subscription.id,
    status: subscription.status,
    type: subscription.type,
    version: subscription.version,
    cost: subscription.cost,
    condition: subscription.condition,
    transport: { method: 'webhook', callback: subscription.callback },
    created_at: subscription.createdAt,
  };
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
