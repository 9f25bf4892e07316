import { createHash } from 'node:crypto';
import { type EventSubType } from '@integron/contracts';

/**
 * An event's id: `eventsub:<type>:<message id>`, since Twitch repeats the message id when it
 * delivers a notification again. Without one (a twurple that no longer says it), a digest of the
 * type and the event as Twitch sent it, which a re-delivery reproduces too.
 */
export function eventSubEventId(
  type: EventSubType,
  messageId: string | null,
  rawEvent: () => unknown,
): string {
  if (messageId) return `eventsub:${type}:${messageId}`;
  const digest = createHash('sha256')
    .update(`${type}\n${JSON.stringify(rawEvent())}`)
    .digest('hex');
  return `eventsub:${type}:sha256-${digest}`;
}
