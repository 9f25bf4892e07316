import {
  type ActivityPoint,
  type ChannelBrief,
  type ChatterChannelStats,
  type ChatterProfile,
  type ChatterSummary,
  type NameHistoryEntry,
  type UserRef,
} from '@integron/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ChannelBriefDto, UserRefDto } from './message.dto.js';
import { PageDtoOf, PageQueryDto } from '../../../http/page.dto.js';
import { IntField } from '../../../http/query-fields.js';

export class ChatterSummaryDto implements ChatterSummary {
  @ApiProperty({ type: UserRefDto, description: 'As last seen.' }) user!: UserRef;
  @ApiProperty({ format: 'date-time' }) firstSeen!: string;
  @ApiProperty({ format: 'date-time' }) lastSeen!: string;
  @ApiProperty({ description: 'Chat messages in all channels.' }) messageCount!: number;
}

export class ChatterSummaryPageDto extends PageDtoOf(ChatterSummaryDto) {}

export class ChatterChannelStatsDto implements ChatterChannelStats {
  @ApiProperty({ type: ChannelBriefDto }) channel!: ChannelBrief;
  @ApiProperty() messageCount!: number;
  @ApiProperty() bitsTotal!: number;
  @ApiProperty({ description: 'Months subscribed, as last seen.' }) subMonths!: number;
  @ApiProperty({ format: 'date-time' }) firstSeen!: string;
  @ApiProperty({ format: 'date-time' }) lastSeen!: string;
}

export class ChatterProfileDto extends ChatterSummaryDto implements ChatterProfile {
  @ApiProperty() bitsTotal!: number;
  @ApiProperty({ type: [ChatterChannelStatsDto], description: 'Busiest first.' })
  channels!: ChatterChannelStats[];
  @ApiProperty() bans!: number;
  @ApiProperty() timeouts!: number;
  @ApiProperty({ description: 'Of their messages, how many moderators deleted.' })
  deletedMessages!: number;
}

export class NameHistoryEntryDto implements NameHistoryEntry {
  @ApiProperty({ example: 'nightowl' }) login!: string;
  @ApiProperty({ example: 'NightOwl' }) displayName!: string;
  @ApiProperty({ format: 'date-time' }) firstSeen!: string;
  @ApiProperty({ format: 'date-time' }) lastSeen!: string;
}

export class ActivityPointDto implements ActivityPoint {
  @ApiProperty({ format: 'date-time', description: 'Start of the UTC hour or day.' }) at!: string;
  @ApiProperty() messages!: number;
}

export class ChatterSearchQueryDto extends PageQueryDto {
  @ApiProperty({
    required: false,
    example: 'night',
    description:
      'The first letters of a login (current or past; case does not matter), or a Twitch user id. Without it (or empty): every chatter, the busiest first.',
  })
  @IsOptional()
  @IsString({ message: 'q must be text: the first letters of a login, or a Twitch user id' })
  @MaxLength(25, { message: 'q must be at most 25 characters, as Twitch logins are' })
  q?: string;
}

export class ActivityQueryDto {
  @IntField('days', 1, 366, { default: 30, description: 'UTC days, today included.' })
  days?: number;
}
