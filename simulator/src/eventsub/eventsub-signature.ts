import { createHmac } from 'node:crypto';

/** `Twitch-Eventsub-Message-Signature`: HMAC-SHA256 over id, timestamp and the raw body, in hex. */
export function eventSubSignature(
  secret: string,
  messageId: string,
  timestamp: string,
  body: string,
): string {
  const hmac = createHmac('sha256', secret).update(messageId + timestamp + body);
  return `sha256=${hmac.digest('hex')}`;
}
