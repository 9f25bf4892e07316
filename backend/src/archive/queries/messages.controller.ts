import { type ArchivedMessage, type Page } from '@integron/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../../auth/auth-policy.js';
import { ArchivedMessageDto, ArchivedMessagePageDto, MessageQueryDto } from './dto/message.dto.js';
import { MessagesService } from './messages.service.js';
import { TwitchMessageIdPipe } from './twitch-message-id.pipe.js';

@ApiTags('archive')
@Controller('api/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      'Archived messages, newest first: filters combine; q searches the text, in one channel or across all.',
  })
  @ApiOkResponse({ type: ArchivedMessagePageDto })
  list(@Query() query: MessageQueryDto): Promise<Page<ArchivedMessage>> {
    return this.messages.list(query);
  }

  @Get(':twitchMessageId')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'One archived message, by its Twitch message id.' })
  @ApiOkResponse({ type: ArchivedMessageDto })
  @ApiNotFoundResponse({ description: 'The archive has no message with that id.' })
  get(@Param('twitchMessageId', TwitchMessageIdPipe) id: string): Promise<ArchivedMessage> {
    return this.messages.get(id);
  }
}
