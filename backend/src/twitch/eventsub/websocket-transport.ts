import { type Logger } from '@nestjs/common';
import { ApiClient } from '@twurple/api';
import { type AuthProvider } from '@twurple/auth';
import { EventSubTransport, type TransportWatcher } from './eventsub-transport.js';
import { MessageIdWsListener } from './message-id-listener.js';
import { twurpleLog } from './twurple-log.js';

/**
 * EventSub over WebSockets that twurple opens as each broadcaster (user tokens): works wherever
 * Integron can reach Twitch, with nothing for Twitch to call.
 */
export class WebSocketTransport extends EventSubTransport {
  readonly kind = 'websocket';
  readonly listener: MessageIdWsListener;
  private readonly connectedUsers = new Set<string>();

  constructor(url: string, broadcasters: AuthProvider, logger: Logger) {
    super();
    const log = twurpleLog(logger);
    this.listener = new MessageIdWsListener({
      apiClient: new ApiClient({ authProvider: broadcasters, logger: log }),
      url,
      logger: log,
    });
  }

  mount(): void {
    // Twitch calls nothing: deliveries come over the WebSockets Integron opens.
  }

  start(watcher: TransportWatcher): void {
    this.listener.onUserSocketConnect((userId) => {
      this.connectedUsers.add(userId);
      watcher.connected(userId);
    });
    this.listener.onUserSocketDisconnect((userId, error) => {
      this.connectedUsers.delete(userId);
      watcher.lost(userId, error);
    });
    this.listener.start();
  }

  stop(): void {
    // Twitch disables a WebSocket's subscriptions when it closes: nothing to delete.
    this.listener.stop();
  }

  isConnected(userId: string): boolean {
    return this.connectedUsers.has(userId);
  }
}
