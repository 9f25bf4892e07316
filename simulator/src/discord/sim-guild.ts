import {
  ChannelType,
  type APIGuildCategoryChannel,
  type APIGuildVoiceChannel,
  type APINewsChannel,
  type APIRole,
  type APITextChannel,
} from 'discord-api-types/v10';
import { channelPermissions, guildPermissions, type PermissionSubject } from './permissions.js';

/** Channels a message can be posted in (voice channels have a text chat). */
export type SimTextChannel = APITextChannel | APINewsChannel | APIGuildVoiceChannel;
export type SimGuildChannel = SimTextChannel | APIGuildCategoryChannel;

export function isTextChannel(channel: SimGuildChannel): channel is SimTextChannel {
  return channel.type !== ChannelType.GuildCategory;
}

/** A server: its roles (the @everyone role's id is the guild's), channels and members. */
export class SimGuild {
  readonly roles = new Map<string, APIRole>();
  readonly channels = new Map<string, SimGuildChannel>();
  /** Member's user id → the ids of their roles, without @everyone, which every member has. */
  readonly members = new Map<string, string[]>();

  constructor(
    readonly id: string,
    readonly name: string,
    readonly ownerId: string | null,
    readonly everyone: APIRole,
  ) {
    this.roles.set(everyone.id, everyone);
  }

  channel(name: string): SimGuildChannel {
    const channel = [...this.channels.values()].find((c) => c.name === name);
    if (!channel) throw new Error(`${this.name} has no channel named ${name}`);
    return channel;
  }

  role(name: string): APIRole {
    const role = [...this.roles.values()].find((r) => r.name === name);
    if (!role) throw new Error(`${this.name} has no role named ${name}`);
    return role;
  }

  isMember(userId: string): boolean {
    return this.members.has(userId);
  }

  /** Server-wide permissions of a member. */
  permissionsOf(userId: string): bigint {
    return guildPermissions(this.subject(userId));
  }

  /** A member's permissions in one of this server's channels. */
  permissionsIn(channel: SimGuildChannel, userId: string): bigint {
    return channelPermissions(this.subject(userId), this.id, channel.permission_overwrites ?? []);
  }

  private subject(userId: string): PermissionSubject {
    const roleIds = this.members.get(userId) ?? [];
    const roles = roleIds.flatMap((id) => this.roles.get(id) ?? []);
    return { userId, isOwner: userId === this.ownerId, roles: [this.everyone, ...roles] };
  }
}
