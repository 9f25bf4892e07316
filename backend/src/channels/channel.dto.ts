import {
  type AddChannelRequest,
  type Channel,
  type ChannelChatState,
  type ChannelConnection,
  TWITCH_LOGIN_PATTERN,
  type UpdateChannelRequest,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, Matches } from 'class-validator';

const CHAT_STATES: ChannelChatState[] = ['parted', 'joining', 'joined', 'reconnecting', 'failed'];

export class ChannelConnectionDto implements ChannelConnection {
  @ApiProperty({ enum: CHAT_STATES }) state!: ChannelChatState;
  @ApiPropertyOptional({ nullable: true, description: 'Why, when something is wrong.' })
  detail!: string | null;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiPropertyOptional({ nullable: true, description: 'null: read anonymously.' })
  readingAs!: string | null;
}

export class ChannelDto implements Channel {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ example: '100001' }) twitchId!: string;
  @ApiProperty({ example: 'teamcaptain' }) login!: string;
  @ApiProperty({ example: 'TeamCaptain' }) displayName!: string;
  @ApiProperty() isActive!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) removedAt!: string | null;
  @ApiProperty({ type: ChannelConnectionDto }) connection!: ChannelConnection;
  @ApiProperty() messageCount!: number;
  @ApiProperty() messagesLastDay!: number;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) lastMessageAt!: string | null;
}

export class AddChannelDto implements AddChannelRequest {
  @ApiProperty({ example: 'teamcaptain', description: "The broadcaster's Twitch login." })
  @Matches(TWITCH_LOGIN_PATTERN, {
    message: 'login must be a Twitch login: 1 to 25 letters, digits or underscores',
  })
  login!: string;
}

export class UpdateChannelDto implements UpdateChannelRequest {
  @ApiProperty({ description: 'true joins its chat; false leaves it.' })
  @IsBoolean({ message: 'isActive must be true or false' })
  isActive!: boolean;
}
