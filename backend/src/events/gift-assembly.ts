import {
  type ChannelRef,
  type EventSource,
  type GiftEvent,
  type SubPlan,
  type UserRef,
} from '@integron/contracts';

interface GiftPieceBase {
  eventId: string;
  channel: ChannelRef;
  occurredAt: string;
  source: EventSource;
  plan: SubPlan;
  /** Chat's `msg-param-community-gift-id`: ties a community gift's parts together. */
  communityGiftId: string | null;
}

/** "N gifts are coming": chat's `submysterygift`, EventSub's `channel.subscription.gift`. */
export interface GiftHeader extends GiftPieceBase {
  part: 'header';
  /** `null` for an anonymous gifter. */
  gifter: UserRef | null;
  count: number;
  gifterTotal: number | null;
}

/** One gifted subscription: chat's `subgift`, EventSub's `channel.subscribe` with `is_gift`. */
export interface GiftRecipient extends GiftPieceBase {
  part: 'recipient';
  /** `null` for an anonymous gifter; `undefined` when the source does not say (EventSub). */
  gifter: UserRef | null | undefined;
  recipient: UserRef;
}

export type GiftPiece = GiftHeader | GiftRecipient;

interface Bomb {
  source: EventSource;
  channelId: string;
  plan: SubPlan;
  communityGiftId: string | null;
  header: GiftHeader | null;
  recipients: GiftRecipient[];
  timer: NodeJS.Timeout;
}

/** How long a gift waits for more of its parts once none has come. */
export const GIFT_QUIET_MS = 3_000;

/**
 * Puts gifts back together: a community gift of N arrives as a header and N recipients, in any
 * order and, on EventSub, with nothing but the channel, the tier and the timing to tie a
 * recipient to its gifter. Each gift is emitted once, as one `gift` event with its count and
 * recipients: as soon as it is complete, or once its parts stop coming.
 */
export class GiftAssembler {
  private readonly open: Bomb[] = [];

  constructor(
    private readonly emit: (gift: GiftEvent) => void,
    private readonly quietMs = GIFT_QUIET_MS,
  ) {}

  add(piece: GiftPiece): void {
    if (
      piece.part === 'recipient' &&
      piece.communityGiftId === null &&
      piece.gifter !== undefined
    ) {
      // Chat names the gifter of a single gift on the gift itself: nothing else is coming.
      this.emit(giftOf(null, [piece]));
      return;
    }
    const bomb = this.bombFor(piece);
    if (piece.part === 'header') bomb.header = piece;
    else bomb.recipients.push(piece);
    if (bomb.header && bomb.recipients.length >= bomb.header.count) this.finish(bomb);
    else bomb.timer.refresh();
  }

  /** Emits every gift still waiting for parts (at shutdown). */
  flush(): void {
    for (const bomb of [...this.open]) this.finish(bomb);
  }

  private bombFor(piece: GiftPiece): Bomb {
    const candidates = this.open.filter(
      (bomb) =>
        bomb.source === piece.source &&
        bomb.channelId === piece.channel.id &&
        bomb.plan === piece.plan &&
        bomb.communityGiftId === piece.communityGiftId,
    );
    const found =
      piece.communityGiftId !== null
        ? candidates[0]
        : piece.part === 'header'
          ? candidates.find((bomb) => bomb.header === null)
          : (candidates.find((bomb) => bomb.header && bomb.recipients.length < bomb.header.count) ??
            candidates.find((bomb) => bomb.header === null));
    if (found) return found;
    const bomb: Bomb = {
      source: piece.source,
      channelId: piece.channel.id,
      plan: piece.plan,
      communityGiftId: piece.communityGiftId,
      header: null,
      recipients: [],
      timer: setTimeout(() => this.finish(bomb), this.quietMs),
    };
    bomb.timer.unref();
    this.open.push(bomb);
    return bomb;
  }

  private finish(bomb: Bomb): void {
    const index = this.open.indexOf(bomb);
    if (index === -1) return;
    this.open.splice(index, 1);
    clearTimeout(bomb.timer);
    this.emit(giftOf(bomb.header, bomb.recipients));
  }
}

function giftOf(header: GiftHeader | null, recipients: GiftRecipient[]): GiftEvent {
  const first = header ?? recipients[0]!;
  const times = [header, ...recipients].flatMap((piece) => (piece ? [piece.occurredAt] : []));
  const namedGifter = recipients.find((piece) => piece.gifter !== undefined)?.gifter;
  return {
    type: 'gift',
    eventId: first.eventId,
    channel: first.channel,
    occurredAt: times.sort()[0]!,
    source: first.source,
    gifter: header ? header.gifter : (namedGifter ?? null),
    plan: first.plan,
    count: header?.count ?? recipients.length,
    recipients: recipients.map((piece) => piece.recipient),
    gifterTotal: header?.gifterTotal ?? null,
  };
}
