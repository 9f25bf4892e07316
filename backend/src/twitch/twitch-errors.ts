import { scrubSecrets } from '../logging/secrets.js';

/**
 * A failed call to Twitch, fit for a log line: the error's name and HTTP status, nothing else.
 * twurple's messages spell out the whole request, client secret, code and refresh token included,
 * so no HTTP error's message is logged or shown.
 */
export function describeTwitchError(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const status = httpStatusOf(error);
  if (status !== undefined) return `${name} (HTTP ${status})`;
  // Not an answer from Twitch (a database error, say): its message says why, scrubbed to be sure.
  return error instanceof Error ? `${name}: ${scrubSecrets(error.message)}` : name;
}

/** twurple's `HttpStatusCodeError` says `statusCode`; passport's OAuth errors say `status`. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, status } = error as { statusCode?: unknown; status?: unknown };
  if (typeof statusCode === 'number') return statusCode;
  return typeof status === 'number' ? status : undefined;
}
