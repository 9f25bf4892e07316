import { type ChannelAlertQueue } from '@integron/contracts';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth-policy.js';
import { FiredEventDto } from '../../events/dto/stream-event.dto.js';
import { BigIntIdPipe } from '../../http/bigint-id.pipe.js';
import {
  AlertQueueActionRequestDto,
  AlertReplayRequestDto,
  ChannelAlertQueueDto,
} from './alert-queue.dto.js';
import { AlertQueueControl } from './alert-queue.service.js';

@ApiTags('overlays')
@Controller('api/channels/:id/alerts')
export class AlertQueueController {
  constructor(private readonly alerts: AlertQueueControl) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'What each open alerts overlay of the channel shows and has queued, and whether paused.',
  })
  @ApiOkResponse({ type: ChannelAlertQueueDto })
  @ApiNotFoundResponse({ description: 'No such channel.' })
  queue(@Param('id', BigIntIdPipe) id: string): Promise<ChannelAlertQueue> {
    return this.alerts.queueOf(id);
  }

  @Post('actions')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Pauses, resumes, skips the alert on screen, or clears the waiting alerts, on every alerts overlay of the channel.',
  })
  @ApiOkResponse({ type: ChannelAlertQueueDto })
  @ApiNotFoundResponse({ description: 'No such channel.' })
  act(
    @Param('id', BigIntIdPipe) id: string,
    @Body() body: AlertQueueActionRequestDto,
  ): Promise<ChannelAlertQueue> {
    return this.alerts.act(id, body.action);
  }

  @Post('replay')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Alerts an event of the channel’s log again (as the event it was).' })
  @ApiOkResponse({ type: FiredEventDto })
  @ApiNotFoundResponse({ description: 'No such channel, or no such event of it.' })
  async replay(
    @Param('id', BigIntIdPipe) id: string,
    @Body() body: AlertReplayRequestDto,
  ): Promise<FiredEventDto> {
    return { event: await this.alerts.replay(id, body.logId) };
  }
}
