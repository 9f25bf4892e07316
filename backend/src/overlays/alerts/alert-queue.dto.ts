import {
  ALERT_QUEUE_ACTIONS,
  type AlertOverlayState,
  type AlertQueueAction,
  type AlertQueueActionRequest,
  type AlertQueueEntry,
  type AlertQueueReport,
  type AlertReplayRequest,
  type ChannelAlertQueue,
  STREAM_EVENT_TYPES,
  type StreamEventType,
} from '@integron/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

export class AlertQueueActionRequestDto implements AlertQueueActionRequest {
  @ApiProperty({
    enum: ALERT_QUEUE_ACTIONS,
    description:
      'pause: the alert on screen finishes, the next waits; resume; skip: the alert on screen leaves now; clear: the waiting alerts go.',
  })
  @IsIn(ALERT_QUEUE_ACTIONS, { message: `action must be one of ${ALERT_QUEUE_ACTIONS.join(', ')}` })
  action!: AlertQueueAction;
}

export class AlertReplayRequestDto implements AlertReplayRequest {
  @ApiProperty({ description: 'The events log id of one of the channel’s events.', example: '42' })
  @Matches(/^\d{1,18}$/, { message: 'logId must be a numeric id of at most 18 digits' })
  logId!: string;
}

class AlertQueueEntryDto implements AlertQueueEntry {
  @ApiProperty()
  eventId!: string;

  @ApiProperty({ enum: STREAM_EVENT_TYPES })
  type!: StreamEventType;

  @ApiProperty({ example: 'ana gifted 5 subs' })
  headline!: string;
}

class AlertQueueReportDto implements AlertQueueReport {
  @ApiProperty()
  paused!: boolean;

  @ApiProperty({ type: AlertQueueEntryDto, nullable: true })
  showing!: AlertQueueEntryDto | null;

  @ApiProperty({ type: [AlertQueueEntryDto], description: 'In the order they will be shown.' })
  waiting!: AlertQueueEntryDto[];
}

class AlertOverlayStateDto implements AlertOverlayState {
  @ApiProperty({ description: 'The overlay’s connection; changes when it reconnects.' })
  id!: string;

  @ApiProperty({ description: 'The overlay key’s name, or "Admin preview".' })
  source!: string;

  @ApiProperty()
  preview!: boolean;

  @ApiProperty({ format: 'date-time' })
  connectedAt!: string;

  @ApiProperty({ type: AlertQueueReportDto })
  queue!: AlertQueueReportDto;
}

export class ChannelAlertQueueDto implements ChannelAlertQueue {
  @ApiProperty()
  channelId!: string;

  @ApiProperty({ description: 'Whether the admin paused the channel’s alerts.' })
  paused!: boolean;

  @ApiProperty({ type: [AlertOverlayStateDto], description: 'Open alerts overlays, oldest first.' })
  overlays!: AlertOverlayStateDto[];
}
