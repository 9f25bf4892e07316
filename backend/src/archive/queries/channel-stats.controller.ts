import { type ChannelStats } from '@integron/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth-policy.js';
import { BigIntIdPipe } from '../../http/bigint-id.pipe.js';
import { ChannelStatsService } from './channel-stats.service.js';
import { ChannelStatsDto, ChannelStatsQueryDto } from './dto/stats.dto.js';

const DEFAULT_HOURS = 24;

@ApiTags('channels')
@Controller('api/channels')
export class ChannelStatsController {
  constructor(private readonly channelStats: ChannelStatsService) {}

  @Get(':id/stats')
  @RequireRole('moderator')
  @ApiOperation({
    summary: "A channel's messages per hour, recent chatters and mod actions over the last hours.",
  })
  @ApiOkResponse({ type: ChannelStatsDto })
  @ApiNotFoundResponse({ description: 'No channel with that id.' })
  stats(
    @Param('id', BigIntIdPipe) id: string,
    @Query() query: ChannelStatsQueryDto,
  ): Promise<ChannelStats> {
    return this.channelStats.stats(id, query.hours ?? DEFAULT_HOURS);
  }
}
