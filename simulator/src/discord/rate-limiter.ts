import { type Clock } from '../world/clock.js';

export interface BucketRule {
  limit: number;
  windowMs: number;
}

export interface BucketState {
  limit: number;
  remaining: number;
  /** Epoch ms when the bucket fills up again. */
  resetAt: number;
  /** Milliseconds from now until then. */
  resetAfter: number;
  /** The request found the bucket empty and was not counted. */
  exceeded: boolean;
}

/** Fixed-window buckets, as Discord's: a window opens with its first request and holds `limit`. */
export class RateLimiter {
  private readonly windows = new Map<string, { resetAt: number; used: number }>();

  constructor(private readonly clock: Clock) {}

  take(key: string, { limit, windowMs }: BucketRule): BucketState {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { resetAt: now + windowMs, used: 0 };
      this.windows.set(key, window);
    }
    const exceeded = window.used >= limit;
    if (!exceeded) window.used++;
    return {
      limit,
      remaining: limit - window.used,
      resetAt: window.resetAt,
      resetAfter: window.resetAt - now,
      exceeded,
    };
  }
}
