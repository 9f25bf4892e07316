import {
  AllowedMentionsTypes,
  MessageType,
  PermissionFlagsBits,
  type APIMessage,
  type APIUser,
  type MessageFlags,
} from 'discord-api-types/v10';
import { discordErrors } from '../discord-error.js';
import { type DiscordWorld, type SimWebhook } from '../discord-world.js';
import { hasPermission } from '../permissions.js';
import { type SimGuild, type SimTextChannel } from '../sim-guild.js';
import { publicUser } from '../users.js';
import { richEmbeds } from './embeds.js';
import { isEmptyMessage, type MessageBody } from './message-body.js';
import { resolveMentions, type MessageMentions } from './mentions.js';

/** Who posts: a bot, with its permissions in the channel, or a webhook (which has no member). */
export type MessageAuthor =
  { kind: 'bot'; user: APIUser; permissions: bigint } | { kind: 'webhook'; webhook: SimWebhook };

/** Turns checked bodies into stored messages, as Discord renders them. */
export class MessageComposer {
  constructor(private readonly world: DiscordWorld) {}

  create(
    guild: SimGuild,
    channel: SimTextChannel,
    author: MessageAuthor,
    body: MessageBody,
  ): APIMessage {
    if (isEmptyMessage(body)) throw discordErrors.emptyMessage();
    const content = body.content ?? '';
    const message: APIMessage = {
      id: this.world.nextId(),
      channel_id: channel.id,
      type: MessageType.Default,
      author: authorUser(author, body.username),
      content,
      embeds: richEmbeds(body.embeds ?? []),
      components: body.components ?? [],
      attachments: [],
      timestamp: discordTimestamp(this.world.clock.now()),
      edited_timestamp: null,
      tts: body.tts ?? false,
      pinned: false,
      flags: body.flags ?? (0 as MessageFlags),
      ...(body.nonce !== undefined && { nonce: body.nonce }),
      ...(author.kind === 'webhook' && { webhook_id: author.webhook.id }),
      ...this.mentions(guild, author, content, body),
    };
    this.world.messages.save(message);
    channel.last_message_id = message.id;
    return message;
  }

  /** Applies an edit: fields left out stay, fields set to `null` are removed. */
  edit(guild: SimGuild, message: APIMessage, author: MessageAuthor, body: MessageBody): APIMessage {
    const content = body.content === undefined ? message.content : (body.content ?? '');
    const edited: APIMessage = {
      ...message,
      content,
      embeds: body.embeds === undefined ? message.embeds : richEmbeds(body.embeds ?? []),
      components: body.components === undefined ? message.components : (body.components ?? []),
      edited_timestamp: discordTimestamp(this.world.clock.now()),
      ...(body.flags != null && { flags: body.flags }),
      ...this.mentions(guild, author, content, body),
    };
    if (isEmptyMessage(edited)) throw discordErrors.emptyMessage();
    this.world.messages.save(edited);
    return edited;
  }

  private mentions(
    guild: SimGuild,
    author: MessageAuthor,
    content: string,
    { allowed_mentions }: MessageBody,
  ): MessageMentions {
    const isBot = author.kind === 'bot';
    return resolveMentions(content, {
      allowed: allowed_mentions,
      parsedByDefault: isBot ? Object.values(AllowedMentionsTypes) : [AllowedMentionsTypes.User],
      mayMentionEveryone:
        !isBot || hasPermission(author.permissions, PermissionFlagsBits.MentionEveryone),
      users: this.world.users,
      roles: guild.roles,
    });
  }
}

/** Webhook messages show the webhook as their author, under the name the body asks for. */
function authorUser(author: MessageAuthor, username: string | undefined): APIUser {
  if (author.kind === 'bot') return publicUser(author.user);
  const { webhook } = author;
  return {
    id: webhook.id,
    username: username ?? webhook.name,
    discriminator: '0000',
    global_name: null,
    avatar: null,
    bot: true,
  };
}

/** Discord's timestamp format: ISO 8601 with microseconds and an explicit UTC offset. */
function discordTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000+00:00');
}
