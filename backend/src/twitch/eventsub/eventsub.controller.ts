import { type ChannelEventSub } from '@integron/contracts';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth-policy.js';
import { BigIntIdPipe } from '../../http/bigint-id.pipe.js';
import { ChannelEventSubService } from './channel-eventsub.service.js';
import { ChannelEventSubDto } from './eventsub.dto.js';

@ApiTags('channels')
@Controller('api/channels/:id/eventsub')
export class EventSubController {
  constructor(private readonly eventSub: ChannelEventSubService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      "The channel's EventSub subscriptions (follows, subs, cheers, raids, …) and where each stands.",
  })
  @ApiOkResponse({ type: ChannelEventSubDto })
  @ApiNotFoundResponse({ description: 'No channel has that id.' })
  status(@Param('id', BigIntIdPipe) id: string): Promise<ChannelEventSub> {
    return this.eventSub.status(id);
  }

  @Post('recreate')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      "Deletes the channel's EventSub subscriptions and creates them again (after a revocation or a refusal); they are pending until Twitch confirms.",
  })
  @ApiAcceptedResponse({ type: ChannelEventSubDto })
  @ApiNotFoundResponse({ description: 'No channel has that id.' })
  @ApiConflictResponse({ description: 'The channel is not active.' })
  recreate(@Param('id', BigIntIdPipe) id: string): Promise<ChannelEventSub> {
    return this.eventSub.recreate(id);
  }
}
