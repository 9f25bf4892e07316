import { ADMIN_ROUTES } from '@integron/contracts';

/** Router links between the archive pages, so pages link to each other the same way. */

export function userProfileLink(twitchId: string): string[] {
  return ['/', ADMIN_ROUTES.users.path, twitchId];
}

export const MESSAGES_LINK = `/${ADMIN_ROUTES.messages.path}`;
export const LIVE_LINK = `/${ADMIN_ROUTES.live.path}`;
export const MODERATION_LINK = `/${ADMIN_ROUTES.moderation.path}`;
export const USERS_LINK = `/${ADMIN_ROUTES.users.path}`;
export const CHANNELS_LINK = `/${ADMIN_ROUTES.channels.path}`;
export const EVENTS_LINK = `/${ADMIN_ROUTES.events.path}`;
export const VIEWERS_LINK = `/${ADMIN_ROUTES.viewers.path}`;
export const TEST_PANEL_LINK = `/${ADMIN_ROUTES.testPanel.path}`;

/** How far around a message its context reaches on the messages page. */
export const CONTEXT_WINDOW_MS = 2 * 60_000;

/** Query of the messages page that shows a message among what was said around it. */
export function messageContextQuery(message: {
  twitchMessageId: string;
  channel: { id: string };
  sentAt: string;
}): Record<string, string> {
  const sentAt = new Date(message.sentAt).getTime();
  return {
    channelId: message.channel.id,
    since: new Date(sentAt - CONTEXT_WINDOW_MS).toISOString(),
    until: new Date(sentAt + CONTEXT_WINDOW_MS).toISOString(),
    highlight: message.twitchMessageId,
  };
}
