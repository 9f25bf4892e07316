import { type OverlayBadgeImages, type OverlaySession } from '@integron/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OverlayKeyAuth } from '../auth/auth-policy.js';
import { CurrentOverlay } from '../auth/request-context.js';
import { TwitchChatBadges } from '../twitch/helix/twitch-chat-badges.js';
import { OverlayBadgeImagesDto } from './overlay-badges.dto.js';

@ApiTags('overlays')
@Controller('api/overlay')
export class OverlayBadgesController {
  constructor(private readonly chatBadges: TwitchChatBadges) {}

  @Get('badges')
  @OverlayKeyAuth()
  @ApiOperation({
    summary:
      "For overlay pages: the images of the badges in their channel's chat. Answers even when Twitch does not, with what it has.",
  })
  @ApiOkResponse({ type: OverlayBadgeImagesDto })
  async badges(@CurrentOverlay() overlay: OverlaySession): Promise<OverlayBadgeImages> {
    return { badges: await this.chatBadges.ofChannel(overlay.channel) };
  }
}
