import {
  type AlertCommand,
  type AlertOverlayState,
  type AlertQueueAction,
  type ChannelAlertQueue,
  type StreamEvent,
} from '@integron/contracts';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OverlayGateway, type OverlaySocket } from '../../auth/overlay-keys/overlay.gateway.js';
import { ChannelsService } from '../../channels/channels.service.js';
import { EventsLogService } from '../../events/events-log.service.js';
import { ApiError } from '../../http/api-error.js';
import { parseAlertQueueReport } from './alert-queue-report.js';

/**
 * The admin's hold on each channel's alerts overlays. The overlays keep their own queues (each
 * times its alerts by its URL's `duration`) and report them; the admin's pause, resume, skip,
 * clear and replay go to all of them at once. Whether a channel's alerts are paused is kept
 * here, so an overlay that opens or reconnects meanwhile starts paused too.
 */
@Injectable()
export class AlertQueueControl implements OnApplicationBootstrap {
  private readonly logger = new Logger('AlertQueue');
  /** Integron ids of the channels whose alerts are paused. */
  private readonly paused = new Set<string>();

  constructor(
    private readonly gateway: OverlayGateway,
    private readonly channels: ChannelsService,
    private readonly log: EventsLogService,
  ) {}

  onApplicationBootstrap(): void {
    this.gateway.onConnection((socket) => this.attach(socket));
  }

  /** What each alerts overlay of the channel shows and holds, as it last reported. */
  async queueOf(channelId: string): Promise<ChannelAlertQueue> {
    await this.channels.identity(channelId);
    return this.snapshot(channelId);
  }

  async act(channelId: string, action: AlertQueueAction): Promise<ChannelAlertQueue> {
    await this.channels.identity(channelId);
    if (action === 'pause') this.paused.add(channelId);
    if (action === 'resume') this.paused.delete(channelId);
    this.command(channelId, { kind: action });
    return this.snapshot(channelId);
  }

  /** Alerts an event of the channel's log again, on every alerts overlay of the channel. */
  async replay(channelId: string, logId: string): Promise<StreamEvent> {
    await this.channels.identity(channelId);
    const logged = await this.log.get(logId);
    if (logged.channelId !== channelId)
      throw new ApiError(
        'NOT_FOUND',
        `Event ${logId} is not one of channel ${channelId}'s; GET /api/events?channelId=${channelId} lists them.`,
      );
    this.command(channelId, { kind: 'replay', event: logged.event });
    return logged.event;
  }

  private async snapshot(channelId: string): Promise<ChannelAlertQueue> {
    const sockets = await this.gateway.socketsOf(channelId);
    const overlays = sockets.flatMap((socket): AlertOverlayState[] =>
      socket.alertQueue === null
        ? []
        : [
            {
              id: socket.id,
              source: socket.overlay.keyName,
              preview: socket.preview,
              connectedAt: socket.connectedAt,
              queue: socket.alertQueue,
            },
          ],
    );
    overlays.sort((a, b) => a.connectedAt.localeCompare(b.connectedAt));
    return { channelId, paused: this.paused.has(channelId), overlays };
  }

  private command(channelId: string, command: AlertCommand): void {
    this.logger.log(`Alerts of channel ${channelId}: ${command.kind}`);
    this.gateway.send('alert-command', channelId, command);
  }

  private attach(socket: OverlaySocket): void {
    const channelId = socket.data.overlay.channel.id;
    if (this.paused.has(channelId)) socket.emit('alert-command', { kind: 'pause' });
    socket.on('alert-queue', (value: unknown) => {
      const parsed = parseAlertQueueReport(value);
      if (parsed.ok) {
        socket.data.alertQueue = parsed.report;
        return;
      }
      this.logger.warn(
        `An alerts overlay of channel ${channelId} (${socket.data.overlay.keyName}) reported an invalid queue, ignored: ${parsed.problem}`,
      );
    });
  }
}
