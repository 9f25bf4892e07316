import { createHash } from 'node:crypto';
import { type RESTRateLimit } from 'discord-api-types/v10';
import { type RequestHandler, type Response } from 'express';
import { type BucketRule, type BucketState, type RateLimiter } from '../rate-limiter.js';
import { findCaller } from './caller.js';

interface Bucket extends BucketRule {
  /** What `X-RateLimit-Bucket` says: opaque, the same for every request of the route. */
  hash: string;
}

const bucket = (name: string, limit: number, windowMs: number): Bucket => ({
  limit,
  windowMs,
  hash: createHash('sha256').update(name).digest('hex').slice(0, 32),
});

/** Per-route limits. */
export const BUCKETS = {
  createMessage: bucket('POST /channels/:id/messages', 5, 5_000),
  editMessage: bucket('PATCH /channels/:id/messages/:id', 5, 5_000),
  deleteMessage: bucket('DELETE /channels/:id/messages/:id', 5, 1_000),
  getMessage: bucket('GET /channels/:id/messages/:id', 50, 1_000),
  executeWebhook: bucket('POST /webhooks/:id/:token', 5, 2_000),
  webhookMessage: bucket('/webhooks/:id/:token/messages/:id', 5, 2_000),
  currentUser: bucket('GET /users/@me', 5, 1_000),
  currentUserGuilds: bucket('GET /users/@me/guilds', 5, 1_000),
  guildChannels: bucket('GET /guilds/:id/channels', 10, 1_000),
  guildRoles: bucket('GET /guilds/:id/roles', 10, 1_000),
};

const GLOBAL_LIMIT: BucketRule = { limit: 50, windowMs: 1_000 };

export type RateLimitScope = 'user' | 'global' | 'shared';

/** The global limit: 50 requests a second for each bot or OAuth2 user. */
export function globalRateLimit(limiter: RateLimiter): RequestHandler {
  return (req, res, next) => {
    const caller = findCaller(req);
    const state = caller && limiter.take(`global:${caller.user.id}`, GLOBAL_LIMIT);
    if (state?.exceeded) sendRateLimited(res, state.resetAfter / 1000, 'global');
    else next();
  };
}

/**
 * A route's bucket, counted per caller and per the resource the named path parameters point at:
 * every answer carries its headers, and an empty bucket answers 429.
 */
export function routeRateLimit<P extends Record<string, string>>(
  limiter: RateLimiter,
  { hash, ...rule }: Bucket,
  ...majorParameters: (keyof P & string)[]
): RequestHandler<P> {
  return (req, res, next) => {
    const caller = findCaller(req)?.user.id ?? 'anonymous';
    const resource = majorParameters.map((name) => req.params[name]).join('/');
    const state = limiter.take(`${caller}:${hash}:${resource}`, rule);
    res.set(bucketHeaders(state, hash));
    if (state.exceeded) sendRateLimited(res, state.resetAfter / 1000, 'user');
    else next();
  };
}

/** A 429 as Discord sends it: `Retry-After` in whole seconds, the body's `retry_after` exact. */
export function sendRateLimited(res: Response, retryAfter: number, scope: RateLimitScope): void {
  res.set({ 'Retry-After': String(Math.ceil(retryAfter)), 'X-RateLimit-Scope': scope });
  if (scope === 'global') res.set('X-RateLimit-Global', 'true');
  const body: RESTRateLimit = {
    message: 'You are being rate limited.',
    retry_after: Number(retryAfter.toFixed(3)),
    global: scope === 'global',
  };
  res.status(429).json(body);
}

function bucketHeaders(state: BucketState, hash: string): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': (state.resetAt / 1000).toFixed(3),
    'X-RateLimit-Reset-After': (state.resetAfter / 1000).toFixed(3),
    'X-RateLimit-Bucket': hash,
  };
}
