import {
  type ChannelEventSub,
  EVENTSUB_TRANSPORTS,
  EVENTSUB_TYPES,
  type EventSubSubscriptionState,
  type EventSubSubscriptionStatus,
  type EventSubTransportKind,
  type EventSubType,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const STATUSES: EventSubSubscriptionStatus[] = [
  'pending',
  'enabled',
  'failed',
  'revoked',
  'not_connected',
];

export class EventSubSubscriptionStateDto implements EventSubSubscriptionState {
  @ApiProperty({ enum: EVENTSUB_TYPES, example: 'channel.follow' }) type!: EventSubType;
  @ApiProperty({ enum: STATUSES }) status!: EventSubSubscriptionStatus;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "Why, when something is wrong: Twitch's error or reason, or the scope to grant.",
  })
  detail!: string | null;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class ChannelEventSubDto implements ChannelEventSub {
  @ApiProperty({ example: '42' }) channelId!: string;
  @ApiProperty({
    enum: EVENTSUB_TRANSPORTS,
    description:
      'webhook when PUBLIC_URL is https (Twitch calls PUBLIC_URL/eventsub), else websocket.',
  })
  transport!: EventSubTransportKind;
  @ApiProperty({
    description:
      "websocket: whether the broadcaster account's WebSocket to Twitch is open. webhook: whether Integron takes deliveries at its callback URL.",
  })
  connected!: boolean;
  @ApiProperty({ type: [EventSubSubscriptionStateDto], description: 'Empty while inactive.' })
  subscriptions!: EventSubSubscriptionState[];
}
