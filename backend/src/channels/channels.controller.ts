import { type Channel } from '@integron/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../auth/auth-policy.js';
import { BigIntIdPipe } from '../http/bigint-id.pipe.js';
import { AddChannelDto, ChannelDto, UpdateChannelDto } from './channel.dto.js';
import { ChannelsService } from './channels.service.js';

@ApiTags('channels')
@Controller('api/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({
    summary: "The team's channels, with their chat connection and archived message counts.",
  })
  @ApiOkResponse({ type: [ChannelDto] })
  list(): Promise<Channel[]> {
    return this.channels.list();
  }

  @Get(':id')
  @RequireRole('moderator')
  @ApiOperation({ summary: 'One channel.' })
  @ApiOkResponse({ type: ChannelDto })
  get(@Param('id', BigIntIdPipe) id: string): Promise<Channel> {
    return this.channels.get(id);
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Adds a channel by its Twitch login (looked up on Twitch) and joins its chat; a removed channel is restored.',
  })
  @ApiCreatedResponse({ type: ChannelDto })
  @ApiNotFoundResponse({ description: 'No Twitch account has that login.' })
  @ApiConflictResponse({ description: 'The channel is already one of the team’s.' })
  add(@Body() body: AddChannelDto): Promise<Channel> {
    return this.channels.add(body.login);
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Activates (joins its chat) or deactivates (leaves it) a channel.' })
  @ApiOkResponse({ type: ChannelDto })
  update(@Param('id', BigIntIdPipe) id: string, @Body() body: UpdateChannelDto): Promise<Channel> {
    return this.channels.setActive(id, body.isActive);
  }

  @Post(':id/rejoin')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: "Leaves and joins the channel's chat again." })
  @ApiNoContentResponse()
  rejoin(@Param('id', BigIntIdPipe) id: string): Promise<void> {
    return this.channels.rejoin(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Removes a channel: leaves its chat; its archive is kept, and adding it again restores it.',
  })
  @ApiNoContentResponse()
  remove(@Param('id', BigIntIdPipe) id: string): Promise<void> {
    return this.channels.remove(id);
  }
}
