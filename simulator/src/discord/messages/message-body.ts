import {
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import { checkEmbeds } from './embeds.js';
import { FormErrors } from './form-errors.js';
import { checkAllowedMentions } from './mentions.js';

/**
 * The fields of a create-message, edit-message or execute-webhook body that the simulator acts
 * on; an edit may set `content`, `embeds` and the like to `null` to remove them.
 */
export type MessageBody = RESTPatchAPIChannelMessageJSONBody &
  Pick<RESTPostAPIChannelMessageJSONBody, 'nonce' | 'tts' | 'sticker_ids' | 'poll'> &
  Pick<RESTPostAPIWebhookWithTokenJSONBody, 'username'>;

const LIMITS = { content: 2000, nonce: 25, stickers: 3, username: 80 } as const;

/** Checks a JSON body as Discord does, answering 400 50035 with every field error at once. */
export function readMessageBody(raw: unknown): MessageBody {
  const errors = new FormErrors();
  const body = errors.object([], raw ?? {}) ?? {};
  errors.text(['content'], body.content, LIMITS.content);
  if (typeof body.nonce === 'string') errors.text(['nonce'], body.nonce, LIMITS.nonce);
  errors.list(['sticker_ids'], body.sticker_ids, LIMITS.stickers);
  errors.text(['username'], body.username, LIMITS.username);
  checkEmbeds(errors, body.embeds);
  checkAllowedMentions(errors, body.allowed_mentions);
  errors.throwIfAny();
  return body;
}

interface MessageParts {
  content?: string | null;
  embeds?: readonly unknown[] | null;
  components?: readonly unknown[] | null;
  sticker_ids?: readonly string[];
  poll?: unknown;
}

/** Discord refuses (50006) a message without content, embeds, stickers, components or poll. */
export function isEmptyMessage(message: MessageParts): boolean {
  return (
    !message.content &&
    !message.embeds?.length &&
    !message.sticker_ids?.length &&
    !message.components?.length &&
    !message.poll
  );
}
