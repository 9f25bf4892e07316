import { type SessionMember, TEAM_ROLES, type TeamRole } from '@integron/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class SessionMemberDto implements SessionMember {
  @ApiProperty({ example: '1' }) id!: string;
  @ApiProperty({ example: '100001' }) twitchUserId!: string;
  @ApiProperty({ example: 'teamcaptain' }) login!: string;
  @ApiProperty({ example: 'TeamCaptain' }) displayName!: string;
  @ApiProperty({ enum: TEAM_ROLES }) role!: TeamRole;
}
