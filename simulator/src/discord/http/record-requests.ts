import { type IncomingHttpHeaders } from 'node:http';
import { type RequestHandler } from 'express';
import { type Clock } from '../../world/clock.js';

export interface RecordedRequest {
  /** When it arrived, by the server's clock (epoch ms). */
  time: number;
  method: string;
  /** The full path, e.g. `/api/v10/channels/1/messages`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON or form body; `undefined` when there was none. */
  body: unknown;
  status: number;
}

/** Appends every answered request to `log`, for tests to see what was sent and answered. */
export function recordRequests(log: RecordedRequest[], clock: Clock): RequestHandler {
  return (req, res, next) => {
    const time = clock.now();
    const { method, path, headers } = req;
    const query = Object.fromEntries(
      new URL(req.originalUrl, 'http://discord.invalid').searchParams,
    );
    res.on('finish', () => {
      log.push({
        time,
        method,
        path,
        query,
        headers,
        body: req.body as unknown,
        status: res.statusCode,
      });
    });
    next();
  };
}
