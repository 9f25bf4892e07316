import { EmbedType, type APIEmbed } from 'discord-api-types/v10';
import { type FieldPath, type FormErrors } from './form-errors.js';

export const EMBED_LIMITS = {
  perMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** All text of all embeds of one message together. */
  total: 6000,
} as const;

/** Checks a message's `embeds` against Discord's limits, each embed and all of them together. */
export function checkEmbeds(errors: FormErrors, value: unknown): void {
  const size = errors
    .list(['embeds'], value, EMBED_LIMITS.perMessage)
    .reduce<number>((total, item, index) => {
      const embed = errors.object(['embeds', index], item);
      return total + (embed ? checkEmbed(errors, ['embeds', index], embed) : 0);
    }, 0);
  if (size > EMBED_LIMITS.total) {
    errors.add(
      ['embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${EMBED_LIMITS.total}`,
    );
  }
}

/** Checks one embed and returns how many characters it counts towards the total. */
function checkEmbed(errors: FormErrors, path: FieldPath, embed: Record<string, unknown>): number {
  let size =
    errors.text([...path, 'title'], embed.title, EMBED_LIMITS.title) +
    errors.text([...path, 'description'], embed.description, EMBED_LIMITS.description);
  errors.list([...path, 'fields'], embed.fields, EMBED_LIMITS.fields).forEach((item, index) => {
    const fieldPath = [...path, 'fields', index];
    const field = errors.object(fieldPath, item);
    if (!field) return;
    size += errors.text([...fieldPath, 'name'], field.name, EMBED_LIMITS.fieldName, true);
    size += errors.text([...fieldPath, 'value'], field.value, EMBED_LIMITS.fieldValue, true);
  });
  const footer = errors.object([...path, 'footer'], embed.footer);
  if (footer) {
    size += errors.text([...path, 'footer', 'text'], footer.text, EMBED_LIMITS.footerText, true);
  }
  const author = errors.object([...path, 'author'], embed.author);
  if (author) {
    size += errors.text([...path, 'author', 'name'], author.name, EMBED_LIMITS.authorName, true);
  }
  return size;
}

/** Embeds as the message carries them: from bots and webhooks always `rich`. */
export function richEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  return embeds.map(({ fields, ...embed }) => ({
    ...embed,
    type: EmbedType.Rich,
    ...(fields && { fields: fields.map((field) => ({ ...field, inline: field.inline ?? false })) }),
  }));
}
