import { type Channel } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiError } from '../http/api-error.js';
import { isBigIntId } from '../http/bigint-id.pipe.js';
import { ChannelEntity } from './channel.entity.js';

export interface TwitchChannelIdentity {
  twitchId: string;
  login: string;
  displayName: string;
}

/** The team's channels: the Twitch broadcasters Integron works for. */
@Injectable()
export class ChannelsService {
  constructor(
    @InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>,
  ) {}

  async list(): Promise<Channel[]> {
    return (await this.channels.find({ order: { login: 'ASC' } })).map(toChannel);
  }

  async get(id: string): Promise<Channel> {
    const channel = isBigIntId(id) ? await this.channels.findOneBy({ id }) : null;
    if (!channel) throw new ApiError('NOT_FOUND', `No channel with id ${id}.`);
    return toChannel(channel);
  }

  /** Adds the channel, or refreshes its names and reactivates it when it is known already. */
  async upsert(identity: TwitchChannelIdentity): Promise<Channel> {
    await this.channels.upsert(
      {
        twitchId: identity.twitchId,
        login: identity.login,
        displayName: identity.displayName,
        isActive: true,
      },
      { conflictPaths: ['twitchId'] },
    );
    return toChannel(await this.channels.findOneByOrFail({ twitchId: identity.twitchId }));
  }
}

export function toChannel(channel: ChannelEntity): Channel {
  return {
    id: channel.id,
    twitchId: channel.twitchId,
    login: channel.login,
    displayName: channel.displayName,
    isActive: channel.isActive,
    createdAt: channel.createdAt.toISOString(),
  };
}
