import {
  type ActivityPoint,
  type ArchivedMessage,
  type ChatterProfile,
  type ChatterSummary,
  type ModAction,
  type NameHistoryEntry,
  type Page,
  type SessionMember,
} from '@integron/contracts';
import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth-policy.js';
import { CurrentMember } from '../../auth/request-context.js';
import { BigIntIdPipe } from '../../http/bigint-id.pipe.js';
import { ChattersService } from './chatters.service.js';
import {
  ActivityPointDto,
  ActivityQueryDto,
  ChatterProfileDto,
  ChatterSearchQueryDto,
  ChatterSummaryPageDto,
  NameHistoryEntryDto,
} from './dto/chatter.dto.js';
import { ArchivedMessagePageDto, UserMessagesQueryDto } from './dto/message.dto.js';
import { ModActionPageDto, UserModActionsQueryDto } from './dto/mod-action.dto.js';
import { MessagesService } from './messages.service.js';
import { ModActionsService } from './mod-actions.service.js';

const DEFAULT_ACTIVITY_DAYS = 30;

/** Chatters, by Twitch user id. */
@ApiTags('archive')
@Controller('api/users')
export class ChattersController {
  constructor(
    private readonly chatters: ChattersService,
    private readonly messages: MessagesService,
    private readonly modActions: ModActionsService,
  ) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      'Chatters whose login (or a past login) starts with q, or whose Twitch id it is: exact matches first, then the busiest. Without q: every chatter, the busiest first.',
  })
  @ApiOkResponse({ type: ChatterSummaryPageDto })
  search(@Query() query: ChatterSearchQueryDto): Promise<Page<ChatterSummary>> {
    return this.chatters.search(query.q ?? '', query);
  }

  @Get(':twitchId')
  @RequireRole('moderator')
  @ApiOperation({
    summary: "A chatter's profile: totals, each channel's stats, bans, timeouts, deletions.",
  })
  @ApiOkResponse({ type: ChatterProfileDto })
  @ApiNotFoundResponse({ description: 'The archive never saw this chatter write.' })
  profile(@Param('twitchId', BigIntIdPipe) twitchId: string): Promise<ChatterProfile> {
    return this.chatters.profile(twitchId);
  }

  @Get(':twitchId/messages')
  @RequireRole('moderator')
  @ApiOperation({ summary: "A chatter's messages, newest first." })
  @ApiOkResponse({ type: ArchivedMessagePageDto })
  messagesOf(
    @Param('twitchId', BigIntIdPipe) twitchId: string,
    @Query() query: UserMessagesQueryDto,
  ): Promise<Page<ArchivedMessage>> {
    return this.messages.list({ ...query, userId: twitchId });
  }

  @Get(':twitchId/mod-actions')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'The mod actions against a chatter, newest first.' })
  @ApiOkResponse({ type: ModActionPageDto })
  modActionsAgainst(
    @Param('twitchId', BigIntIdPipe) twitchId: string,
    @Query() query: UserModActionsQueryDto,
  ): Promise<Page<ModAction>> {
    return this.modActions.list({ ...query, targetId: twitchId });
  }

  @Get(':twitchId/names')
  @RequireRole('moderator')
  @ApiOperation({
    summary: 'Every login and display name the chatter was seen with, latest first.',
  })
  @ApiOkResponse({ type: [NameHistoryEntryDto] })
  names(@Param('twitchId', BigIntIdPipe) twitchId: string): Promise<NameHistoryEntry[]> {
    return this.chatters.names(twitchId);
  }

  @Get(':twitchId/activity')
  @RequireRole('moderator')
  @ApiOperation({
    summary: 'Lines the chatter wrote per UTC day, oldest first, days without any included.',
  })
  @ApiOkResponse({ type: [ActivityPointDto] })
  activity(
    @Param('twitchId', BigIntIdPipe) twitchId: string,
    @Query() query: ActivityQueryDto,
  ): Promise<ActivityPoint[]> {
    return this.chatters.activity(twitchId, query.days ?? DEFAULT_ACTIVITY_DAYS);
  }

  @Delete(':twitchId')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      "Deletes the chatter's archive for good: their messages, the mod actions against them, their stats and names. Audited.",
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'The archive has nothing of this chatter.' })
  async remove(
    @CurrentMember() actor: SessionMember,
    @Param('twitchId', BigIntIdPipe) twitchId: string,
  ): Promise<void> {
    await this.chatters.delete(twitchId, actor);
  }
}
