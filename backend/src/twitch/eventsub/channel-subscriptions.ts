import {
  type ChannelRef,
  EVENTSUB_TYPES,
  type EventSubSubscriptionState,
  type EventSubSubscriptionStatus,
  type EventSubType,
} from '@integron/contracts';
import { type EventSubSubscription } from '@twurple/eventsub-base';

interface TopicState {
  status: EventSubSubscriptionStatus;
  detail: string | null;
  since: string;
  /** twurple's subscription, while twurple holds one (not once revoked, refused for a scope, …). */
  subscription: EventSubSubscription | null;
}

/** One channel's EventSub subscriptions, and where each stands. */
export class ChannelSubscriptions {
  /** The broadcaster account subscribed as; `null` when none is connected. */
  userId: string | null = null;
  /** What the subscriptions were made from: the account's state, user and scopes. */
  basis: string | null = null;
  /** The grant they were made with (its obtainment time): a new grant makes them again. */
  grantId: string | null = null;
  private readonly topics = new Map<EventSubType, TopicState>();

  constructor(public channel: ChannelRef) {}

  set(
    type: EventSubType,
    status: EventSubSubscriptionStatus,
    detail: string | null,
    subscription: EventSubSubscription | null = this.topics.get(type)?.subscription ?? null,
  ): void {
    const previous = this.topics.get(type);
    const unchanged = previous?.status === status && previous.detail === detail;
    this.topics.set(type, {
      status,
      detail,
      since: unchanged ? previous.since : new Date().toISOString(),
      subscription,
    });
  }

  /** The types twurple holds a subscription for. */
  held(): { type: EventSubType; subscription: EventSubSubscription }[] {
    return [...this.topics].flatMap(([type, { subscription }]) =>
      subscription ? [{ type, subscription }] : [],
    );
  }

  /** In the order of `EVENTSUB_TYPES`. */
  view(): EventSubSubscriptionState[] {
    return EVENTSUB_TYPES.flatMap((type) => {
      const state = this.topics.get(type);
      return state
        ? [{ type, status: state.status, detail: state.detail, since: state.since }]
        : [];
    });
  }
}
