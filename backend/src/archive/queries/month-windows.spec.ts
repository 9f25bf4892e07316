import { describe, expect, it } from 'vitest';
import { monthWindows } from './month-windows.js';

const month = (text: string) => new Date(`${text}-01T00:00:00Z`);
const iso = (windows: { from: Date; to: Date }[]) =>
  windows.map((window) => [window.from.toISOString(), window.to.toISOString()]);

describe(monthWindows.name, () => {
  const months = ['2026-12', '2026-11', '2026-10', '2026-09', '2026-08', '2026-07', '2026-06'].map(
    month,
  );

  it('takes one month, one month, then two, four… newest first', () => {
    expect(iso(monthWindows(months, null, null))).toEqual([
      ['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
      ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
      ['2026-09-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
      ['2026-06-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z'],
    ]);
  });

  it('keeps to since and until, and leaves out the months outside them', () => {
    const since = new Date('2026-10-15T12:00:00Z');
    const until = new Date('2026-11-20T00:00:00Z');

    expect(iso(monthWindows(months, since, until))).toEqual([
      ['2026-11-01T00:00:00.000Z', '2026-11-20T00:00:00.000Z'],
      ['2026-10-15T12:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    ]);
  });

  it('has no windows without months', () => {
    expect(monthWindows([], null, null)).toEqual([]);
  });
});
