import { type Channel } from '@integron/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth-policy.js';
import { ChannelDto } from './channel.dto.js';
import { ChannelsService } from './channels.service.js';

@ApiTags('channels')
@Controller('api/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({ summary: "The team's channels." })
  @ApiOkResponse({ type: [ChannelDto] })
  list(): Promise<Channel[]> {
    return this.channels.list();
  }
}
