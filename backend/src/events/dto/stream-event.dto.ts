import {
  type EventsSettings,
  type LoggedStreamEvent,
  type RefireRequest,
  STREAM_EVENT_TYPES,
  type StreamEvent,
  type StreamEventQuery,
  type StreamEventType,
  TEST_FIRE_TARGETS,
  type TestFireRequest,
  type TestFireTarget,
  type Viewer,
  type ViewerQuery,
  VIEWER_SORTS,
  type ViewerSort,
  type EventsSummary,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, Matches, ValidateBy } from 'class-validator';
import { PageDtoOf, PageQueryDto } from '../../http/page.dto.js';
import { UserRefDto } from '../../archive/queries/dto/message.dto.js';
import { BooleanField, ChannelIdField, IsoTimeField } from '../../http/query-fields.js';

const KNOWN_TYPES = new Set<string>(STREAM_EVENT_TYPES);

export class StreamEventQueryDto extends PageQueryDto implements StreamEventQuery {
  @ChannelIdField()
  channelId?: string;

  @ApiPropertyOptional({
    description: `Comma-separated event types: ${STREAM_EVENT_TYPES.join(', ')}.`,
    example: 'sub,resub,gift',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isStreamEventTypeList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value.split(',').every((type) => KNOWN_TYPES.has(type)),
      defaultMessage: () =>
        `types must be a comma-separated list of ${STREAM_EVENT_TYPES.join(', ')}`,
    },
  })
  types?: string;

  @ApiPropertyOptional({
    description: 'The start of a login: the user the event is about (gifter, raider, cheerer…).',
    example: 'pixel',
  })
  @IsOptional()
  @Matches(/^\w{1,25}$/, {
    message: 'user must be (the start of) a Twitch login: 1 to 25 letters, digits or _',
  })
  user?: string;

  @IsoTimeField({ description: 'Inclusive.' })
  since?: string;

  @IsoTimeField({ description: 'Exclusive.' })
  until?: string;

  @BooleanField('includeTests', {
    default: true,
    description: 'false leaves test-panel events out.',
  })
  includeTests?: boolean;
}

export class LoggedStreamEventDto implements LoggedStreamEvent {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ example: '1' }) channelId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The event as the overlays receive it: `type` (one of the stream event types) and its fields, as in contracts/src/stream-event.ts.',
  })
  event!: StreamEvent;
  @ApiProperty() isTest!: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class LoggedStreamEventPageDto extends PageDtoOf(LoggedStreamEventDto) {}

export class EventsSettingsDto implements EventsSettings {
  @ApiProperty({
    description: 'Keep polls, predictions and shoutouts in the log, not only show them live.',
  })
  @IsBoolean({ message: 'keepLiveOnlyEvents must be true or false' })
  keepLiveOnlyEvents!: boolean;
}

export class TestFireRequestDto implements TestFireRequest {
  @ApiProperty({
    example: '1',
    description: "Integron's id of the channel (see GET /api/channels).",
  })
  @Matches(/^\d{1,18}$/, {
    message: "channelId must be a channel's numeric id, as GET /api/channels lists them",
  })
  channelId!: string;

  @ApiProperty({ enum: STREAM_EVENT_TYPES })
  @IsIn(STREAM_EVENT_TYPES, { message: `type must be one of ${STREAM_EVENT_TYPES.join(', ')}` })
  type!: StreamEventType;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "The type's own fields, as GET /api/events/test/sample shows them; generated when left out.",
  })
  @IsOptional()
  @IsObject({ message: 'payload must be a JSON object of the event type’s fields' })
  payload?: Record<string, unknown>;

  @ApiPropertyOptional({
    enum: TEST_FIRE_TARGETS,
    default: 'pipeline',
    description: 'overlays: shown only; pipeline: through the events log too, marked as a test.',
  })
  @IsOptional()
  @IsIn(TEST_FIRE_TARGETS, { message: `target must be one of ${TEST_FIRE_TARGETS.join(', ')}` })
  target?: TestFireTarget;
}

export class RefireRequestDto implements RefireRequest {
  @ApiPropertyOptional({ enum: TEST_FIRE_TARGETS, default: 'pipeline' })
  @IsOptional()
  @IsIn(TEST_FIRE_TARGETS, { message: `target must be one of ${TEST_FIRE_TARGETS.join(', ')}` })
  target?: TestFireTarget;
}

export class SampleQueryDto {
  @ApiProperty({ enum: STREAM_EVENT_TYPES })
  @IsIn(STREAM_EVENT_TYPES, { message: `type must be one of ${STREAM_EVENT_TYPES.join(', ')}` })
  type!: StreamEventType;
}

export class SampleEventDto {
  @ApiProperty({ enum: STREAM_EVENT_TYPES }) type!: StreamEventType;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
}

export class FiredEventDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event as fired (source "test").',
  })
  event!: StreamEvent;
}

export class SummaryQueryDto {
  @IsoTimeField({ description: 'Counted from then on; default today 00:00 UTC.' })
  since?: string;
}

export class EventsSummaryDto implements EventsSummary {
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Per stream event type.',
  })
  counts!: EventsSummary['counts'];
  @ApiProperty() total!: number;
}

export class ViewerQueryDto extends PageQueryDto implements ViewerQuery {
  @ChannelIdField()
  channelId?: string;

  @ApiPropertyOptional({ description: 'The start of a login or display name.', example: 'pix' })
  @IsOptional()
  @Matches(/^\w{1,25}$/, {
    message: 'q must be (the start of) a login: 1 to 25 letters, digits or _',
  })
  q?: string;

  @ApiPropertyOptional({ enum: VIEWER_SORTS, default: 'messages' })
  @IsOptional()
  @IsIn(VIEWER_SORTS, { message: `sort must be one of ${VIEWER_SORTS.join(', ')}` })
  sort?: ViewerSort;

  @ApiPropertyOptional({ enum: ['desc', 'asc'], default: 'desc' })
  @IsOptional()
  @IsIn(['desc', 'asc'], { message: 'order must be desc or asc' })
  order?: 'asc' | 'desc';
}

class ViewerChannelDto {
  @ApiProperty({ example: '1' }) id!: string;
  @ApiProperty() login!: string;
  @ApiProperty() displayName!: string;
}

export class ViewerDto implements Viewer {
  @ApiProperty({ type: UserRefDto }) user!: Viewer['user'];
  @ApiProperty({ type: ViewerChannelDto }) channel!: Viewer['channel'];
  @ApiProperty() messageCount!: number;
  @ApiProperty() bitsTotal!: number;
  @ApiProperty() subMonths!: number;
  @ApiProperty({ format: 'date-time' }) firstSeen!: string;
  @ApiProperty({ format: 'date-time' }) lastSeen!: string;
  @ApiPropertyOptional({ nullable: true }) profileImageUrl!: string | null;
}

export class ViewerPageDto extends PageDtoOf(ViewerDto) {}
