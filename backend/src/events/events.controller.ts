import {
  type EventsSettings,
  type EventsSummary,
  type LoggedStreamEvent,
  type Page,
} from '@integron/contracts';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BigIntIdPipe } from '../http/bigint-id.pipe.js';
import { RequireRole } from '../auth/auth-policy.js';
import {
  EventsSettingsDto,
  EventsSummaryDto,
  SummaryQueryDto,
  FiredEventDto,
  LoggedStreamEventPageDto,
  RefireRequestDto,
  SampleEventDto,
  SampleQueryDto,
  StreamEventQueryDto,
  TestFireRequestDto,
} from './dto/stream-event.dto.js';
import { EventsLogService } from './events-log.service.js';
import { EventsSettingsService } from './events-settings.service.js';
import { TestFireService } from './test-fire/test-fire.service.js';

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(
    private readonly log: EventsLogService,
    private readonly settings: EventsSettingsService,
    private readonly testFire: TestFireService,
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

  @Get('summary')
  @RequireRole('moderator')
  @ApiOperation({
    summary: 'How many of each stream event since a time (default today, UTC); tests left out.',
  })
  @ApiOkResponse({ type: EventsSummaryDto })
  summary(@Query() query: SummaryQueryDto): Promise<EventsSummary> {
    return this.log.summary(query.since);
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

  @Get('test/sample')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'A generated payload of an event type, for the test panel to edit.' })
  @ApiOkResponse({ type: SampleEventDto })
  sample(@Query() query: SampleQueryDto): SampleEventDto {
    return { type: query.type, payload: this.testFire.sample(query.type) };
  }

  @Post('test')
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Fires a stream event marked as a test: to the overlays only, or through the whole pipeline (logged as a test).',
  })
  @ApiCreatedResponse({ type: FiredEventDto })
  @ApiNotFoundResponse({ description: 'No such channel.' })
  async fire(@Body() body: TestFireRequestDto): Promise<FiredEventDto> {
    return { event: await this.testFire.fire(body) };
  }

  @Post(':id/refire')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Fires a logged event again, as a test.' })
  @ApiCreatedResponse({ type: FiredEventDto })
  @ApiNotFoundResponse({ description: 'No logged event has that id.' })
  async refire(
    @Param('id', BigIntIdPipe) id: string,
    @Body() body: RefireRequestDto,
  ): Promise<FiredEventDto> {
    return { event: await this.testFire.refire(id, body.target) };
  }
}
