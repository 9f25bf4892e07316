import { type ErrorRequestHandler, type RequestHandler } from 'express';
import { DiscordError, discordErrors } from '../discord-error.js';

/** Unknown API routes answer like Discord's: 404 with code 0. */
export const apiNotFound: RequestHandler = () => {
  throw discordErrors.notFound();
};

/**
 * Sends {@link DiscordError}s as they are and malformed JSON as 50109; anything else is a bug
 * of the simulator and goes on to Express, which logs it.
 */
export const sendDiscordErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (error instanceof DiscordError) {
    res.status(error.status).json(error.body);
  } else if (isMalformedJson(error)) {
    const { status, body } = discordErrors.invalidJson();
    res.status(status).json(body);
  } else {
    next(error);
  }
};

function isMalformedJson(error: unknown): boolean {
  return error instanceof SyntaxError && 'type' in error && error.type === 'entity.parse.failed';
}
