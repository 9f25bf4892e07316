import { PermissionFlagsBits } from 'discord-api-types/v10';
import { type DiscordError, discordErrors } from './discord-error.js';
import { type DiscordWorld } from './discord-world.js';
import { hasPermission } from './permissions.js';
import {
  isTextChannel,
  type SimGuild,
  type SimGuildChannel,
  type SimTextChannel,
} from './sim-guild.js';

export interface ChannelVisit<Channel extends SimGuildChannel = SimGuildChannel> {
  guild: SimGuild;
  channel: Channel;
  /** The visitor's permissions in the channel. */
  permissions: bigint;
}

/** A channel as a member sees it: 404 10003 if it does not exist, 403 50001 if they cannot see it. */
export function visitChannel(world: DiscordWorld, channelId: string, userId: string): ChannelVisit {
  const found = world.channel(channelId);
  if (!found) throw discordErrors.unknownChannel();
  const { guild, channel } = found;
  if (!guild.isMember(userId)) throw discordErrors.missingAccess();
  const permissions = guild.permissionsIn(channel, userId);
  if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel)) {
    throw discordErrors.missingAccess();
  }
  return { guild, channel, permissions };
}

/** Like {@link visitChannel}, for a channel that must carry messages (400 50008 otherwise). */
export function visitTextChannel(
  world: DiscordWorld,
  channelId: string,
  userId: string,
): ChannelVisit<SimTextChannel> {
  const { channel, ...visit } = visitChannel(world, channelId, userId);
  if (!isTextChannel(channel)) throw discordErrors.nonTextChannel();
  return { ...visit, channel };
}

/** Refuses, by default with 403 50013, unless `permissions` include `flag`. */
export function demand(
  { permissions }: ChannelVisit,
  flag: bigint,
  refusal: () => DiscordError = discordErrors.missingPermissions,
): void {
  if (!hasPermission(permissions, flag)) throw refusal();
}

/** A member's server: 404 10004 if it does not exist, 403 50001 if they are not in it. */
export function memberGuild(world: DiscordWorld, guildId: string, userId: string): SimGuild {
  const guild = world.guilds.get(guildId);
  if (!guild) throw discordErrors.unknownGuild();
  if (!guild.isMember(userId)) throw discordErrors.missingAccess();
  return guild;
}
