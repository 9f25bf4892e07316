import {
  ChannelType,
  type OverwriteType,
  type APIGuildCategoryChannel,
  type APIRole,
  type APIUser,
  type RoleFlags,
  type UserFlags,
} from 'discord-api-types/v10';
import { type Clock, systemClock } from '../world/clock.js';
import { SeededRandom } from '../world/random.js';
import { MessageStore } from './message-store.js';
import { OAuthGrants } from './oauth-grants.js';
import { DEFAULT_EVERYONE_PERMISSIONS } from './permissions.js';
import { isTextChannel, SimGuild, type SimGuildChannel, type SimTextChannel } from './sim-guild.js';
import { SnowflakeGenerator } from './snowflake.js';

export type SimChannelType =
  | ChannelType.GuildText
  | ChannelType.GuildAnnouncement
  | ChannelType.GuildVoice
  | ChannelType.GuildCategory;

export interface ChannelSpec {
  name: string;
  /** Defaults to a text channel. */
  type?: SimChannelType;
  /** Name of a category channel of the same guild. */
  parent?: string;
  topic?: string;
}

export interface RoleSpec {
  name: string;
  permissions?: bigint;
  mentionable?: boolean;
  color?: number;
  hoist?: boolean;
}

export interface GuildSpec {
  name: string;
  channels?: readonly ChannelSpec[];
  roles?: readonly RoleSpec[];
  ownerId?: string;
}

export interface UserSpec {
  username: string;
  globalName?: string;
  email?: string;
}

export interface SimBot {
  token: string;
  user: APIUser;
}

export interface SimWebhook {
  id: string;
  token: string;
  /** Where to execute it, like the URL Discord shows: `<api base>/webhooks/<id>/<token>`. */
  url: string;
  name: string;
  channelId: string;
  guildId: string;
}

export interface OAuthAppSpec {
  /** Where the consent screen may send people back to. */
  redirectUris: string[];
  name?: string;
}

export interface SimOAuthApp {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
}

export interface OverwriteSpec {
  /** A role id (the guild's id for @everyone) or a user id. */
  id: string;
  type: OverwriteType;
  allow?: bigint;
  deny?: bigint;
}

export interface DiscordWorldOptions {
  clock?: Clock;
  random?: SeededRandom;
  /** Base of webhook URLs; Discord's own unless a server says where it listens. */
  apiBaseUrl?: string;
}

const TOKEN_CHARACTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];

/** The simulated Discord's memory: guilds, users, bots, webhooks, OAuth apps and messages. */
export class DiscordWorld {
  readonly clock: Clock;
  readonly guilds = new Map<string, SimGuild>();
  readonly users = new Map<string, APIUser>();
  readonly webhooks = new Map<string, SimWebhook>();
  readonly oauthApps = new Map<string, SimOAuthApp>();
  readonly messages = new MessageStore();
  readonly oauth: OAuthGrants;
  private readonly random: SeededRandom;
  private readonly apiBaseUrl: string;
  private readonly snowflakes: SnowflakeGenerator;
  private readonly botsByToken = new Map<string, SimBot>();
  private readonly guildsByChannel = new Map<string, SimGuild>();

  constructor(options: DiscordWorldOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? new SeededRandom(1);
    this.apiBaseUrl = options.apiBaseUrl ?? 'https://discord.com/api';
    this.snowflakes = new SnowflakeGenerator(this.clock);
    this.oauth = new OAuthGrants(this.clock);
  }

  nextId(): string {
    return this.snowflakes.next();
  }

  createGuild({ name, channels = [], roles = [], ownerId }: GuildSpec): SimGuild {
    const id = this.nextId();
    const everyone = role(id, 0, { name: '@everyone', permissions: DEFAULT_EVERYONE_PERMISSIONS });
    const guild = new SimGuild(id, name, ownerId ?? null, everyone);
    roles.forEach((spec, index) => {
      const created = role(this.nextId(), index + 1, spec);
      guild.roles.set(created.id, created);
    });
    this.guilds.set(id, guild);
    // Categories first, so that the other channels can name theirs as parent.
    const categories = channels.filter((spec) => spec.type === ChannelType.GuildCategory);
    const others = channels.filter((spec) => spec.type !== ChannelType.GuildCategory);
    for (const spec of [...categories, ...others]) this.createChannel(id, spec);
    if (ownerId !== undefined) this.addMember(id, ownerId);
    return guild;
  }

  createChannel(guildId: string, spec: ChannelSpec): SimGuildChannel {
    const guild = this.guildOrThrow(guildId);
    const channel = this.channelFrom(guild, spec);
    guild.channels.set(channel.id, channel);
    this.guildsByChannel.set(channel.id, guild);
    return channel;
  }

  createUser({ username, globalName, email }: UserSpec): APIUser {
    return this.addUser({
      id: this.nextId(),
      username,
      discriminator: '0',
      global_name: globalName ?? null,
      email: email ?? `${username}@users.integron.invalid`,
    });
  }

  createBot({ name }: { name: string }): SimBot {
    const user = this.addUser({
      id: this.nextId(),
      username: name,
      discriminator: String(this.random.int(1, 9999)).padStart(4, '0'),
      global_name: null,
      bot: true,
      email: null,
    });
    const token = `${Buffer.from(user.id).toString('base64url')}.${this.token(6)}.${this.token(38)}`;
    const bot = { token, user };
    this.botsByToken.set(token, bot);
    return bot;
  }

