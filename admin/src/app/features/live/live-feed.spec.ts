import { TIMEOUT_ACTION, chatLine } from '../../../testing/archive.fixtures';
import { LiveFeed } from './live-feed';

describe(LiveFeed.name, () => {
  let sut: LiveFeed;

  beforeEach(() => {
    sut = new LiveFeed(3);
  });

  function line(n: number) {
    return sut.lineEntry(chatLine({ twitchMessageId: `m${n}`, text: `line ${n}` }));
  }

  function keys(): string[] {
    return sut.entries().map((entry) => entry.key);
  }

  it('keeps only the newest entries', () => {
    sut.add([line(1), line(2)]);
    sut.add([line(3), line(4)]);

    expect(keys()).toEqual(['m2', 'm3', 'm4']);
  });

  it('leaves out a line it already has', () => {
    sut.add([line(1)]);
    sut.add([line(1), line(2)]);

    expect(keys()).toEqual(['m1', 'm2']);
  });

  it('holds new entries back while paused, counting chat lines and mod actions', () => {
    sut.add([line(1)]);
    sut.pause();

    sut.add([line(2), sut.modActionEntry({ ...TIMEOUT_ACTION, twitchMessageId: null })]);
    sut.add([sut.noticeEntry('Skipped 3 lines')]);

    expect(keys()).toEqual(['m1']);
    expect(sut.newCount()).toBe(2);
    expect(sut.paused()).toBe(true);
  });

  it('shows what waited on resume, still bounded', () => {
    sut.add([line(1)]);
    sut.pause();
    sut.add([line(2), line(3), line(4)]);

    sut.resume();

    expect(keys()).toEqual(['m2', 'm3', 'm4']);
    expect(sut.newCount()).toBe(0);
    expect(sut.paused()).toBe(false);
  });

  it('strikes a deleted line through whether shown or waiting', () => {
    sut.add([line(1)]);
    sut.pause();
    sut.add([line(2)]);

    sut.markDeleted('m1', '2026-11-22T10:31:02.000Z');
    sut.markDeleted('m2', '2026-11-22T10:31:03.000Z');
    sut.markDeleted('unknown', '2026-11-22T10:31:04.000Z');
    sut.resume();

    expect(
      sut.entries().map((entry) => (entry.kind === 'line' ? entry.deletedAt : 'not a line')),
    ).toEqual(['2026-11-22T10:31:02.000Z', '2026-11-22T10:31:03.000Z']);
  });

  it('empties on clear', () => {
    sut.add([line(1)]);
    sut.pause();
    sut.add([line(2)]);

    sut.clear();
    sut.resume();

    expect(sut.isEmpty()).toBe(true);
  });
});
