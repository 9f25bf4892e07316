import { type EventSubBase, type EventSubSubscription } from '@twurple/eventsub-base';
import { EventSubMiddleware } from '@twurple/eventsub-http';
import { EventSubWsListener } from '@twurple/eventsub-ws';

/** A twurple listener that says which EventSub message the handler it is calling belongs to. */
export type MessageIdListener = EventSubBase & { readonly deliveringMessageId: string | null };

/**
 * twurple hands handlers the event only, but Twitch's message id is what a re-delivery repeats.
 * Both transports pass it to `_handleSingleEventPayload`, which calls the handler synchronously:
 * for the length of that call, the id is known.
 */
class DeliveringMessage {
  private current: string | null = null;

  /** The id of the notification being handled; `null` outside a handler. */
  get id(): string | null {
    return this.current;
  }

  during(messageId: string, deliver: () => void): void {
    this.current = messageId;
    try {
      deliver();
    } finally {
      this.current = null;
    }
  }
}

/** twurple's WebSocket listener, saying which message it delivers. */
export class MessageIdWsListener extends EventSubWsListener implements MessageIdListener {
  private readonly delivering = new DeliveringMessage();

  get deliveringMessageId(): string | null {
    return this.delivering.id;
  }

  override _handleSingleEventPayload(
    subscription: EventSubSubscription,
    payload: Record<string, unknown>,
    messageId: string,
  ): void {
    this.delivering.during(messageId, () =>
      super._handleSingleEventPayload(subscription, payload, messageId),
    );
  }
}

/** twurple's webhook middleware, saying which message it delivers. */
export class MessageIdMiddleware extends EventSubMiddleware implements MessageIdListener {
  private readonly delivering = new DeliveringMessage();

  get deliveringMessageId(): string | null {
    return this.delivering.id;
  }

  override _handleSingleEventPayload(
    subscription: EventSubSubscription,
    payload: Record<string, unknown>,
    messageId: string,
  ): void {
    this.delivering.during(messageId, () =>
      super._handleSingleEventPayload(subscription, payload, messageId),
    );
  }
}
