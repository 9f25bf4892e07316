import {
  OVERLAY_KEY_REFUSED,
  OVERLAY_NAMESPACE,
  OVERLAY_REPLAY_INVALID,
  OVERLAY_REPLAY_MAX,
  type OverlayClientToServerEvents,
  type OverlayItem,
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
  /** How many recent items of each kind the socket asked for on connect. */
  replay: number;
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

/** The events the server pushes to a channel's overlays (all but the per-socket ones). */
export type OverlayBroadcast = Exclude<keyof OverlayServerToClientEvents, 'ready' | 'replay'>;

/** What a socket that asks for `replay: N` is sent on connect. */
export type OverlayReplaySource = (channelId: string, count: number) => OverlayItem[];

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
  private replaySource: OverlayReplaySource = () => [];

  constructor(private readonly keys: OverlayKeysService) {}

  afterInit(namespace: OverlayNamespace): void {
    namespace.use((socket, next) => {
      const { key, replay } = socket.handshake.auth as Record<string, unknown>;
      const count = replayCount(replay);
      if (count === null) return next(new Error(OVERLAY_REPLAY_INVALID));
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
          socket.data.replay = count;
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
    const { overlay, replay } = socket.data;
    await socket.join([overlayRoom(overlay.channel.id), keyRoom(overlay.keyId)]);
    socket.emit('ready', overlay);
    if (replay > 0) socket.emit('replay', this.replaySource(overlay.channel.id, replay));
  }

  /** Sends to every overlay of the channel (Integron's id). */
  send<E extends OverlayBroadcast>(
    event: E,
    channelId: string,
    ...data: Parameters<OverlayServerToClientEvents[E]>
  ): void {
    this.namespace.to(overlayRoom(channelId)).emit(event, ...data);
  }

  /** Where replays come from (the overlays module's recent items); none until it is set. */
  replayFrom(source: OverlayReplaySource): void {
    this.replaySource = source;
  }

  onModuleDestroy(): void {
    this.withdrawals?.unsubscribe();
  }
}

/** `auth.replay`: absent means 0; anything but a whole number from 0 to the maximum is refused. */
function replayCount(value: unknown): number | null {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  return value >= 0 && value <= OVERLAY_REPLAY_MAX ? value : null;
}
