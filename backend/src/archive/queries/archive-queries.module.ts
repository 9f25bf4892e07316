import { Module } from '@nestjs/common';
import { ArchiveIngestModule } from '../ingest/archive-ingest.module.js';
import { ArchiveSettingsController } from '../settings/archive-settings.controller.js';
import { ArchiveOverviewController } from './archive-overview.controller.js';
import { ArchiveOverviewService } from './archive-overview.service.js';
import { ChannelStatsController } from './channel-stats.controller.js';
import { ChannelStatsService } from './channel-stats.service.js';
import { ChattersController } from './chatters.controller.js';
import { ChattersService } from './chatters.service.js';
import { ExportsController } from './exports.controller.js';
import { MessageExportService } from './message-export.service.js';
import { MessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';
import { ModActionsController } from './mod-actions.controller.js';
import { ModActionsService } from './mod-actions.service.js';

/** The archive read back: messages, search, chatters, mod actions and their review, stats, export. */
@Module({
  imports: [ArchiveIngestModule],
  controllers: [
    MessagesController,
    ChattersController,
    ModActionsController,
    ChannelStatsController,
    ArchiveOverviewController,
    ExportsController,
    ArchiveSettingsController,
  ],
  providers: [
    MessagesService,
    ChattersService,
    ModActionsService,
    ChannelStatsService,
    ArchiveOverviewService,
    MessageExportService,
  ],
})
export class ArchiveQueriesModule {}
