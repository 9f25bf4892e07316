import { LOG_API_KEY_HEADER } from '@integron/contracts';
import { Controller, Get, Param, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiDefaultResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../auth/auth-policy.js';
import { RecentMessagesQueryDto } from './dto/recent-messages-query.dto.js';
import { LogApiExceptionFilter } from './log-api-exception.filter.js';
import { LogApiKeyGuard } from './log-api-key.guard.js';
import { RecentMessagesQuery } from './log-request.js';
import { type RecentMessagesBody, RecentMessagesService } from './recent-messages.service.js';

class RecentMessagesBodyDto implements RecentMessagesBody {
  @ApiProperty({
    type: [String],
    description:
      'Raw IRC lines, oldest first, with `historical=1;rm-received-ts=<ms>` (and `rm-deleted=1` on moderated messages).',
  })
  messages!: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  error!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '`channel_not_joined` when Integron is not reading the channel right now.',
  })
  error_code!: string | null;
}

/** recent-messages v2, which Chatterino and others load when they join a channel. */
@ApiTags('log APIs: recent-messages')
@Controller('api/v2/recent-messages')
@UseGuards(LogApiKeyGuard)
@UseFilters(new LogApiExceptionFilter('recent-messages'))
export class RecentMessagesController {
  constructor(private readonly recent: RecentMessagesService) {}

  @Get(':login')
  @Public()
  @ApiOperation({
    summary: "A channel's recent chat as raw IRC lines (recent-messages v2).",
    description:
      'Errors are JSON `{status, status_message, error, error_code}`: 400 `invalid_channel_login` or `invalid_query`, 401 `unauthorized` / 403 `forbidden` when the admin made the log APIs need the log API key.',
  })
  @ApiQuery({ type: RecentMessagesQueryDto })
  @ApiHeader({
    name: LOG_API_KEY_HEADER,
    required: false,
    description: 'The log API key, when required.',
  })
  @ApiOkResponse({ type: RecentMessagesBodyDto })
  @ApiDefaultResponse({ description: 'recent-messages2 error body.' })
  get(
    @Param('login') login: string,
    @RecentMessagesQuery() query: RecentMessagesQueryDto,
  ): Promise<RecentMessagesBody> {
    return this.recent.recent(login, query);
  }
}
