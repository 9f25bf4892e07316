import {
  type ChatMessageEvent,
  type ChatNoticeEvent,
  type GiftEvent,
  LIVE_ONLY_EVENT_TYPES,
  STREAM_EVENT_TYPES,
  type StreamEvent,
  type StreamEventType,
} from '@integron/contracts';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';
import { EventBus } from '../bus/event-bus.js';
import { RecentMap } from '../common/recent-map.js';
import { streamEventFromChat } from './chat-stream-events.js';
import { EventsSettingsService } from './events-settings.service.js';
import { GiftAssembler, type GiftPiece } from './gift-assembly.js';
import { StreamEventStore } from './stream-event-store.js';

const LIVE_ONLY = new Set<StreamEventType>(LIVE_ONLY_EVENT_TYPES);
const REMEMBERED_LIVE_ONLY_IDS = 10_000;
const RETRY_MS = 1_000;
/** Events waiting for the database; beyond this the oldest are given up, loudly. */
const MAX_WAITING = 10_000;

/**
 * Stream events from every source — EventSub, chat's USERNOTICEs and cheers, the test panel —
 * made into one stream of real-world events: gifts put back together, each event once however
 * many sources told it, recorded in order. `accepted$` is what alerts and feeds show.
 */
@Injectable()
export class StreamEventsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StreamEvents');
  private readonly accepted = new Subject<StreamEvent>();
  readonly accepted$: Observable<StreamEvent> = this.accepted.asObservable();
  private readonly gifts = new GiftAssembler((gift) => this.enqueue(gift));
  private readonly liveOnlySeen = new RecentMap<true>(REMEMBERED_LIVE_ONLY_IDS);
  private readonly waiting: StreamEvent[] = [];
  private draining: Promise<void> | null = null;
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly store: StreamEventStore,
    private readonly settings: EventsSettingsService,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = [
      this.bus.on(STREAM_EVENT_TYPES, (event) => this.receive(event)),
      this.bus.on(['chat.notice', 'chat.message'], (event) => this.receiveChat(event)),
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.gifts.flush();
    await this.drained();
  }

  /** Shows `event` on the overlays without recording it (the test panel's "overlays only"). */
  show(event: StreamEvent): void {
    this.accepted.next(event);
  }

  /** Resolves once everything received so far is recorded (tests, shutdown). */
  async drained(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private receive(event: StreamEvent): void {
    const piece = event.type === 'gift' ? giftPieceOf(event) : null;
    if (piece) this.gifts.add(piece);
    else this.enqueue(event);
  }

  private receiveChat(event: ChatNoticeEvent | ChatMessageEvent): void {
    const told = streamEventFromChat(event);
    if (told === null) return;
    if ('part' in told) this.gifts.add(told);
    else this.enqueue(told);
  }

  private enqueue(event: StreamEvent): void {
    if (this.waiting.length >= MAX_WAITING) {
      const dropped = this.waiting.shift()!;
      this.logger.error(
        `Gave up the ${dropped.type} event ${dropped.eventId}: ${MAX_WAITING} events are waiting for the database`,
      );
    }
    this.waiting.push(event);
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const event = this.waiting[0]!;
      try {
        if (await this.isNew(event)) this.accepted.next(event);
        this.waiting.shift();
      } catch (error) {
        this.logger.warn(
          `Recording the ${event.type} event ${event.eventId} failed (${String(error)}); retrying in ${RETRY_MS / 1000} s`,
        );
        await new Promise((retry) => setTimeout(retry, RETRY_MS));
      }
    }
  }

  private async isNew(event: StreamEvent): Promise<boolean> {
    if (LIVE_ONLY.has(event.type) && !(await this.settings.current()).keepLiveOnlyEvents) {
      if (this.liveOnlySeen.has(event.eventId)) return false;
      this.liveOnlySeen.set(event.eventId, true);
      return true;
    }
    const outcome = await this.store.record(event);
    if (outcome === 'unknown channel')
      this.logger.warn(
        `A ${event.type} event for unknown channel ${event.channel.login} was ignored`,
      );
    return outcome === 'recorded';
  }
}

/**
 * EventSub tells a gift in parts: `channel.subscription.gift` (the gifter and the count, no
 * recipients) and a `channel.subscribe` per recipient that names no gifter. A gift event with
 * all of it (the test panel's) is whole already.
 */
function giftPieceOf(event: GiftEvent): GiftPiece | null {
  if (event.source === 'test') return null;
  const base = {
    eventId: event.eventId,
    channel: event.channel,
    occurredAt: event.occurredAt,
    source: event.source,
    plan: event.plan,
    communityGiftId: null,
  };
  if (event.recipients.length === 0)
    return {
      ...base,
      part: 'header',
      gifter: event.gifter,
      count: event.count,
      gifterTotal: event.gifterTotal,
    };
  if (event.recipients.length === 1 && event.gifter === null && event.count === 1)
    return { ...base, part: 'recipient', gifter: undefined, recipient: event.recipients[0]! };
  return null;
}
