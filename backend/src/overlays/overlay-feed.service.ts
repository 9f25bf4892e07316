import { OVERLAY_REPLAY_MAX } from '@integron/contracts';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { OverlayGateway } from '../auth/overlay-keys/overlay.gateway.js';
import { EventBus } from '../bus/event-bus.js';
import { ChannelsService } from '../channels/channels.service.js';
import { RecentMap } from '../common/recent-map.js';
import { StreamEventsService } from '../events/stream-events.service.js';
import { InChannelOrder } from './in-channel-order.js';
import {
  CHAT_REMOVAL_TYPES,
  chatRemovalOf,
  overlayChatMessage,
  removalKey,
} from './overlay-chat.js';
import { RecentOverlayItems } from './recent-overlay-items.js';
import { RepeatedRemovals } from './repeated-removals.js';

/** Chat message ids remembered, so that a line told twice is shown once. */
const REMEMBERED_MESSAGE_IDS = 10_000;

/**
 * What the OBS overlays of each channel show, live: every accepted stream event (each real-world
 * event once), every chat line, and the lines moderators take away; the last of each kept for
 * sockets that ask for a replay.
 */
@Injectable()
export class OverlayFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OverlayFeed');
  private readonly recent = new RecentOverlayItems(OVERLAY_REPLAY_MAX);
  private readonly shownMessages = new RecentMap<true>(REMEMBERED_MESSAGE_IDS);
  private readonly repeatedRemovals = new RepeatedRemovals();
  private readonly inOrder: InChannelOrder;
  private stops: (() => void)[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly streamEvents: StreamEventsService,
    private readonly gateway: OverlayGateway,
    channels: ChannelsService,
  ) {
    this.inOrder = new InChannelOrder(channels, (error) =>
      this.logger.warn(`An overlay item was not sent: ${String(error)}`),
    );
  }

  onApplicationBootstrap(): void {
    const { gateway } = this;
    gateway.replayFrom((channelId, count) => this.recent.last(channelId, count));
    const events = this.streamEvents.accepted$.subscribe((event) =>
      this.inOrder.run(event.channel.id, (channelId) => {
        this.recent.addEvent(channelId, event);
        gateway.send('stream-event', channelId, event);
      }),
    );
    this.stops = [
      () => events.unsubscribe(),
      this.bus.on('chat.message', (event) => {
        if (this.shownMessages.has(event.messageId)) return;
        this.shownMessages.set(event.messageId, true);
        const message = overlayChatMessage(event);
        this.inOrder.run(event.channel.id, (channelId) => {
          this.recent.addChat(channelId, message);
          gateway.send('chat-message', channelId, message);
        });
      }),
      this.bus.on(CHAT_REMOVAL_TYPES, (event) => {
        const removal = chatRemovalOf(event);
        const key = removalKey(event.channel.id, removal);
        if (this.repeatedRemovals.isRepeat(key, event.source, event.occurredAt)) return;
        this.inOrder.run(event.channel.id, (channelId) => {
          this.recent.remove(channelId, removal);
          gateway.send('chat-removed', channelId, removal);
        });
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}
