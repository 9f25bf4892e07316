import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { EventsModule } from '../events/events.module.js';
import { OverlayFeed } from './overlay-feed.service.js';

/**
 * The OBS overlays' live data (stream events, chat lines, removals) sent to each channel's room
 * of the overlay socket namespace. The pages themselves are static files (`StaticAssetsModule`).
 */
@Module({ imports: [AuthModule, EventsModule, ChannelsModule], providers: [OverlayFeed] })
export class OverlaysModule {}
