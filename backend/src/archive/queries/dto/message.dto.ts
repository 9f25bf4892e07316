import {
  type ArchivedMessage,
  type Badge,
  type ChannelBrief,
  type ChatLineKind,
  type EmoteRange,
  type MessageQuery,
  type UserRef,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageDtoOf, PageQueryDto } from '../../../http/page.dto.js';
import {
  BooleanField,
  ChannelIdField,
  IsoTimeField,
  TwitchIdField,
} from '../../../http/query-fields.js';

export const SEARCH_MAX_LENGTH = 200;

export class UserRefDto implements UserRef {
  @ApiProperty({ example: '100001', description: 'Twitch user id.' }) id!: string;
  @ApiProperty({ example: 'nightowl' }) login!: string;
  @ApiProperty({ example: 'NightOwl' }) displayName!: string;
}

export class ChannelBriefDto implements ChannelBrief {
  @ApiProperty({ example: '1', description: "Integron's id of the channel." }) id!: string;
  @ApiProperty({ example: '100000' }) twitchId!: string;
  @ApiProperty({ example: 'teamcaptain' }) login!: string;
  @ApiProperty({ example: 'TeamCaptain' }) displayName!: string;
}

export class BadgeDto implements Badge {
  @ApiProperty({ example: 'subscriber' }) setId!: string;
  @ApiProperty({ example: '12' }) version!: string;
}

export class EmoteRangeDto implements EmoteRange {
  @ApiProperty({ example: '25' }) id!: string;
  @ApiProperty({ description: 'Inclusive code-point offset into the text.' }) start!: number;
  @ApiProperty({ description: 'Inclusive code-point offset into the text.' }) end!: number;
}

export class ArchivedMessageDto implements ArchivedMessage {
  @ApiProperty({ example: '885196de-cb67-427a-baa8-82f9b0fcd05f' }) twitchMessageId!: string;
  @ApiProperty({ type: ChannelBriefDto }) channel!: ChannelBrief;
  @ApiPropertyOptional({
    type: UserRefDto,
    nullable: true,
    description: 'null: a notice without a user.',
  })
  user!: UserRef | null;
  @ApiProperty({ enum: ['message', 'notice'] }) kind!: ChatLineKind;
  @ApiPropertyOptional({ nullable: true, example: 'resub', description: 'USERNOTICE msg-id.' })
  noticeType!: string | null;
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ nullable: true }) systemText!: string | null;
  @ApiProperty({ description: 'Written with /me.' }) isAction!: boolean;
  @ApiPropertyOptional({ nullable: true, example: '#1E90FF' }) color!: string | null;
  @ApiProperty({ type: [BadgeDto] }) badges!: Badge[];
  @ApiProperty({ type: [EmoteRangeDto] }) emotes!: EmoteRange[];
  @ApiProperty() bits!: number;
  @ApiPropertyOptional({ nullable: true }) replyParentId!: string | null;
  @ApiProperty() isFirstMessage!: boolean;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) deletedAt!: string | null;
  @ApiPropertyOptional({
    type: UserRefDto,
    nullable: true,
    description: 'Who deleted it, when Twitch said so and the archive knows them.',
  })
  deletedBy!: UserRef | null;
}

export class ArchivedMessagePageDto extends PageDtoOf(ArchivedMessageDto) {}

export class MessageQueryDto extends PageQueryDto implements MessageQuery {
  @ChannelIdField()
  channelId?: string;

  @TwitchIdField('userId', "The author's Twitch user id.")
  userId?: string;

  @IsoTimeField({ description: 'Inclusive.' })
  since?: string;

  @IsoTimeField({ description: 'Exclusive.' })
  until?: string;

  @ApiPropertyOptional({
    maxLength: SEARCH_MAX_LENGTH,
    example: 'gg "good game" -lol',
    description:
      'Full-text search, words as written (no stemming): all words must appear; "quotes" for a phrase, `or` for either, -word to exclude.',
  })
  @IsOptional()
  @IsString({ message: 'q must be text' })
  @MinLength(1, { message: 'q must not be empty' })
  @MaxLength(SEARCH_MAX_LENGTH, { message: `q must be at most ${SEARCH_MAX_LENGTH} characters` })
  q?: string;

  @BooleanField('includeDeleted', {
    default: true,
    description: 'false leaves deleted messages out; by default they are shown, marked.',
  })
  includeDeleted?: boolean;
}

/** A chatter's timeline: the chatter is in the path. */
export class UserMessagesQueryDto extends OmitType(MessageQueryDto, ['userId'] as const) {}
