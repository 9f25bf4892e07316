import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { ArchiveIngestModule } from '../ingest/archive-ingest.module.js';
import { LogArchive } from './log-archive.service.js';
import { logApiHeaders } from './log-api-headers.middleware.js';
import { LogApiKeyGuard } from './log-api-key.guard.js';
import { LogsController } from './logs.controller.js';
import { LogsService } from './logs.service.js';
import { RecentMessagesController } from './recent-messages.controller.js';
import { RecentMessagesService } from './recent-messages.service.js';

/** The log APIs existing chat clients speak: justlog/rustlog and recent-messages v2. */
@Module({
  imports: [ArchiveIngestModule],
  controllers: [LogsController, RecentMessagesController],
  providers: [LogArchive, LogsService, RecentMessagesService, LogApiKeyGuard],
})
export class LogApisModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(logApiHeaders('logs')).forRoutes(LogsController);
    consumer.apply(logApiHeaders('recent-messages')).forRoutes(RecentMessagesController);
  }
}
