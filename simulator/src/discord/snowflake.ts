import { type Clock } from '../world/clock.js';

/** The first second of 2015, where Discord's snowflake timestamps start. */
export const DISCORD_EPOCH = 1_420_070_400_000;

const MAX_INCREMENT = 0xfff;

/**
 * Ids as Discord makes them: milliseconds since {@link DISCORD_EPOCH} above a 22-bit counter, so
 * they sort by creation time. With a clock that stands still the counter carries into the next
 * millisecond, which keeps ids unique and ordered.
 */
export class SnowflakeGenerator {
  private lastMs = DISCORD_EPOCH;
  private increment = 0;

  constructor(private readonly clock: Clock) {}

  next(): string {
    const now = this.clock.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.increment = 0;
    } else if (++this.increment > MAX_INCREMENT) {
      this.lastMs += 1;
      this.increment = 0;
    }
    return ((BigInt(this.lastMs - DISCORD_EPOCH) << 22n) | BigInt(this.increment)).toString();
  }
}
