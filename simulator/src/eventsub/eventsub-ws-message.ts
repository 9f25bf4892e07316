import { randomInt, randomUUID } from 'node:crypto';
import { rfc3339Nanos } from '../world/clock.js';

export type WebSocketMessageType =
  'session_welcome' | 'session_keepalive' | 'session_reconnect' | 'notification' | 'revocation';

/** One message of EventSub's WebSocket server; a re-delivery sends the same one again. */
export interface WebSocketMessage {
  metadata: {
    message_id: string;
    message_type: WebSocketMessageType;
    message_timestamp: string;
    subscription_type?: string;
    subscription_version?: string;
  };
  payload: object;
}

/** Notifications and revocations also name the subscription's type and version in the metadata. */
export interface AboutSubscription {
  type: string;
  version: string;
}

/**
 * A message with a new id, stamped now (or `staleByMs` earlier) on the wall clock, which is
 * what receivers judge freshness by whatever time the world is at.
 */
export function webSocketMessage(
  type: WebSocketMessageType,
  payload: object,
  about?: AboutSubscription,
  staleByMs = 0,
): WebSocketMessage {
  return {
    metadata: {
      message_id: randomUUID(),
      message_type: type,
      message_timestamp: rfc3339Nanos(Date.now() - staleByMs, randomInt(1_000_000)),
      ...(about && { subscription_type: about.type, subscription_version: about.version }),
    },
    payload,
  };
}
