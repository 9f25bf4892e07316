import { type SessionMember, type TeamMember } from '@integron/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BigIntIdPipe } from '../../http/bigint-id.pipe.js';
import { RequireRole } from '../auth-policy.js';
import { CurrentMember } from '../request-context.js';
import { AddTeamMemberDto, TeamMemberDto, UpdateTeamMemberDto } from './team.dto.js';
import { TeamService } from './team.service.js';

@ApiTags('team')
@Controller('api/team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Everyone on the team.' })
  @ApiOkResponse({ type: [TeamMemberDto] })
  list(): Promise<TeamMember[]> {
    return this.team.list();
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Adds someone by Twitch login; they can sign in from then on. Only owners add owners.',
  })
  @ApiCreatedResponse({ type: TeamMemberDto })
  add(@CurrentMember() actor: SessionMember, @Body() body: AddTeamMemberDto): Promise<TeamMember> {
    return this.team.add(actor, body.login, body.role);
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: "Changes someone's role. Only owners change owners or make owners." })
  @ApiOkResponse({ type: TeamMemberDto })
  update(
    @CurrentMember() actor: SessionMember,
    @Param('id', BigIntIdPipe) id: string,
    @Body() body: UpdateTeamMemberDto,
  ): Promise<TeamMember> {
    return this.team.updateRole(actor, id, body.role);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Removes someone from the team and ends their sessions.' })
  @ApiNoContentResponse()
  remove(
    @CurrentMember() actor: SessionMember,
    @Param('id', BigIntIdPipe) id: string,
  ): Promise<void> {
    return this.team.remove(actor, id);
  }
}
