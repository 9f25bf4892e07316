import {
  OVERLAY_NAMESPACE,
  type OverlayClientToServerEvents,
  type OverlayServerToClientEvents,
} from '@integron/contracts';
import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import { type Socket } from 'socket.io';
import { OverlayKeysService } from './overlay-keys.service.js';

export type OverlaySocket = Socket<OverlayClientToServerEvents, OverlayServerToClientEvents>;

export const overlayRoom = (channelId: string) => `channel:${channelId}`;

/** OBS browser sources: a socket authenticates with its overlay key and joins its channel's room. */
@WebSocketGateway({ namespace: OVERLAY_NAMESPACE })
export class OverlayGateway implements OnGatewayConnection<OverlaySocket> {
  private readonly logger = new Logger(OverlayGateway.name);

  constructor(private readonly keys: OverlayKeysService) {}

  async handleConnection(socket: OverlaySocket): Promise<void> {
    const key: unknown = (socket.handshake.auth as Record<string, unknown>).key;
    const session = typeof key === 'string' ? await this.keys.authenticate(key) : null;
    if (!session) {
      this.logger.warn(`Overlay socket refused from ${socket.handshake.address}: unknown key`);
      socket.disconnect(true);
      return;
    }
    await socket.join(overlayRoom(session.channel.id));
    socket.emit('ready', session);
  }
}
