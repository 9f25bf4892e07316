import { type EventSubSubscription } from '@twurple/eventsub-base';
import { EventSubWsListener } from '@twurple/eventsub-ws';

/**
 * twurple's WebSocket listener, saying which EventSub message the handler it is calling belongs
 * to. twurple hands handlers the event only, but Twitch's `message_id` is what a re-delivery
 * repeats; twurple calls the handler synchronously from here, so the id is known for that call.
 */
export class MessageIdListener extends EventSubWsListener {
  private delivering: string | null = null;

  /** The `message_id` of the notification being handled; `null` outside a handler. */
  get deliveringMessageId(): string | null {
    return this.delivering;
  }

  override _handleSingleEventPayload(
    subscription: EventSubSubscription,
    payload: Record<string, unknown>,
    messageId: string,
  ): void {
    this.delivering = messageId;
    try {
      super._handleSingleEventPayload(subscription, payload, messageId);
    } finally {
      this.delivering = null;
    }
  }
}
