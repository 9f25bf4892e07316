import { describe, expect, it } from 'vitest';
import { DISCORD_EPOCH, SnowflakeGenerator } from '../../src/discord/snowflake.js';
import { ManualClock } from '../../src/world/clock.js';

const timeOf = (id: string) => Number(BigInt(id) >> 22n) + DISCORD_EPOCH;

describe(SnowflakeGenerator.name, () => {
  it('puts the creation time in the top bits', () => {
    const now = Date.UTC(2026, 10, 22, 10, 0, 0);
    const sut = new SnowflakeGenerator(new ManualClock(now));

    expect(timeOf(sut.next())).toBe(now);
  });

  it('keeps ids unique and ordered while the clock stands still', () => {
    const sut = new SnowflakeGenerator(new ManualClock(Date.UTC(2026, 10, 22)));

    const ids = Array.from({ length: 10_000 }, () => BigInt(sut.next()));

    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
  });
});
