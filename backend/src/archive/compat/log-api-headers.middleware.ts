import { type NextFunction, type Request, type Response } from 'express';
import { type LogApiFamily } from './log-api-exception.filter.js';
import { dialectOf } from './log-dialect.js';

/** What rustlog's `x-rustlog-capabilities` may say here: ranges of any length, nothing more. */
export const RUSTLOG_CAPABILITIES = 'arbitrary-range-query';

/**
 * Headers the peers send on every answer, redirects and errors included: any origin may read
 * (log sites and web UIs call cross-origin without credentials, so without a preflight), and
 * rustlog answers say what this server can do. Replaces the admin's credentialed CORS headers.
 */
export function logApiHeaders(family: LogApiFamily) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.removeHeader('Access-Control-Allow-Credentials');
    if (family === 'recent-messages') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    } else if (dialectOf(request.query) === 'rustlog') {
      response.setHeader('Access-Control-Expose-Headers', '*');
      response.setHeader('X-Rustlog-Capabilities', RUSTLOG_CAPABILITIES);
    }
    next();
  };
}
