import { TWITCH_NAMED_CHAT_COLORS } from '@integron/contracts';
/** The colours anyone may pick by name, with the hex Twitch stores for them. */
export const NAMED_CHAT_COLORS: ReadonlyMap<string, string> = new Map(
  Object.entries(TWITCH_NAMED_CHAT_COLORS),
);
