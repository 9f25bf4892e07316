import {
  OVERLAY_PREVIEW_NAME,
  type OverlaySession,
  roleAtLeast,
  type SessionMember,
} from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { ChannelsService } from '../../channels/channels.service.js';
import { ApiError } from '../../http/api-error.js';
import { isBigIntId } from '../../http/bigint-id.pipe.js';

/**
 * An admin's preview of a channel's overlays in the admin: the overlay pages with
 * `?preview=<channel id>` instead of a key, authorised by the signed-in session.
 */
@Injectable()
export class OverlayPreviews {
  constructor(private readonly channels: ChannelsService) {}

  /** The preview's session: for an admin, of a channel that exists; else `null`. */
  async sessionFor(
    member: SessionMember | null,
    channelId: unknown,
  ): Promise<OverlaySession | null> {
    if (!member || !roleAtLeast(member.role, 'admin')) return null;
    if (typeof channelId !== 'string' || !isBigIntId(channelId)) return null;
    const channel = await this.channels.identity(channelId).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!channel) return null;
    return {
      channel,
      keyId: `preview:${member.id}`,
      keyName: OVERLAY_PREVIEW_NAME,
    };
  }
}
