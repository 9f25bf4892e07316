/**
 * What went wrong with a log API request. Each API family renders it its own way (justlog and
 * rustlog as plain text, recent-messages as JSON); see `log-api-exception.filter.ts`.
 */
export type LogApiErrorCode =
  /** A parameter is malformed or missing (400). */
  | 'invalid_parameter'
  /** recent-messages' own 400 for a login that cannot be a channel. */
  | 'invalid_channel_login'
  /** No such channel, user or logs (404). */
  | 'not_found'
  /** justlog's `/list` for a name nobody has (422). */
  | 'users_not_found'
  /** The log APIs need a key and none was sent (401). */
  | 'key_required'
  /** The key sent is not the log API key (403). */
  | 'key_rejected'
  | 'rate_limited'
  | 'internal';

export class LogApiError extends Error {
  constructor(
    readonly code: LogApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LogApiError';
  }
}

export const notFound = (what: string) => new LogApiError('not_found', what);

export const invalidParameter = (message: string) => new LogApiError('invalid_parameter', message);
