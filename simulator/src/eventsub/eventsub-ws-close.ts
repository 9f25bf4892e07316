import { type WebSocketEndStatus } from './eventsub-subscription.js';

/** The close codes of EventSub's WebSocket server, with the reason it sends (PROTOCOL H). */
export const WEBSOCKET_CLOSE_REASONS = {
  4000: 'internal server error',
  4001: 'sent inbound traffic',
  4002: 'failed ping pong',
  4003: 'connection unused',
  4004: 'client reconnect grace time expired',
  4005: 'network timeout',
  4006: 'network error',
  4007: 'invalid reconnect attempt',
} as const;

export type WebSocketCloseCode = keyof typeof WEBSOCKET_CLOSE_REASONS;

/**
 * What the subscriptions of a session become when its connection ends: the client closing it, or
 * the reconnect grace running out, leaves `websocket_disconnected`; the server's other closes
 * name their reason.
 */
export function endStatus(closedWith: WebSocketCloseCode | null): WebSocketEndStatus {
  switch (closedWith) {
    case 4000:
      return 'websocket_internal_error';
    case 4001:
      return 'websocket_received_inbound_traffic';
    case 4002:
      return 'websocket_failed_ping_pong';
    case 4003:
      return 'websocket_connection_unused';
    case 4005:
      return 'websocket_network_timeout';
    case 4006:
      return 'websocket_network_error';
    case 4004:
    case 4007:
    case null:
      return 'websocket_disconnected';
  }
}
