import {
  type AddTeamMemberRequest,
  TEAM_ROLES,
  type TeamMember,
  type TeamRole,
  type UpdateTeamMemberRequest,
  TWITCH_LOGIN_PATTERN,
} from '@integron/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

export class AddTeamMemberDto implements AddTeamMemberRequest {
  @ApiProperty({ example: 'nightowl', description: 'Their Twitch login.' })
  @Matches(TWITCH_LOGIN_PATTERN, {
    message: 'login must be a Twitch login: 1 to 25 letters, digits or underscores',
  })
  login!: string;

  @ApiProperty({ enum: TEAM_ROLES })
  @IsIn(TEAM_ROLES, { message: `role must be one of ${TEAM_ROLES.join(', ')}` })
  role!: TeamRole;
}

export class UpdateTeamMemberDto implements UpdateTeamMemberRequest {
  @ApiProperty({ enum: TEAM_ROLES })
  @IsIn(TEAM_ROLES, { message: `role must be one of ${TEAM_ROLES.join(', ')}` })
  role!: TeamRole;
}

export class TeamMemberDto implements TeamMember {
  @ApiProperty({ example: '2' }) id!: string;
  @ApiProperty({ example: 'nightowl' }) login!: string;
  @ApiPropertyOptional({ example: 'NightOwl', nullable: true }) displayName!: string | null;
  @ApiPropertyOptional({ example: '100003', nullable: true }) twitchUserId!: string | null;
  @ApiProperty({ enum: TEAM_ROLES }) role!: TeamRole;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) lastSignInAt!: string | null;
}
