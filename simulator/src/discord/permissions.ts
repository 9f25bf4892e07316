import {
  OverwriteType,
  PermissionFlagsBits,
  type APIOverwrite,
  type APIRole,
} from 'discord-api-types/v10';

const combine = (flags: readonly bigint[]): bigint => flags.reduce((all, flag) => all | flag, 0n);

export const ALL_PERMISSIONS = combine(Object.values(PermissionFlagsBits));

/** What @everyone may do in a new server. */
export const DEFAULT_EVERYONE_PERMISSIONS = combine([
  PermissionFlagsBits.CreateInstantInvite,
  PermissionFlagsBits.ChangeNickname,
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseExternalEmojis,
  PermissionFlagsBits.UseExternalStickers,
  PermissionFlagsBits.MentionEveryone,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.Connect,
  PermissionFlagsBits.Speak,
  PermissionFlagsBits.Stream,
  PermissionFlagsBits.UseVAD,
  PermissionFlagsBits.RequestToSpeak,
  PermissionFlagsBits.UseEmbeddedActivities,
]);

export function hasPermission(permissions: bigint, flag: bigint): boolean {
  return (permissions & flag) === flag;
}

export interface PermissionSubject {
  userId: string;
  isOwner: boolean;
  /** @everyone first, then the member's other roles. */
  roles: readonly APIRole[];
}

/** A member's server-wide permissions: the union of their roles; owners and administrators get all. */
export function guildPermissions({ isOwner, roles }: PermissionSubject): bigint {
  const permissions = roles.reduce((all, role) => all | BigInt(role.permissions), 0n);
  return isOwner || hasPermission(permissions, PermissionFlagsBits.Administrator)
    ? ALL_PERMISSIONS
    : permissions;
}

/**
 * A member's permissions in one channel, by Discord's algorithm: the overwrite for @everyone
 * (whose id is the guild's), then the member's role overwrites together, then their own; and
 * whoever cannot view a channel can do nothing in it.
 */
export function channelPermissions(
  subject: PermissionSubject,
  guildId: string,
  overwrites: readonly APIOverwrite[],
): bigint {
  const base = guildPermissions(subject);
  if (hasPermission(base, PermissionFlagsBits.Administrator)) return base;
  const roleIds = new Set(subject.roles.map((role) => role.id));
  const apply = (permissions: bigint, applied: readonly APIOverwrite[]) =>
    (permissions & ~combine(applied.map((o) => BigInt(o.deny)))) |
    combine(applied.map((o) => BigInt(o.allow)));
  const stages = [
    overwrites.filter((o) => o.id === guildId),
    overwrites.filter(
      (o) => o.type === OverwriteType.Role && o.id !== guildId && roleIds.has(o.id),
    ),
    overwrites.filter((o) => o.type === OverwriteType.Member && o.id === subject.userId),
  ];
  const permissions = stages.reduce(apply, base);
  return hasPermission(permissions, PermissionFlagsBits.ViewChannel) ? permissions : 0n;
}
