import {
  type ModAction,
  type ModActionContext,
  type ModActionStats,
  type Page,
  type SessionMember,
} from '@integron/contracts';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth-policy.js';
import { CurrentMember } from '../../auth/request-context.js';
import { BigIntIdPipe } from '../../http/bigint-id.pipe.js';
import {
  ModActionContextDto,
  ModActionContextQueryDto,
  ModActionDto,
  ModActionPageDto,
  ModActionQueryDto,
  ModActionStatsDto,
  ModActionStatsQueryDto,
  ReviewModActionDto,
} from './dto/mod-action.dto.js';
import { ModActionsService } from './mod-actions.service.js';

const DEFAULT_CONTEXT_LINES = 20;

@ApiTags('moderation')
@Controller('api/mod-actions')
export class ModActionsController {
  constructor(private readonly modActions: ModActionsService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({ summary: 'Mod actions of the team’s channels, newest first; filters combine.' })
  @ApiOkResponse({ type: ModActionPageDto })
  list(@Query() query: ModActionQueryDto): Promise<Page<ModAction>> {
    return this.modActions.list(query);
  }

  @Get('stats')
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      'Mod actions counted by type, per UTC hour or day, and by moderator; by default the last 7 days by day.',
  })
  @ApiOkResponse({ type: ModActionStatsDto })
  stats(@Query() query: ModActionStatsQueryDto): Promise<ModActionStats> {
    return this.modActions.stats(query);
  }

  @Patch(':id/review')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'Reviews a mod action: ok, flagged, or back to pending; with a note.' })
  @ApiOkResponse({ type: ModActionDto })
  @ApiNotFoundResponse({ description: 'No mod action with that id.' })
  review(
    @CurrentMember() reviewer: SessionMember,
    @Param('id', BigIntIdPipe) id: string,
    @Body() body: ReviewModActionDto,
  ): Promise<ModAction> {
    return this.modActions.review(id, body, reviewer);
  }

  @Get(':id/context')
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      "The target's lines in that channel up to the action, oldest first (for clear: the channel's).",
  })
  @ApiOkResponse({ type: ModActionContextDto })
  @ApiNotFoundResponse({ description: 'No mod action with that id.' })
  context(
    @Param('id', BigIntIdPipe) id: string,
    @Query() query: ModActionContextQueryDto,
  ): Promise<ModActionContext> {
    return this.modActions.context(id, query.limit ?? DEFAULT_CONTEXT_LINES);
  }
}
