import { type OverlayChatMessage, TWITCH_NAMED_CHAT_COLORS } from '@integron/contracts';
import { badgeElement, type BadgeImages } from './badges';
import { chatTextNodes } from './chat-text';

/** Twitch's colours for chatters who never chose one; each login always gets the same. */
const DEFAULT_COLOURS = Object.values(TWITCH_NAMED_CHAT_COLORS);
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * One chat line: `.chat-badges`, `.chat-name` in the chatter's colour, and `.chat-text` with its
 * emotes; a `/me` line (`--action`) is written in the chatter's colour, without a colon. Badges
 * are drawn from the channel's `badgeImages` where it has them.
 */
export function chatLineParts(
  message: OverlayChatMessage,
  prefix: string,
  badgeImages: BadgeImages = {},
): HTMLElement[] {
  const colour = nameColour(message);
  const badges = element('span', `${prefix}-badges`);
  badges.append(...message.badges.map((badge) => badgeElement(badge, badgeImages)));
  const name = element('span', `${prefix}-name`);
  name.textContent = message.user.displayName;
  name.style.color = colour;
  const text = element('span', `${prefix}-text`);
  text.append(...chatTextNodes(message.text, message.emotes));
  if (message.isAction) text.style.color = colour;
  const parts = message.badges.length > 0 ? [badges, name] : [name];
  if (!message.isAction) {
    const colon = element('span', `${prefix}-colon`);
    colon.textContent = ':';
    parts.push(colon);
  }
  return [...parts, text];
}

export function nameColour(message: Pick<OverlayChatMessage, 'color' | 'user'>): string {
  if (message.color !== null && HEX_COLOUR.test(message.color)) return message.color;
  let hash = 0;
  for (const char of message.user.login) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return DEFAULT_COLOURS[hash % DEFAULT_COLOURS.length]!;
}

function element(tag: string, className: string): HTMLElement {
  const created = document.createElement(tag);
  created.className = className;
  return created;
}
