import { databaseKindLabel, formatUptime, runModeLabel } from './health-format.util';

describe(formatUptime.name, () => {
  it.each([
    [0, '0 s'],
    [42, '42 s'],
    [60, '1 min'],
    [303, '5 min 3 s'],
    [7_500, '2 h 5 min'],
    [93_784, '1 d 2 h'],
    [172_800, '2 d'],
    [-5, '0 s'],
  ])('formats %i seconds as "%s"', (seconds, expected) => {
    expect(formatUptime(seconds)).toBe(expected);
  });
});

describe('labels', () => {
  it('describes both run modes', () => {
    expect(runModeLabel('demo')).toBe('Demo mode — simulated Twitch & Discord');
    expect(runModeLabel('live')).toBe('Live');
  });

  it('describes both database kinds', () => {
    expect(databaseKindLabel('embedded')).toBe('Embedded Postgres');
    expect(databaseKindLabel('external')).toBe('External Postgres');
  });
});
