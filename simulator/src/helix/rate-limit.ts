import { type RequestHandler, type Response } from 'express';
import { HelixError } from './errors.js';
import { helixToken } from './helix-auth.js';

export interface RateLimitOptions {
  /** Points a bucket holds; every request costs one. */
  points: number;
  /** How long until an emptied bucket is full again. */
  windowMs: number;
}

export const TWITCH_RATE_LIMIT: RateLimitOptions = { points: 800, windowMs: 60_000 };

interface Bucket {
  remaining: number;
  /** Epoch ms. */
  resetsAt: number;
}

/**
 * Helix's rate limit: a bucket per client id and user, reported on every answer. It runs on the
 * wall clock, since twurple waits for `Ratelimit-Reset` by its own.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: RateLimitOptions) {}

  middleware(): RequestHandler {
    return (req, res, next) => {
      const token = helixToken(req);
      const bucket = this.bucket(`${token.clientId}:${token.userId ?? ''}`);
      const granted = bucket.remaining > 0;
      if (granted) bucket.remaining--;
      setRateLimitHeaders(res, this.options.points, bucket);
      if (!granted) throw new HelixError(429);
      next();
    };
  }

  private bucket(key: string): Bucket {
    const now = Date.now();
    const current = this.buckets.get(key);
    if (current && current.resetsAt > now) return current;
    const fresh = { remaining: this.options.points, resetsAt: now + this.options.windowMs };
    this.buckets.set(key, fresh);
    return fresh;
  }
}

export function setRateLimitHeaders(res: Response, limit: number, bucket: Bucket): void {
  res.set({
    'Ratelimit-Limit': String(limit),
    'Ratelimit-Remaining': String(bucket.remaining),
    'Ratelimit-Reset': String(Math.ceil(bucket.resetsAt / 1000)),
  });
}
