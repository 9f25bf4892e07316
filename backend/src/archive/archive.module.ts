import { Module } from '@nestjs/common';
import { ArchiveHealthController } from './archive-health.controller.js';
import { LogApisModule } from './compat/log-apis.module.js';
import { ArchiveIngestModule } from './ingest/archive-ingest.module.js';
import { LiveModule } from './live/live.module.js';
import { ArchiveQueriesModule } from './queries/archive-queries.module.js';

/**
 * The chat archive: every chat event on the bus into Postgres, and what reads it back (REST,
 * search, stats, export, the log APIs chat clients speak, the admin's live feed).
 */
@Module({
  imports: [ArchiveIngestModule, ArchiveQueriesModule, LogApisModule, LiveModule],
  controllers: [ArchiveHealthController],
})
export class ArchiveModule {}