  botByToken(token: string): SimBot | undefined {
    return this.botsByToken.get(token);
  }

  /** People who can sign in with OAuth2, i.e. users that are not bots. */
  people(): APIUser[] {
    return [...this.users.values()].filter((user) => !user.bot);
  }

  addMember(guildId: string, userId: string, roleIds: readonly string[] = []): void {
    const guild = this.guildOrThrow(guildId);
    if (!this.users.has(userId)) throw new Error(`Unknown user ${userId}`);
    guild.members.set(userId, [...roleIds]);
  }

  /**
   * Invites a bot the way the OAuth2 bot flow does: it joins with a managed role named after
   * it that carries the permissions it asked for.
   */
  addBotToGuild(guildId: string, botUserId: string, { permissions = 0n } = {}): APIRole {
    const guild = this.guildOrThrow(guildId);
    const bot = this.users.get(botUserId);
    if (!bot?.bot) throw new Error(`Unknown bot ${botUserId}`);
    const managed: APIRole = {
      ...role(this.nextId(), guild.roles.size, { name: bot.username, permissions }),
      managed: true,
      tags: { bot_id: bot.id },
    };
    guild.roles.set(managed.id, managed);
    this.addMember(guildId, botUserId, [managed.id]);
    return managed;
  }

  /** Sets (or replaces) a channel's permission overwrite for one role or member. */
  setPermissionOverwrite(
    channelId: string,
    { id, type, allow = 0n, deny = 0n }: OverwriteSpec,
  ): void {
    const { channel } = this.channelOrThrow(channelId);
    channel.permission_overwrites = [
      ...(channel.permission_overwrites ?? []).filter((overwrite) => overwrite.id !== id),
      { id, type, allow: allow.toString(), deny: deny.toString() },
    ];
  }

  channel(channelId: string): { guild: SimGuild; channel: SimGuildChannel } | undefined {
    const guild = this.guildsByChannel.get(channelId);
    const channel = guild?.channels.get(channelId);
    return guild && channel && { guild, channel };
  }

  createWebhook(channelId: string, { name = 'Captain Hook' } = {}): SimWebhook {
    const { guild, channel } = this.channelOrThrow(channelId);
    if (!isTextChannel(channel)) throw new Error(`#${channel.name} cannot have webhooks`);
    const id = this.nextId();
    const token = this.token(68);
    const url = `${this.apiBaseUrl}/webhooks/${id}/${token}`;
    const webhook = { id, token, url, name, channelId, guildId: guild.id };
    this.webhooks.set(id, webhook);
    return webhook;
  }

  createOAuthApp({ redirectUris, name = 'Integron' }: OAuthAppSpec): SimOAuthApp {
    const app: SimOAuthApp = {
      clientId: this.nextId(),
      clientSecret: this.token(32),
      name,
      redirectUris,
    };
    this.oauthApps.set(app.clientId, app);
    return app;
  }

  private guildOrThrow(guildId: string): SimGuild {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    return guild;
  }

  private channelOrThrow(channelId: string): { guild: SimGuild; channel: SimGuildChannel } {
    const found = this.channel(channelId);
    if (!found) throw new Error(`Unknown channel ${channelId}`);
    return found;
  }

  private addUser(
    fields: Pick<APIUser, 'id' | 'username' | 'discriminator' | 'global_name' | 'bot' | 'email'>,
  ): APIUser {
    const user: APIUser = {
      avatar: null,
      banner: null,
      accent_color: null,
      public_flags: 0 as UserFlags,
      flags: 0 as UserFlags,
      locale: 'en-US',
      mfa_enabled: false,
      verified: true,
      ...fields,
    };
    this.users.set(user.id, user);
    return user;
  }

  private channelFrom(guild: SimGuild, spec: ChannelSpec): SimGuildChannel {
    const base = {
      id: this.nextId(),
      guild_id: guild.id,
      name: spec.name,
      position: guild.channels.size,
      permission_overwrites: [],
      nsfw: false,
    };
    const type = spec.type ?? ChannelType.GuildText;
    if (type === ChannelType.GuildCategory) {
      return { ...base, type, parent_id: null } satisfies APIGuildCategoryChannel;
    }
    const parent_id = spec.parent === undefined ? null : guild.channel(spec.parent).id;
    const text = { ...base, parent_id, last_message_id: null, rate_limit_per_user: 0 };
    const channel: SimTextChannel =
      type === ChannelType.GuildVoice
        ? { ...text, type, bitrate: 64_000, user_limit: 0, rtc_region: null }
        : { ...text, type, topic: spec.topic ?? null };
    return channel;
  }

  private token(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += this.random.pick(TOKEN_CHARACTERS);
    return out;
  }
}

function role(id: string, position: number, spec: RoleSpec): APIRole {
  const color = spec.color ?? 0;
  return {
    id,
    name: spec.name,
    color,
    colors: { primary_color: color, secondary_color: null, tertiary_color: null },
    hoist: spec.hoist ?? false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: (spec.permissions ?? 0n).toString(),
    managed: false,
    mentionable: spec.mentionable ?? false,
    flags: 0 as RoleFlags,
  };
}
