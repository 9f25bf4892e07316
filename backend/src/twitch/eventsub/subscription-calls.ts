import { setTimeout as sleep } from 'node:timers/promises';
import { type EventSubSubscription } from '@twurple/eventsub-base';

/**
 * Each subscription's call to Twitch (create or delete) that has not answered yet. twurple keys
 * its subscriptions by type and condition, so a subscription made again while the previous one's
 * call is still out gets mixed up with it: callers wait here first.
 */
export class SubscriptionCalls {
  private readonly pending = new Map<EventSubSubscription, { done: Promise<void>; end(): void }>();

  begin(subscription: EventSubSubscription): void {
    if (this.pending.has(subscription)) return;
    let end = () => undefined as void;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.pending.set(subscription, { done, end });
  }

  end(subscription: EventSubSubscription): void {
    this.pending.get(subscription)?.end();
    this.pending.delete(subscription);
  }

  /** Resolves once `subscription` has no call out, or after `timeoutMs` (Twitch may never answer). */
  async settled(subscription: EventSubSubscription, timeoutMs: number): Promise<void> {
    const call = this.pending.get(subscription);
    if (call) await Promise.race([call.done, sleep(timeoutMs, undefined, { ref: false })]);
  }
}
