import { type IssuedOverlayKey, type OverlayKey, type OverlaySession } from '@integron/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BigIntIdPipe } from '../../http/bigint-id.pipe.js';
import { OverlayKeyAuth, RequireRole } from '../auth-policy.js';
import { CurrentOverlay } from '../request-context.js';
import {
  CreateOverlayKeyDto,
  IssuedOverlayKeyDto,
  OverlayKeyDto,
  OverlaySessionDto,
} from './overlay-key.dto.js';
import { OverlayKeysService } from './overlay-keys.service.js';

@ApiTags('overlay keys')
@Controller('api')
export class OverlayKeysController {
  constructor(private readonly keys: OverlayKeysService) {}

  @Get('channels/:channelId/overlay-keys')
  @RequireRole('admin')
  @ApiOperation({ summary: "A channel's overlay keys (without the keys themselves)." })
  @ApiOkResponse({ type: [OverlayKeyDto] })
  list(@Param('channelId', BigIntIdPipe) channelId: string): Promise<OverlayKey[]> {
    return this.keys.list(channelId);
  }

  @Post('channels/:channelId/overlay-keys')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Creates a key; the response is the only time the key is shown.' })
  @ApiCreatedResponse({ type: IssuedOverlayKeyDto })
  create(
    @Param('channelId', BigIntIdPipe) channelId: string,
    @Body() body: CreateOverlayKeyDto,
  ): Promise<IssuedOverlayKey> {
    return this.keys.create(channelId, body.name.trim());
  }

  @Post('overlay-keys/:id/rotate')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Replaces a key; the old one stops working at once.' })
  @ApiOkResponse({ type: IssuedOverlayKeyDto })
  rotate(@Param('id', BigIntIdPipe) id: string): Promise<IssuedOverlayKey> {
    return this.keys.rotate(id);
  }

  @Delete('overlay-keys/:id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Revokes a key.' })
  @ApiNoContentResponse()
  revoke(@Param('id', BigIntIdPipe) id: string): Promise<void> {
    return this.keys.revoke(id);
  }

  @Get('overlay/session')
  @OverlayKeyAuth()
  @ApiOperation({ summary: 'For overlay pages: the channel their key grants.' })
  @ApiOkResponse({ type: OverlaySessionDto })
  session(@CurrentOverlay() overlay: OverlaySession): OverlaySession {
    return overlay;
  }
}
