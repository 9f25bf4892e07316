import { type Page, type Viewer } from '@integron/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/auth-policy.js';
import { ViewerPageDto, ViewerQueryDto } from './dto/stream-event.dto.js';
import { ViewersService } from './viewers.service.js';

@ApiTags('events')
@Controller('api/viewers')
export class ViewersController {
  constructor(private readonly viewers: ViewersService) {}

  @Get()
  @RequireRole('moderator')
  @ApiOperation({
    summary:
      "Each chatter's standing per channel (messages, bits, sub months, first and last seen), sorted; a chatter's detail and deletion are under /api/users.",
  })
  @ApiOkResponse({ type: ViewerPageDto })
  list(@Query() query: ViewerQueryDto): Promise<Page<Viewer>> {
    return this.viewers.list(query);
  }
}
