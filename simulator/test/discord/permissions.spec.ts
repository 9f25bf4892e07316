import {
  OverwriteType,
  PermissionFlagsBits,
  type APIOverwrite,
  type APIRole,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  channelPermissions,
  hasPermission,
  type PermissionSubject,
} from '../../src/discord/permissions.js';

const GUILD_ID = '1000';
const { ViewChannel, SendMessages, EmbedLinks, Administrator } = PermissionFlagsBits;

const role = (id: string, permissions: bigint): APIRole =>
  ({ id, permissions: permissions.toString() }) as APIRole;

const overwrite = (
  id: string,
  type: OverwriteType,
  { allow = 0n, deny = 0n }: { allow?: bigint; deny?: bigint },
): APIOverwrite => ({ id, type, allow: allow.toString(), deny: deny.toString() });

const member = (...roles: APIRole[]): PermissionSubject => ({
  userId: '42',
  isOwner: false,
  roles: [role(GUILD_ID, ViewChannel | SendMessages), ...roles],
});

describe(channelPermissions.name, () => {
  it('applies @everyone, then the member’s roles together, then the member', () => {
    const sut = channelPermissions(member(role('7', EmbedLinks)), GUILD_ID, [
      overwrite('7', OverwriteType.Role, { allow: SendMessages }),
      overwrite(GUILD_ID, OverwriteType.Role, { deny: SendMessages | EmbedLinks }),
      overwrite('42', OverwriteType.Member, { allow: EmbedLinks }),
    ]);

    expect(hasPermission(sut, SendMessages)).toBe(true);
    expect(hasPermission(sut, EmbedLinks)).toBe(true);
  });

  it('lets a member overwrite deny what a role overwrite allows', () => {
    const sut = channelPermissions(member(role('7', 0n)), GUILD_ID, [
      overwrite('7', OverwriteType.Role, { allow: SendMessages }),
      overwrite('42', OverwriteType.Member, { deny: SendMessages }),
    ]);

    expect(hasPermission(sut, SendMessages)).toBe(false);
  });

  it('leaves nothing to whoever cannot view the channel', () => {
    const sut = channelPermissions(member(), GUILD_ID, [
      overwrite(GUILD_ID, OverwriteType.Role, { deny: ViewChannel }),
    ]);

    expect(sut).toBe(0n);
  });

  it('gives administrators and the owner everything, overwrites or not', () => {
    const deny = [overwrite(GUILD_ID, OverwriteType.Role, { deny: ViewChannel | SendMessages })];

    expect(channelPermissions(member(role('9', Administrator)), GUILD_ID, deny)).toBe(
      ALL_PERMISSIONS,
    );
    expect(channelPermissions({ ...member(), isOwner: true }, GUILD_ID, deny)).toBe(
      ALL_PERMISSIONS,
    );
  });
});
