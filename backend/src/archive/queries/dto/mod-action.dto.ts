import {
  type ArchivedMessage,
  type ChannelBrief,
  MOD_ACTION_TYPES,
  type ModAction,
  type ModActionContext,
  type ModActionQuery,
  type ModActionReview,
  type ModActionStats,
  type ModActionType,
  REVIEW_NOTE_MAX_LENGTH,
  REVIEW_STATUSES,
  type ReviewModActionRequest,
  type ReviewStatus,
  type StatsBucket,
  type UserRef,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { type ModActionStatsQuery } from '../mod-actions.service.js';
import { ArchivedMessageDto, ChannelBriefDto, UserRefDto } from './message.dto.js';
import { PageDtoOf, PageQueryDto } from '../../../http/page.dto.js';
import {
  ChannelIdField,
  IntField,
  IsoTimeField,
  TwitchIdField,
} from '../../../http/query-fields.js';

const STATS_BUCKETS: StatsBucket[] = ['hour', 'day'];

export class ModActionCountsDto implements Record<ModActionType, number> {
  @ApiProperty() ban!: number;
  @ApiProperty() timeout!: number;
  @ApiProperty() unban!: number;
  @ApiProperty() untimeout!: number;
  @ApiProperty() delete!: number;
  @ApiProperty() clear!: number;
}

export class ReviewerDto {
  @ApiProperty({ example: '2', description: 'Team member id.' }) id!: string;
  @ApiProperty({ example: 'nightowl' }) login!: string;
}

export class ModActionReviewDto implements ModActionReview {
  @ApiProperty({ enum: REVIEW_STATUSES }) status!: ReviewStatus;
  @ApiPropertyOptional({ nullable: true }) note!: string | null;
  @ApiPropertyOptional({ type: ReviewerDto, nullable: true })
  reviewer!: { id: string; login: string } | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) reviewedAt!: string | null;
}

export class RelatedMessageDto {
  @ApiProperty() twitchMessageId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
}

export class ModActionDto implements ModAction {
  @ApiProperty({ example: '17' }) id!: string;
  @ApiProperty({ type: ChannelBriefDto }) channel!: ChannelBrief;
  @ApiProperty({ enum: MOD_ACTION_TYPES }) type!: ModActionType;
  @ApiPropertyOptional({
    type: UserRefDto,
    nullable: true,
    description: 'null when Twitch did not say (IRC never does).',
  })
  moderator!: UserRef | null;
  @ApiPropertyOptional({
    type: UserRefDto,
    nullable: true,
    description:
      "null for clear. A deleted message's author may have id '' when only their login is known.",
  })
  target!: UserRef | null;
  @ApiPropertyOptional({ nullable: true, description: 'Timeouts only.' })
  durationSeconds!: number | null;
  @ApiPropertyOptional({ nullable: true }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiPropertyOptional({
    type: RelatedMessageDto,
    nullable: true,
    description: "The target's last message before the action (for delete: the deleted one).",
  })
  relatedMessage!: ModAction['relatedMessage'];
  @ApiProperty({ enum: ['irc', 'eventsub'] }) source!: 'irc' | 'eventsub';
  @ApiProperty({ type: ModActionReviewDto }) review!: ModActionReview;
}

export class ModActionPageDto extends PageDtoOf(ModActionDto) {}

export class ModActionQueryDto extends PageQueryDto implements ModActionQuery {
  @ApiPropertyOptional({ enum: MOD_ACTION_TYPES })
  @IsOptional()
  @IsIn(MOD_ACTION_TYPES, { message: `type must be one of ${MOD_ACTION_TYPES.join(', ')}` })
  type?: ModActionType;

  @ChannelIdField()
  channelId?: string;

  @TwitchIdField('moderatorId', "The moderator's Twitch user id.")
  moderatorId?: string;

  @TwitchIdField('targetId', "The target's Twitch user id.")
  targetId?: string;

  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES, { message: `status must be one of ${REVIEW_STATUSES.join(', ')}` })
  status?: ReviewStatus;

  @IsoTimeField({ description: 'Inclusive.' })
  since?: string;

  @IsoTimeField({ description: 'Exclusive.' })
  until?: string;
}

/** The actions against a chatter: the chatter is in the path. */
export class UserModActionsQueryDto extends OmitType(ModActionQueryDto, ['targetId'] as const) {}

export class ReviewModActionDto implements ReviewModActionRequest {
  @ApiProperty({ enum: REVIEW_STATUSES, description: 'pending takes the review back.' })
  @IsIn(REVIEW_STATUSES, { message: `status must be one of ${REVIEW_STATUSES.join(', ')}` })
  status!: ReviewStatus;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: REVIEW_NOTE_MAX_LENGTH,
    description: 'Left out: the note stays as it is; null: no note.',
  })
  @IsOptional()
  @IsString({ message: 'note must be text or null' })
  @MaxLength(REVIEW_NOTE_MAX_LENGTH, {
    message: `note must be at most ${REVIEW_NOTE_MAX_LENGTH} characters`,
  })
  note?: string | null;
}

export class ModActionContextQueryDto {
  @IntField('limit', 1, 100, { default: 20, description: 'How many lines before the action.' })
  limit?: number;
}

export class ModActionContextDto implements ModActionContext {
  @ApiProperty({ type: ModActionDto }) action!: ModAction;
  @ApiProperty({ type: [ArchivedMessageDto], description: 'Oldest first.' })
  messages!: ArchivedMessage[];
}

export class ModActionStatsQueryDto implements ModActionStatsQuery {
  @ChannelIdField('Only this channel; all channels when left out.')
  channelId?: string;

  @IsoTimeField({ description: 'Inclusive; default: 7 days before until.' })
  since?: string;

  @IsoTimeField({ description: 'Exclusive; default: now.' })
  until?: string;

  @ApiPropertyOptional({ enum: STATS_BUCKETS, default: 'day' })
  @IsOptional()
  @IsIn(STATS_BUCKETS, { message: 'bucket must be hour or day' })
  bucket?: StatsBucket;
}

export class ModActionSeriesPointDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the UTC hour or day.' }) at!: string;
  @ApiProperty({ type: ModActionCountsDto }) counts!: Record<ModActionType, number>;
}

export class ModeratorCountDto {
  @ApiProperty({ type: UserRefDto }) moderator!: UserRef;
  @ApiProperty() count!: number;
}

export class ModActionStatsDto implements ModActionStats {
  @ApiProperty({ type: ModActionCountsDto }) byType!: Record<ModActionType, number>;
  @ApiProperty({ type: [ModActionSeriesPointDto], description: 'Every bucket, empty ones too.' })
  series!: ModActionStats['series'];
  @ApiProperty({ type: [ModeratorCountDto], description: 'Up to 10.' })
  topModerators!: ModActionStats['topModerators'];
  @ApiProperty({ description: 'Actions IRC reported without a moderator.' })
  unattributed!: number;
}
