import { STATUS_CODES } from 'node:http';
import { type ErrorRequestHandler, type Response } from 'express';

/** An api.twitch.tv answer: `{"error":"Unauthorized","status":401,"message":"…"}`. */
export class HelixError extends Error {
  constructor(
    readonly status: number,
    message = '',
  ) {
    super(message);
  }
}

/** An id.twitch.tv answer: `{"status":400,"message":"…"}`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** JSON with Twitch's bare `application/json` content type (twurple compares it verbatim). */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof OAuthError) {
    sendJson(res, error.status, { status: error.status, message: error.message });
  } else if (error instanceof HelixError) {
    sendHelixError(res, error.status, error.message);
  } else if (isClientError(error)) {
    sendHelixError(res, error.status, error.message);
  } else {
    console.error('Simulated Twitch API failed:', error);
    sendHelixError(res, 500, '');
  }
};

function sendHelixError(res: Response, status: number, message: string): void {
  sendJson(res, status, { error: STATUS_CODES[status] ?? 'Error', status, message });
}

/** Body-parser errors and the like: they carry their own 4xx status. */
function isClientError(error: unknown): error is Error & { status: number } {
  const status = error instanceof Error ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}
