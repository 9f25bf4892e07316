import { type ArchiveOverview } from '@integron/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth-policy.js';
import { ArchiveOverviewService } from './archive-overview.service.js';
import { ArchiveOverviewDto } from './dto/stats.dto.js';

@ApiTags('archive')
@Controller('api/archive')
export class ArchiveOverviewController {
  constructor(private readonly overview: ArchiveOverviewService) {}

  @Get('overview')
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      'The dashboard: totals, messages per hour over the last day, the busiest channels and chatters, recent mod actions.',
  })
  @ApiOkResponse({ type: ArchiveOverviewDto })
  get(): Promise<ArchiveOverview> {
    return this.overview.overview();
  }
}
