import { type TwitchEvent, type TwitchEventOf, type TwitchEventType } from '@integron/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { config as rxjsConfig, filter, type Observable, Subject } from 'rxjs';

export type EventHandler<E extends TwitchEvent> = (event: E) => void | Promise<void>;

/**
 * The one in-process stream of `TwitchEvent`s. The Twitch edge publishes; consumers subscribe.
 * Delivery is synchronous and in publish order; a failing handler is logged and does not affect
 * the publisher or the other handlers. Handlers that do I/O should enqueue and return.
 */
@Injectable()
export class EventBus implements OnModuleDestroy {
  private readonly logger = new Logger(EventBus.name);
  private readonly events = new Subject<TwitchEvent>();

  constructor() {
    // rxjs rethrows a throwing subscriber's error on a timer, which would kill the process. The
    // hook is process-wide: the first bus sets it, for every observable.
    rxjsConfig.onUnhandledError ??= (error: unknown) =>
      new Logger('rxjs').error(
        'An observable subscriber threw and nothing handled it',
        error instanceof Error ? error.stack : String(error),
      );
  }

  publish(event: TwitchEvent): void {
    this.events.next(event);
  }

  /** Calls `handler` for every event of the given types; returns a function that unsubscribes. */
  on<T extends TwitchEventType>(
    types: T | readonly T[],
    handler: EventHandler<TwitchEventOf<T>>,
  ): () => void {
    const wanted = new Set<TwitchEventType>(typeof types === 'string' ? [types] : types);
    const subscription = this.stream()
      .pipe(filter((event): event is TwitchEventOf<T> => wanted.has(event.type)))
      .subscribe((event) => this.deliver(handler, event));
    return () => subscription.unsubscribe();
  }

  /** Every event, for consumers that want rxjs operators (batching, buffering). */
  stream(): Observable<TwitchEvent> {
    return this.events.asObservable();
  }

  onModuleDestroy(): void {
    this.events.complete();
  }

  private deliver<E extends TwitchEvent>(handler: EventHandler<E>, event: E): void {
    try {
      const result = handler(event);
      if (result instanceof Promise)
        result.catch((error: unknown) => this.reportFailure(event, error));
    } catch (error) {
      this.reportFailure(event, error);
    }
  }

  private reportFailure(event: TwitchEvent, error: unknown): void {
    this.logger.error(
      `A ${event.type} handler failed for event ${event.eventId}`,
      error instanceof Error ? error.stack : String(error),
    );
  }
}
