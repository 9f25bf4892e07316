import { type RequestHandler } from 'express';
import { STATUS_CODES } from 'node:http';
import { HelixError, OAuthError } from './errors.js';
import { setRateLimitHeaders } from './rate-limit.js';

interface Fault {
  path: string;
  status: number;
  remaining: number;
}

/** Makes requests fail on purpose, the way a struggling Twitch does. */
export class FaultInjector {
  private faults: Fault[] = [];

  constructor(private readonly rateLimitPoints: number) {}

  /**
   * The next `times` requests to `path` (as the client sends it, e.g. `/mock/users` or
   * `/auth/token`) get `status` and Twitch's error body. A 429 says the bucket is empty until
   * the next second.
   */
  inject(path: string, status: number, times = 1): void {
    this.faults.push({ path, status, remaining: times });
  }

  clear(): void {
    this.faults = [];
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const fault = this.faults.find((candidate) => candidate.path === req.path);
      if (!fault) {
        next();
        return;
      }
      if (--fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault);
      if (fault.status === 429) {
        setRateLimitHeaders(res, this.rateLimitPoints, { remaining: 0, resetsAt: Date.now() });
      }
      throw req.path.startsWith('/auth/')
        ? new OAuthError(fault.status, STATUS_CODES[fault.status] ?? 'Error')
        : new HelixError(fault.status);
    };
  }
}
