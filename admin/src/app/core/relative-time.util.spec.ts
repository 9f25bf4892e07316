import { formatRelative } from './relative-time.util';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');

function ago(ms: number): string {
  return new Date(NOW - ms).toISOString();
}

describe(formatRelative.name, () => {
  it('says "now" for the last few seconds', () => {
    expect(formatRelative(ago(3_000), NOW)).toBe('now');
  });

  it('counts in the largest whole unit', () => {
    expect(formatRelative(ago(42_000), NOW)).toBe('42 seconds ago');
    expect(formatRelative(ago(5 * 60_000 + 59_000), NOW)).toBe('5 minutes ago');
    expect(formatRelative(ago(3 * 3_600_000), NOW)).toBe('3 hours ago');
    expect(formatRelative(ago(26 * 3_600_000), NOW)).toBe('yesterday');
    expect(formatRelative(ago(15 * 86_400_000), NOW)).toBe('2 weeks ago');
  });

  it('speaks of the future too', () => {
    expect(formatRelative(new Date(NOW + 2 * 60_000).toISOString(), NOW)).toBe('in 2 minutes');
  });

  it('gives nothing for something that is not a time', () => {
    expect(formatRelative('soon', NOW)).toBe('');
  });
});
