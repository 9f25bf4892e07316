import { type ArchiveHealth } from '@integron/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth-policy.js';
import { ArchiveWriter } from './ingest/archive-writer.js';

class ArchiveHealthDto implements ArchiveHealth {
  @ApiProperty() ingestRatePerSecond!: number;
  @ApiProperty({ example: { rows: 120, capacity: 50000 } }) buffer!: ArchiveHealth['buffer'];
  @ApiProperty({ example: { files: 0, rows: 0, bytes: 0 } }) journal!: ArchiveHealth['journal'];
  @ApiProperty({ description: 'Age of the oldest line not yet committed.' }) lagMs!: number;
  @ApiProperty() writtenTotal!: number;
  @ApiProperty({ format: 'date-time', nullable: true }) lastFlushAt!: string | null;
  @ApiProperty() databaseWritable!: boolean;
  @ApiProperty({ nullable: true }) lastError!: string | null;
}

@ApiTags('archive')
@Controller('api/archive')
export class ArchiveHealthController {
  constructor(private readonly writer: ArchiveWriter) {}

  @Get('health')
  @RequireRole('moderator')
  @ApiOperation({
    summary: 'Whether every chat line reaches Postgres: rate, buffer, journal and lag.',
  })
  @ApiOkResponse({ type: ArchiveHealthDto })
  health(): ArchiveHealth {
    return this.writer.health();
  }
}
