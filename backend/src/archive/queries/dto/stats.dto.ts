import {
  type ActivityPoint,
  type ArchiveOverview,
  type ChannelBrief,
  type ChannelStats,
  type ModAction,
  type ModActionType,
} from '@integron/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ActivityPointDto } from './chatter.dto.js';
import { ChannelBriefDto, UserRefDto } from './message.dto.js';
import { ModActionCountsDto, ModActionDto } from './mod-action.dto.js';
import { IntField } from '../../../http/query-fields.js';

export const CHANNEL_STATS_HOURS_MAX = 30 * 24;

export class ChannelStatsQueryDto {
  @IntField('hours', 1, CHANNEL_STATS_HOURS_MAX, {
    default: 24,
    description: 'The window, in hours up to now.',
  })
  hours?: number;
}

export class ActiveUsersDto {
  @ApiProperty() lastHour!: number;
  @ApiProperty() lastDay!: number;
}

export class ChannelStatsDto implements ChannelStats {
  @ApiProperty({ type: ChannelBriefDto }) channel!: ChannelBrief;
  @ApiProperty({ type: [ActivityPointDto], description: 'Every hour of the window, oldest first.' })
  messagesPerHour!: ActivityPoint[];
  @ApiProperty({ description: 'Lines archived, all time.' }) totalMessages!: number;
  @ApiProperty({ type: ActiveUsersDto, description: 'Distinct chatters.' })
  activeUsers!: ChannelStats['activeUsers'];
  @ApiProperty({ type: ModActionCountsDto, description: 'In the window.' })
  modActions!: Record<ModActionType, number>;
}

export class OverviewTotalsDto {
  @ApiProperty() messages!: number;
  @ApiProperty() chatters!: number;
  @ApiProperty() modActions!: number;
  @ApiProperty({ description: 'Channels on the team (removed ones not counted).' })
  channels!: number;
}

export class ChannelMessagesDto {
  @ApiProperty({ type: ChannelBriefDto }) channel!: ChannelBrief;
  @ApiProperty({ description: 'In the last 24 hours.' }) messages!: number;
}

export class ChatterMessagesDto {
  @ApiProperty({ type: UserRefDto }) user!: ArchiveOverview['mostActiveChatters'][number]['user'];
  @ApiProperty({ description: 'All-time messages, summed over the channels.' }) messages!: number;
}

export class ArchiveOverviewDto implements ArchiveOverview {
  @ApiProperty({ type: OverviewTotalsDto }) totals!: ArchiveOverview['totals'];
  @ApiProperty({ type: [ActivityPointDto], description: 'All channels, the last 24 hours.' })
  messagesPerHour!: ActivityPoint[];
  @ApiProperty({
    type: [ChannelMessagesDto],
    description: 'Busiest in the last 24 hours, up to 10.',
  })
  mostActiveChannels!: ArchiveOverview['mostActiveChannels'];
  @ApiProperty({
    type: [ChatterMessagesDto],
    description:
      'Up to 10 chatters seen in the last 24 hours, ranked by their all-time message counts (not by the last 24 hours).',
  })
  mostActiveChatters!: ArchiveOverview['mostActiveChatters'];
  @ApiProperty({ type: [ModActionDto], description: 'The 10 latest.' })
  recentModActions!: ModAction[];
  @ApiProperty({ description: 'Mod actions not reviewed yet.' }) pendingReviews!: number;
}
