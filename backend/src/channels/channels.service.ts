import { type Channel, type ChannelBrief, type ChannelRef } from '@integron/contracts';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ApiError } from '../http/api-error.js';
import { isBigIntId } from '../http/bigint-id.pipe.js';
import { TwitchAccountsService } from '../twitch/accounts/twitch-accounts.service.js';
import { TwitchChat } from '../twitch/chat/twitch-chat.service.js';
import { TwitchEventSub } from '../twitch/eventsub/twitch-eventsub.service.js';
import { TwitchUsers } from '../twitch/helix/twitch-users.js';
import { describeTwitchError } from '../twitch/twitch-errors.js';
import { ChannelEntity } from './channel.entity.js';

export interface TwitchChannelIdentity {
  twitchId: string;
  login: string;
  displayName: string;
}

interface ActivityRow {
  channel_id: string;
  total: string;
  last_day: string;
  last_message_at: Date | null;
}

/**
 * The team's channels: the Twitch broadcasters Integron works for. Active channels are joined in
 * chat; removing one leaves its chat and keeps its history, and adding it again restores it.
 */
@Injectable()
export class ChannelsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChannelsService.name);
  private briefs: Map<string, ChannelBrief> | null = null;

  constructor(
    @InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>,
    private readonly dataSource: DataSource,
    private readonly twitchUsers: TwitchUsers,
    private readonly chat: TwitchChat,
    private readonly eventSub: TwitchEventSub,
    accounts: TwitchAccountsService,
  ) {
    // Connecting a broadcaster account makes its channel one of the team's.
    accounts.onChange(async (account, change) => {
      if (change !== 'connected' || account.purpose !== 'broadcaster') return;
      await this.upsert({
        twitchId: account.twitchUserId,
        login: account.login,
        displayName: account.displayName,
      });
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.followActive();
  }

  /** Active channels first, then by login; removed ones last. */
  async list(): Promise<Channel[]> {
    const channels = await this.channels.find({ order: { login: 'ASC' } });
    const activity = await this.activity();
    return channels
      .map((channel) => this.toChannel(channel, activity.get(channel.id)))
      .sort((a, b) => rank(a) - rank(b));
  }

  async get(id: string): Promise<Channel> {
    const channel = await this.find(id);
    return this.toChannel(channel, (await this.activity(channel.id)).get(channel.id));
  }

  /** Who a channel is, without its activity figures; a 404 for an unknown id. */
  async identity(id: string): Promise<Pick<Channel, 'id' | 'twitchId' | 'login' | 'displayName'>> {
    const { twitchId, login, displayName } = await this.find(id);
    return { id, twitchId, login, displayName };
  }

  /** `brief` without waiting, when the channel is in the cache. */
  cachedBrief(twitchId: string): ChannelBrief | undefined {
    return this.briefs?.get(twitchId);
  }

  /** A channel as archived rows and live events name it, by its Twitch id; cached. */
  async brief(twitchId: string): Promise<ChannelBrief | undefined> {
    if (!this.briefs?.has(twitchId)) await this.loadBriefs();
    return this.briefs?.get(twitchId);
  }

  private async loadBriefs(): Promise<void> {
    const channels = await this.channels.find();
    this.briefs = new Map(
      channels.map((channel) => [
        channel.twitchId,
        {
          id: channel.id,
          twitchId: channel.twitchId,
          login: channel.login,
          displayName: channel.displayName,
        },
      ]),
    );
  }

  /** Whether any channel was ever added (removed ones count): demo mode seeds only a fresh install. */
  async anyEverAdded(): Promise<boolean> {
    return (await this.channels.count()) > 0;
  }

  /** The channels whose chat Integron reads. */
  async active(): Promise<ChannelRef[]> {
    const channels = await this.channels.find({
      where: { isActive: true, removedAt: IsNull() },
      order: { login: 'ASC' },
    });
    return channels.map((channel) => ({
      id: channel.twitchId,
      login: channel.login,
      displayName: channel.displayName,
    }));
  }

  /** Looks the login up on Twitch and adds its channel, active; a removed one is restored. */
  async add(login: string): Promise<Channel> {
    const user = await this.twitchUsers.byLogin(login.toLowerCase()).catch((error: unknown) => {
      this.logger.warn(`Looking up ${login} on Twitch failed: ${describeTwitchError(error)}`);
      throw new ApiError(
        'SERVICE_UNAVAILABLE',
        'Twitch did not answer the lookup of that login. Try again in a moment.',
      );
    });
    if (!user) throw new ApiError('NOT_FOUND', `No Twitch account has the login "${login}".`);
    const existing = await this.channels.findOneBy({ twitchId: user.id });
    if (existing?.removedAt === null)
      throw new ApiError('CONFLICT', `${user.displayName} is already one of the team's channels.`, {
        channelId: existing.id,
      });
    const channel = await this.upsert({
      twitchId: user.id,
      login: user.login,
      displayName: user.displayName,
    });
    return channel;
  }

  /** Adds the channel, or refreshes its names and restores and activates it when known already. */
  async upsert(identity: TwitchChannelIdentity): Promise<Channel> {
    await this.channels.upsert(
      {
        twitchId: identity.twitchId,
        login: identity.login,
        displayName: identity.displayName,
        isActive: true,
        removedAt: null,
      },
      { conflictPaths: ['twitchId'] },
    );
    await this.followActive();
    return this.get((await this.channels.findOneByOrFail({ twitchId: identity.twitchId })).id);
  }

  async setActive(id: string, isActive: boolean): Promise<Channel> {
    const channel = await this.find(id);
    if (channel.removedAt !== null)
      throw new ApiError('CONFLICT', `${channel.displayName} was removed; add it again first.`);
    await this.channels.update({ id }, { isActive });
    await this.followActive();
    return this.get(id);
  }

  async rejoin(id: string): Promise<void> {
    const channel = await this.find(id);
    if (!channel.isActive || channel.removedAt !== null)
      throw new ApiError(
        'CONFLICT',
        `${channel.displayName} is not active: activate it to join its chat.`,
      );
    this.chat.rejoin(channel.login);
  }

  /** Leaves its chat and hides it from the list of active channels; its archive stays. */
  async remove(id: string): Promise<void> {
    const channel = await this.find(id);
    await this.channels.update(
      { id },
      { isActive: false, removedAt: channel.removedAt ?? new Date() },
    );
    await this.followActive();
  }

  private async find(id: string): Promise<ChannelEntity> {
    const channel = isBigIntId(id) ? await this.channels.findOneBy({ id }) : null;
    if (!channel) throw new ApiError('NOT_FOUND', `No channel with id ${id}.`);
    return channel;
  }

  /** Chat and EventSub follow the active channels; the briefs of all are loaded before their first event. */
  private async followActive(): Promise<void> {
    await this.loadBriefs();
    const active = await this.active();
    this.chat.follow(active);
    await this.eventSub.follow(active);
  }

  /** Messages per channel, from the archive's hourly counts. */
  private async activity(channelId?: string): Promise<Map<string, ActivityRow>> {
    const rows: ActivityRow[] = await this.dataSource.query(
      `SELECT channel_id::text,
              sum(messages)::text AS total,
              coalesce(sum(messages) FILTER (WHERE hour > now() - interval '24 hours'), 0)::text AS last_day,
              max(last_message_at) AS last_message_at
         FROM channel_hourly_activity
        WHERE $1::bigint IS NULL OR channel_id = $1::bigint
        GROUP BY channel_id`,
      [channelId ?? null],
    );
    return new Map(rows.map((row) => [row.channel_id, row]));
  }

  private toChannel(channel: ChannelEntity, activity: ActivityRow | undefined): Channel {
    const active = channel.isActive && channel.removedAt === null;
    const connection = this.chat.connectionOf(channel.login);
    return {
      id: channel.id,
      twitchId: channel.twitchId,
      login: channel.login,
      displayName: channel.displayName,
      isActive: active,
      createdAt: channel.createdAt.toISOString(),
      removedAt: channel.removedAt?.toISOString() ?? null,
      connection: active ? connection : { ...connection, state: 'parted', detail: null },
      messageCount: Number(activity?.total ?? 0),
      messagesLastDay: Number(activity?.last_day ?? 0),
      lastMessageAt: activity?.last_message_at?.toISOString() ?? null,
    };
  }
}

function rank(channel: Channel): number {
  if (channel.removedAt) return 2;
  return channel.isActive ? 0 : 1;
}
