import { type ChannelEventSub } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { ChannelsService } from '../../channels/channels.service.js';
import { ApiError } from '../../http/api-error.js';
import { TwitchEventSub } from './twitch-eventsub.service.js';

/** A channel's EventSub, by Integron's id of the channel: what the REST routes show and do. */
@Injectable()
export class ChannelEventSubService {
  constructor(
    private readonly channels: ChannelsService,
    private readonly eventSub: TwitchEventSub,
  ) {}

  async status(id: string): Promise<ChannelEventSub> {
    const channel = await this.channels.get(id);
    return { channelId: channel.id, ...this.eventSub.statusOf(channel.twitchId) };
  }

  async recreate(id: string): Promise<ChannelEventSub> {
    const channel = await this.channels.get(id);
    if (!channel.isActive)
      throw new ApiError(
        'CONFLICT',
        `${channel.displayName} is not active: activate it to receive its events.`,
      );
    await this.eventSub.recreate(channel.twitchId);
    return this.status(id);
  }
}
