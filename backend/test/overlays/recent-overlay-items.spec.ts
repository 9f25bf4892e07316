import { type OverlayChatMessage, type RaidEvent } from '@integron/contracts';
import { describe, expect, it } from 'vitest';
import { RecentOverlayItems } from '../../src/overlays/recent-overlay-items.js';
import { RepeatedRemovals } from '../../src/overlays/repeated-removals.js';

const line = (messageId: string, login = 'viewer'): OverlayChatMessage => ({
  messageId,
  occurredAt: '2026-12-07T12:00:00.000Z',
  user: { id: '1', login, displayName: login },
  text: messageId,
  isAction: false,
  color: null,
  badges: [],
  emotes: [],
  bits: 0,
  isFirstMessage: false,
  subscriberMonths: 0,
});

const raid = (eventId: string): RaidEvent => ({
  type: 'raid',
  eventId,
  channel: { id: '10', login: 'chan', displayName: 'Chan' },
  occurredAt: '2026-12-07T12:00:00.000Z',
  source: 'irc',
  from: { id: '2', login: 'raider', displayName: 'Raider' },
  viewers: 3,
});

const names = (sut: RecentOverlayItems, count: number, channelId = '1') =>
  sut
    .last(channelId, count)
    .map((item) => (item.kind === 'chat-message' ? item.message.messageId : item.event.eventId));

describe(RecentOverlayItems.name, () => {
  it('keeps the last of each kind per channel and interleaves them as they came', () => {
    const sut = new RecentOverlayItems(2);
    sut.addChat('1', line('a'));
    sut.addEvent('1', raid('r1'));
    sut.addChat('1', line('b'));
    sut.addEvent('1', raid('r2'));
    sut.addChat('1', line('c'));
    sut.addEvent('1', raid('r3'));
    sut.addChat('2', line('elsewhere'));

    expect(names(sut, 2)).toEqual(['b', 'r2', 'c', 'r3']);
    expect(names(sut, 1)).toEqual(['c', 'r3']);
    expect(names(sut, 0)).toEqual([]);
    expect(names(sut, 5, 'unknown')).toEqual([]);
  });

  it('forgets removed lines: a deleted message, a user’s lines, all of them', () => {
    const sut = new RecentOverlayItems(10);
    sut.addChat('1', line('a', 'ann'));
    sut.addChat('1', line('b', 'bob'));
    sut.addChat('1', line('c', 'ann'));
    sut.addChat('1', line('d', 'cid'));
    sut.addEvent('1', raid('r1'));

    sut.remove('1', { kind: 'message', messageId: 'd' });
    expect(names(sut, 10)).toEqual(['a', 'b', 'c', 'r1']);
    sut.remove('1', { kind: 'user', login: 'ann' });
    expect(names(sut, 10)).toEqual(['b', 'r1']);
    sut.remove('1', { kind: 'all' });
    expect(names(sut, 10)).toEqual(['r1']);
  });
});

describe(RepeatedRemovals.name, () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, seconds)).toISOString();

  it('recognises the other source telling the same removal, and only that', () => {
    const sut = new RepeatedRemovals();

    expect(sut.isRepeat('all:10', 'irc', at(0))).toBe(false);
    expect(sut.isRepeat('all:10', 'eventsub', at(2))).toBe(true);
    // A second clear told by the same source is a second clear.
    expect(sut.isRepeat('all:10', 'irc', at(30))).toBe(false);
    expect(sut.isRepeat('user:10:ann', 'eventsub', at(0))).toBe(false);
    expect(sut.isRepeat('user:10:bob', 'irc', at(0))).toBe(false);
  });

  it('takes tellings minutes apart for two removals', () => {
    const sut = new RepeatedRemovals();

    expect(sut.isRepeat('user:10:ann', 'irc', at(0))).toBe(false);
    expect(
      sut.isRepeat('user:10:ann', 'eventsub', new Date(Date.UTC(2026, 11, 7, 12, 5)).toISOString()),
    ).toBe(false);
  });
});
