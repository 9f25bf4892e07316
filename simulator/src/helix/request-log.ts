import { type RequestHandler } from 'express';
import { type IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
  method: string;
  /** The path as the client sent it, e.g. `/mock/users` or `/auth/token`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The status it was answered with. */
  status: number;
}

/** Every request the server answered, for tests to assert on. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  middleware(): RequestHandler {
    return (req, res, next) => {
      const url = new URL(req.originalUrl, 'http://localhost');
      res.on('finish', () => {
        this.entries.push({
          method: req.method,
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          status: res.statusCode,
        });
      });
      next();
    };
  }

  all(): readonly LoggedRequest[] {
    return [...this.entries];
  }
}
