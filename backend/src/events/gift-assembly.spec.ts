import { type GiftEvent, type UserRef } from '@integron/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  GiftAssembler,
  type GiftHeader,
  type GiftPiece,
  type GiftRecipient,
} from './gift-assembly.js';

const channel = { id: '1', login: 'pixel', displayName: 'Pixel' };
const user = (n: number): UserRef => ({
  id: String(100 + n),
  login: `u${n}`,
  displayName: `U${n}`,
});
const gifter = user(0);

function header(overrides: Partial<GiftHeader> = {}): GiftHeader {
  return {
    part: 'header',
    eventId: 'h',
    channel,
    occurredAt: '2026-12-07T10:00:00.000Z',
    source: 'irc',
    plan: '1000',
    communityGiftId: 'cg1',
    gifter,
    count: 3,
    gifterTotal: 42,
    ...overrides,
  };
}

function recipient(n: number, overrides: Partial<GiftRecipient> = {}): GiftRecipient {
  return {
    part: 'recipient',
    eventId: `r${n}`,
    channel,
    occurredAt: `2026-12-07T10:00:0${n}.000Z`,
    source: 'irc',
    plan: '1000',
    communityGiftId: 'cg1',
    gifter,
    recipient: user(n),
    ...overrides,
  };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

function assembler(quietMs = 10_000) {
  const gifts: GiftEvent[] = [];
  return { gifts, sut: new GiftAssembler((gift) => gifts.push(gift), quietMs) };
}

describe(GiftAssembler.name, () => {
  it('makes one gift of a community gift and its recipients, in every arrival order', () => {
    const pieces: GiftPiece[] = [header(), recipient(1), recipient(2), recipient(3)];
    for (const order of permutations(pieces)) {
      const { gifts, sut } = assembler();
      for (const piece of order) sut.add(piece);

      expect(gifts).toHaveLength(1);
      expect(gifts[0]).toMatchObject({
        type: 'gift',
        eventId: 'h',
        gifter,
        count: 3,
        gifterTotal: 42,
        plan: '1000',
        occurredAt: '2026-12-07T10:00:00.000Z',
      });
      expect(gifts[0]!.recipients.map((r) => r.login).sort()).toEqual(['u1', 'u2', 'u3']);
    }
  });

  it('ties EventSub recipients, which name no gifter, to the header of their channel and tier', () => {
    const eventSub = { source: 'eventsub' as const, communityGiftId: null };
    const pieces: GiftPiece[] = [
      header({ ...eventSub, count: 2 }),
      recipient(1, { ...eventSub, gifter: undefined }),
      recipient(2, { ...eventSub, gifter: undefined }),
    ];
    for (const order of permutations(pieces)) {
      const { gifts, sut } = assembler();
      for (const piece of order) sut.add(piece);

      expect(gifts).toHaveLength(1);
      expect(gifts[0]).toMatchObject({ source: 'eventsub', gifter, count: 2 });
      expect(gifts[0]!.recipients).toHaveLength(2);
    }
  });

  it('keeps two community gifts apart by their id, even interleaved', () => {
    const { gifts, sut } = assembler();
    const other = { communityGiftId: 'cg2', gifter: user(9) };
    sut.add(header({ count: 2 }));
    sut.add(header({ ...other, eventId: 'h2', count: 1 }));
    sut.add(recipient(1));
    sut.add(recipient(5, other));
    sut.add(recipient(2));

    expect(gifts.map((gift) => [gift.eventId, gift.recipients.map((r) => r.login)])).toEqual([
      ['h2', ['u5']],
      ['h', ['u1', 'u2']],
    ]);
  });

  it('emits a single gift from chat at once', () => {
    const { gifts, sut } = assembler();
    sut.add(recipient(1, { communityGiftId: null }));

    expect(gifts).toMatchObject([{ count: 1, gifter, recipients: [user(1)], eventId: 'r1' }]);
  });

  it('emits what came once the parts stop coming, and only once', async () => {
    const { gifts, sut } = assembler(50);
    sut.add(header({ count: 5 }));
    sut.add(recipient(1));
    await sleep(120);
    sut.add(recipient(2, { communityGiftId: 'late' }));
    sut.flush();

    expect(gifts).toHaveLength(2);
    expect(gifts[0]).toMatchObject({ eventId: 'h', count: 5, recipients: [user(1)] });
    expect(gifts[1]).toMatchObject({ eventId: 'r2', count: 1, recipients: [user(2)] });
  });
});
