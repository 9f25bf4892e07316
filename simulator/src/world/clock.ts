/** Where simulated time comes from; golden tests pin it, everything else uses the real one. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still at `start` unless advanced; for reproducible output. */
export class ManualClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * RFC 3339 in UTC with nanoseconds, as Twitch writes EventSub timestamps
 * (`2026-11-22T10:00:00.123456789Z`). Sub-millisecond digits come from `extraNanos`.
 */
export function rfc3339Nanos(ms: number, extraNanos = 0): string {
  const iso = new Date(ms).toISOString(); // 2026-11-22T10:00:00.123Z
  const nanos = String(extraNanos % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, 23)}${nanos}Z`;
}
