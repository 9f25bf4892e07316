import {
  type WebSocketSubscription,
  type WebSocketSubscriptionRequest,
} from './eventsub-subscription.js';
import { type SubscriptionTypeSpec } from './subscription-types.js';

/** Twitch's limits on WebSocket subscriptions (PROTOCOL H). */
export const WEBSOCKET_LIMITS = {
  /** Enabled subscriptions on one session. */
  subscriptionsPerSession: 300,
  /** Sessions with enabled subscriptions per user and application. */
  sessionsPerUser: 3,
  /** Total cost of one user's enabled subscriptions per application. */
  maxTotalCost: 10,
};

/**
 * A subscription costs 1 unless the type needs a user's authorization or the token's user is
 * one the condition names: then 0, as for a broadcaster's own channel.
 */
export function webSocketCost(
  spec: SubscriptionTypeSpec,
  request: WebSocketSubscriptionRequest,
): number {
  return spec.cost === 0 || Object.values(request.condition).includes(request.userId) ? 0 : 1;
}

/**
 * Which of `WEBSOCKET_LIMITS` `request` would exceed, as Twitch's 429 says it, given the
 * enabled WebSocket subscriptions; `undefined` for none.
 */
export function exceededWebSocketLimit(
  enabled: readonly WebSocketSubscription[],
  request: WebSocketSubscriptionRequest,
  cost: number,
): string | undefined {
  const { subscriptionsPerSession, sessionsPerUser, maxTotalCost } = WEBSOCKET_LIMITS;
  const onSession = enabled.filter((s) => s.sessionId === request.sessionId);
  if (onSession.length >= subscriptionsPerSession) {
    return 'number of websocket subscriptions limit exceeded';
  }
  const users = enabled.filter(
    (s) => s.clientId === request.clientId && s.userId === request.userId,
  );
  const otherSessions = new Set(users.map((s) => s.sessionId));
  otherSessions.delete(request.sessionId);
  if (otherSessions.size >= sessionsPerUser) {
    return 'number of websocket transports limit exceeded';
  }
  if (users.reduce((sum, s) => sum + s.cost, cost) > maxTotalCost) {
    return 'total cost exceeds max_total_cost';
  }
  return undefined;
}
