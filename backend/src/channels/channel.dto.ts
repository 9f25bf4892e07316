import { type Channel } from '@integron/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class ChannelDto implements Channel {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ example: '100001' }) twitchId!: string;
  @ApiProperty({ example: 'teamcaptain' }) login!: string;
  @ApiProperty({ example: 'TeamCaptain' }) displayName!: string;
  @ApiProperty() isActive!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
