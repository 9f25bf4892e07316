import { type EventsSettings, type LoggedStreamEvent, type Page } from '@integron/contracts';
import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth-policy.js';
import {
  EventsSettingsDto,
  LoggedStreamEventPageDto,
  StreamEventQueryDto,
} from './dto/stream-event.dto.js';
import { EventsLogService } from './events-log.service.js';
import { EventsSettingsService } from './events-settings.service.js';

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(
    private readonly log: EventsLogService,
    private readonly settings: EventsSettingsService,
  ) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      'Stream events of the team’s channels (subs, gifts, cheers, follows, raids…), newest first; filters combine.',
  })
  @ApiOkResponse({ type: LoggedStreamEventPageDto })
  list(@Query() query: StreamEventQueryDto): Promise<Page<LoggedStreamEvent>> {
    return this.log.list(query);
  }

  @Get('settings')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'What the events log keeps.' })
  @ApiOkResponse({ type: EventsSettingsDto })
  getSettings(): Promise<EventsSettings> {
    return this.settings.get();
  }

  @Put('settings')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Changes what the events log keeps.' })
  @ApiOkResponse({ type: EventsSettingsDto })
  updateSettings(@Body() body: EventsSettingsDto): Promise<EventsSettings> {
    return this.settings.update(body);
  }
}
