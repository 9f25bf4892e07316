import { Module } from '@nestjs/common';
import { EventsController } from './events.controller.js';
import { EventsLogService } from './events-log.service.js';
import { EventsSettingsService } from './events-settings.service.js';
import { StreamEventStore } from './stream-event-store.js';
import { StreamEventsService } from './stream-events.service.js';
import { TestFireService } from './test-fire/test-fire.service.js';
import { ViewersController } from './viewers.controller.js';
import { ViewersService } from './viewers.service.js';

/**
 * Stream events (subs, gifts, cheers, follows, raids, redemptions, hype trains…) from the bus,
 * each real-world event once, in a log; `StreamEventsService.accepted$` feeds the overlays.
 */
@Module({
  controllers: [EventsController, ViewersController],
  providers: [
    StreamEventStore,
    StreamEventsService,
    EventsSettingsService,
    EventsLogService,
    TestFireService,
    ViewersService,
  ],
  exports: [StreamEventsService, EventsLogService],
})
export class EventsModule {}
