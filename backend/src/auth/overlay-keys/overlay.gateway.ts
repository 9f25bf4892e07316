import {
  OVERLAY_KEY_REFUSED,
  OVERLAY_NAMESPACE,
  type OverlayClientToServerEvents,
  type OverlayServerToClientEvents,
  type OverlaySession,
} from '@integron/contracts';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { type Subscription } from 'rxjs';
import { type Namespace, type Socket } from 'socket.io';
import { OverlayKeysService } from './overlay-keys.service.js';

interface OverlaySocketData {
  overlay: OverlaySession;
}

export type OverlaySocket = Socket<
  OverlayClientToServerEvents,
  OverlayServerToClientEvents,
  Record<string, never>,
  OverlaySocketData
>;
export type OverlayNamespace = Namespace<
  OverlayClientToServerEvents,
  OverlayServerToClientEvents,
  Record<string, never>,
  OverlaySocketData
>;

export const overlayRoom = (channelId: string) => `channel:${channelId}`;
const keyRoom = (keyId: string) => `key:${keyId}`;

/**
 * OBS browser sources: a socket proves its overlay key before it connects, then joins its
 * channel's room. Rotating or revoking a key cuts off every socket still using it.
 */
@WebSocketGateway({ namespace: OVERLAY_NAMESPACE })
export class OverlayGateway
  implements OnGatewayInit<OverlayNamespace>, OnGatewayConnection<OverlaySocket>, OnModuleDestroy
{
  private readonly logger = new Logger(OverlayGateway.name);
  /** Emitting to `overlayRoom(channelId)` reaches every overlay of that channel. */
  @WebSocketServer() readonly namespace!: OverlayNamespace;
  private withdrawals: Subscription | null = null;

  constructor(private readonly keys: OverlayKeysService) {}

  afterInit(namespace: OverlayNamespace): void {
    namespace.use((socket, next) => {
      const key: unknown = (socket.handshake.auth as Record<string, unknown>).key;
      const authenticated = typeof key === 'string' ? this.keys.authenticate(key) : null;
      void Promise.resolve(authenticated).then(
        (overlay) => {
          if (!overlay) {
            this.logger.warn(
              `Overlay socket refused from ${socket.handshake.address}: unknown key`,
            );
            return next(new Error(OVERLAY_KEY_REFUSED));
          }
          socket.data.overlay = overlay;
          next();
        },
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
    this.withdrawals = this.keys.withdrawn$.subscribe((keyId) =>
      namespace.in(keyRoom(keyId)).disconnectSockets(true),
    );
  }

  async handleConnection(socket: OverlaySocket): Promise<void> {
    const { overlay } = socket.data;
    await socket.join([overlayRoom(overlay.channel.id), keyRoom(overlay.keyId)]);
    socket.emit('ready', overlay);
  }

  onModuleDestroy(): void {
    this.withdrawals?.unsubscribe();
  }
}
