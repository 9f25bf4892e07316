import { setTimeout as sleep } from 'node:timers/promises';

export type MessageType = 'notification' | 'webhook_callback_verification' | 'revocation';

/** One signed EventSub message, ready to send; re-deliveries send it again unchanged. */
export interface WebhookMessage {
  id: string;
  type: MessageType;
  timestamp: string;
  signature: string;
  subscriptionType: string;
  subscriptionVersion: string;
  body: string;
}

export interface WebhookAnswer {
  /** The last answer's HTTP status; `null` when none came (refused, reset, timed out). */
  status: number | null;
  text: string;
  attempts: number;
}

const ANSWER_TIMEOUT_MS = 10_000;

/** POSTs `message`, retrying after each of `retryDelaysMs` while the answer is not 2xx. */
export async function postWebhook(
  url: string,
  message: WebhookMessage,
  retryDelaysMs: readonly number[],
): Promise<WebhookAnswer> {
  for (let attempt = 0; ; attempt++) {
    const answer = await post(url, message, attempt);
    const delay = retryDelaysMs[attempt];
    if (isSuccess(answer.status) || delay === undefined)
      return { ...answer, attempts: attempt + 1 };
    await sleep(delay);
  }
}

export function isSuccess(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}

async function post(
  url: string,
  message: WebhookMessage,
  retry: number,
): Promise<Omit<WebhookAnswer, 'attempts'>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Twitch-Eventsub-Message-Id': message.id,
        'Twitch-Eventsub-Message-Retry': String(retry),
        'Twitch-Eventsub-Message-Type': message.type,
        'Twitch-Eventsub-Message-Signature': message.signature,
        'Twitch-Eventsub-Message-Timestamp': message.timestamp,
        'Twitch-Eventsub-Subscription-Type': message.subscriptionType,
        'Twitch-Eventsub-Subscription-Version': message.subscriptionVersion,
      },
      body: message.body,
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: null, text: '' };
  }
}
