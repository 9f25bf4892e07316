import {
  type AlertQueueReport,
  OVERLAY_KEY_REFUSED,
  OVERLAY_NAMESPACE,
  OVERLAY_PREVIEW_REFUSED,
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
import { SocketSessions } from '../session/socket-sessions.js';
import { OverlayKeysService } from './overlay-keys.service.js';
import { OverlayPreviews } from './overlay-previews.js';

export interface OverlaySocketData {
  overlay: OverlaySession;
  /** How many recent items of each kind the socket asked for on connect. */
  replay: number;
  /** A signed-in admin's preview rather than an OBS source with a key. */
  preview: boolean;
  connectedAt: string;
  /** What an alerts overlay last reported; `null` for other overlays. */
  alertQueue: AlertQueueReport | null;
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

/** Told of every overlay socket once it is ready (has its session, joined its room). */
export type OverlayConnectionListener = (socket: OverlaySocket) => void;

/**
 * OBS browser sources: a socket proves its overlay key before it connects, then joins its
 * channel's room. Rotating or revoking a key cuts off every socket still using it. A signed-in
 * admin's preview in the admin joins the same room on the strength of the session instead.
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
  private readonly connectionListeners: OverlayConnectionListener[] = [];

  constructor(
    private readonly keys: OverlayKeysService,
    private readonly sessions: SocketSessions,
    private readonly previews: OverlayPreviews,
  ) {}

  afterInit(namespace: OverlayNamespace): void {
    namespace.use((socket, next) => {
      const { key, preview, replay } = socket.handshake.auth as Record<string, unknown>;
      const count = replayCount(replay);
      if (count === null) return next(new Error(OVERLAY_REPLAY_INVALID));
      const isPreview = key === undefined && preview !== undefined;
      const authenticated = isPreview
        ? this.sessions.member(socket).then((member) => this.previews.sessionFor(member, preview))
        : typeof key === 'string'
          ? this.keys.authenticate(key)
          : null;
      void Promise.resolve(authenticated).then(
        (overlay) => {
          if (!overlay) {
            this.logger.warn(
              `Overlay socket refused from ${socket.handshake.address}: ${isPreview ? 'preview without an admin session' : 'unknown key'}`,
            );
            return next(new Error(isPreview ? OVERLAY_PREVIEW_REFUSED : OVERLAY_KEY_REFUSED));
          }
          Object.assign(socket.data, {
            overlay,
            replay: count,
            preview: isPreview,
            connectedAt: new Date().toISOString(),
            alertQueue: null,
          } satisfies OverlaySocketData);
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
    for (const listener of this.connectionListeners) listener(socket);
  }

  /** Calls `listener` for every overlay socket from now on, once it is ready. */
  onConnection(listener: OverlayConnectionListener): void {
    this.connectionListeners.push(listener);
  }

  /** The overlay sockets of a channel (Integron's id), with their connection ids. */
  async socketsOf(channelId: string): Promise<(OverlaySocketData & { id: string })[]> {
    const sockets = await this.namespace.in(overlayRoom(channelId)).fetchSockets();
    return sockets.map((socket) => ({ ...socket.data, id: socket.id }));
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
