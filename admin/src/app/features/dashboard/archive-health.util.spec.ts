import { HEALTHY_ARCHIVE, JOURNALING_ARCHIVE } from '../../../testing/archive.fixtures';
import {
  archiveHealthStatus,
  bufferShare,
  formatBytes,
  formatLag,
  formatRate,
} from './archive-health.util';

describe(archiveHealthStatus.name, () => {
  it('is ok while lines reach Postgres in time', () => {
    expect(archiveHealthStatus(HEALTHY_ARCHIVE)).toBe('ok');
  });

  it('is journaling while Postgres refuses writes, or the journal still holds lines', () => {
    expect(archiveHealthStatus(JOURNALING_ARCHIVE)).toBe('journaling');
    expect(
      archiveHealthStatus({
        ...HEALTHY_ARCHIVE,
        journal: { files: 1, rows: 10, bytes: 900 },
      }),
    ).toBe('journaling');
  });

  it('is behind when lines wait long or the buffer is nearly full', () => {
    expect(archiveHealthStatus({ ...HEALTHY_ARCHIVE, lagMs: 12_000 })).toBe('behind');
    expect(
      archiveHealthStatus({ ...HEALTHY_ARCHIVE, buffer: { rows: 45_000, capacity: 50_000 } }),
    ).toBe('behind');
  });
});

describe(bufferShare.name, () => {
  it('is the filled share, 0 without a capacity', () => {
    expect(bufferShare({ buffer: { rows: 250, capacity: 1_000 } })).toBe(0.25);
    expect(bufferShare({ buffer: { rows: 5, capacity: 0 } })).toBe(0);
  });
});

describe('formats', () => {
  it.each([
    [0, '0 ms'],
    [180, '180 ms'],
    [2_500, '2.5 s'],
    [65_000, '1 min 5 s'],
    [120_000, '2 min'],
    [3_600_000, '1 h'],
    [5_400_000, '1 h 30 min'],
  ])('formats a lag of %i ms as "%s"', (ms, expected) => {
    expect(formatLag(ms)).toBe(expected);
  });

  it.each([
    [0, '0 B'],
    [900, '900 B'],
    [5_242_880, '5.0 MB'],
  ])('formats %i bytes as "%s"', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it('formats rates with a decimal only while small', () => {
    expect(formatRate(42.5)).toBe('42.5/s');
    expect(formatRate(25_300.4)).toBe('25,300/s');
  });
});
