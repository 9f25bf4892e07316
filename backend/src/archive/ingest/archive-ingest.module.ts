import { Module } from '@nestjs/common';
import { ARCHIVE_METRIC_PROVIDERS } from '../archive.metrics.js';
import { ArchiveSettingsService } from '../settings/archive-settings.service.js';
import { ARCHIVE_WRITER_LIMITS, ArchiveWriter, DEFAULT_WRITER_LIMITS } from './archive-writer.js';

/** Chat events from the bus into Postgres (and the journal), and the archive's settings. */
@Module({
  providers: [
    { provide: ARCHIVE_WRITER_LIMITS, useValue: DEFAULT_WRITER_LIMITS },
    ArchiveWriter,
    ArchiveSettingsService,
    ...ARCHIVE_METRIC_PROVIDERS,
  ],
  exports: [ArchiveWriter, ArchiveSettingsService],
})
export class ArchiveIngestModule {}
