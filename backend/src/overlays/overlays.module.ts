import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { EventsModule } from '../events/events.module.js';
import { AlertQueueController } from './alerts/alert-queue.controller.js';
import { AlertQueueControl } from './alerts/alert-queue.service.js';
import { OverlayBadgesController } from './overlay-badges.controller.js';
import { OverlayFeed } from './overlay-feed.service.js';

/**
 * The OBS overlays' live data (stream events, chat lines, removals) sent to each channel's room
 * of the overlay socket namespace, the chat's badge images, and the admin's control of the alert
 * queues. The pages
 * themselves are static files (`StaticAssetsModule`).
 */
@Module({
  imports: [AuthModule, EventsModule, ChannelsModule],
  controllers: [AlertQueueController, OverlayBadgesController],
  providers: [OverlayFeed, AlertQueueControl],
})
export class OverlaysModule {}
