import { STATUS_CODES } from 'node:http';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { type Request, type Response } from 'express';
import { assertUnreachable } from '../../common/assert-unreachable.js';
import { ApiError } from '../../http/api-error.js';
import { loggableUrl, scrubSecrets } from '../../logging/secrets.js';
import { LogApiError, type LogApiErrorCode } from './log-api-error.js';
import { dialectOf, type LogDialect } from './log-dialect.js';

/** The justlog/rustlog paths (dialect by request) or recent-messages v2. */
export type LogApiFamily = 'logs' | 'recent-messages';

interface ErrorAnswer {
  status: number;
  contentType: string;
  body: string;
}

const TEXT = 'text/plain; charset=utf-8';

/**
 * Renders every failure of a log API request the way the peer's clients expect it: justlog as
 * `text/plain` ending in a newline, rustlog as `text/plain` without one, recent-messages as its
 * JSON error body. Internals never leak.
 */
@Catch()
export class LogApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('LogApis');

  constructor(private readonly family: LogApiFamily) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const error = asLogApiError(exception);
    if (error.code === 'internal') {
      this.logger.error(
        `${request.method} ${loggableUrl(request.originalUrl)} failed`,
        scrubSecrets(
          exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
        ),
      );
    }
    // Failed while streaming: the client must not take a cut-off log for a whole one.
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const answer =
      this.family === 'recent-messages'
        ? recentMessagesError(error)
        : logsError(dialectOf(request.query), error);
    response.status(answer.status);
    response.setHeader('Content-Type', answer.contentType);
    response.removeHeader('Cache-Control');
    response.end(answer.body);
  }
}

function asLogApiError(exception: unknown): LogApiError {
  if (exception instanceof LogApiError) return exception;
  if (exception instanceof ApiError) {
    switch (exception.code) {
      case 'BAD_REQUEST':
      case 'VALIDATION_FAILED':
      case 'PAYLOAD_TOO_LARGE':
        return new LogApiError('invalid_parameter', exception.message);
      case 'UNAUTHORIZED':
        return new LogApiError('key_required', exception.message);
      case 'FORBIDDEN':
        return new LogApiError('key_rejected', exception.message);
      case 'NOT_FOUND':
        return new LogApiError('not_found', exception.message);
      case 'RATE_LIMITED':
        return new LogApiError('rate_limited', exception.message);
      case 'CONFLICT':
      case 'SERVICE_UNAVAILABLE':
      case 'INTERNAL_ERROR':
        return new LogApiError('internal', exception.message);
      default:
        return assertUnreachable(exception.code);
    }
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 429)
      return new LogApiError('rate_limited', 'Too many requests: slow down and try again.');
    if (status === 404) return new LogApiError('not_found', exception.message);
    if (status >= 400 && status < 500)
      return new LogApiError('invalid_parameter', exception.message);
  }
  return new LogApiError('internal', 'Something went wrong on our side.');
}

function statusOf(code: LogApiErrorCode, dialect: LogDialect | 'recent-messages'): number {
  switch (code) {
    case 'invalid_parameter':
    case 'invalid_channel_login':
      return 400;
    case 'key_required':
      return 401;
    case 'key_rejected':
      return 403;
    case 'not_found':
      return 404;
    case 'users_not_found':
      return dialect === 'justlog' ? 422 : 404;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(code);
  }
}

/** justlog: Go's `http.Error` (message + `\n`); rustlog: its `Error` as text, no newline. */
function logsError(dialect: LogDialect, error: LogApiError): ErrorAnswer {
  const status = statusOf(error.code, dialect);
  const text = dialect === 'justlog' ? justlogErrorText(error) : rustlogErrorText(error);
  return { status, contentType: TEXT, body: dialect === 'justlog' ? `${text}\n` : text };
}

function justlogErrorText(error: LogApiError): string {
  switch (error.code) {
    case 'not_found':
      return 'could not load logs';
    case 'users_not_found':
      return 'could not find users';
    case 'internal':
      return 'could not load logs';
    case 'invalid_parameter':
    case 'invalid_channel_login':
    case 'key_required':
    case 'key_rejected':
    case 'rate_limited':
      return error.message;
    default:
      return assertUnreachable(error.code);
  }
}

function rustlogErrorText(error: LogApiError): string {
  switch (error.code) {
    case 'not_found':
    case 'users_not_found':
      return 'Not found';
    case 'internal':
      return 'Internal error';
    case 'invalid_parameter':
    case 'invalid_channel_login':
      return `Invalid param: ${error.message}`;
    case 'key_required':
    case 'key_rejected':
    case 'rate_limited':
      return error.message;
    default:
      return assertUnreachable(error.code);
  }
}

/** recent-messages2's `ApiErrorResponse`: `{status, status_message, error, error_code}`. */
function recentMessagesError(error: LogApiError): ErrorAnswer {
  const status = statusOf(error.code, 'recent-messages');
  const [message, errorCode] = recentMessagesErrorOf(error);
  return {
    status,
    contentType: 'application/json',
    body: JSON.stringify({
      status,
      status_message: STATUS_CODES[status] ?? 'Error',
      error: message,
      error_code: errorCode,
    }),
  };
}

function recentMessagesErrorOf(error: LogApiError): [string, string] {
  switch (error.code) {
    case 'invalid_parameter':
      return [`Invalid or missing query parameters: ${error.message}`, 'invalid_query'];
    case 'invalid_channel_login':
      return [error.message, 'invalid_channel_login'];
    case 'not_found':
    case 'users_not_found':
      return ['Not Found', 'not_found'];
    case 'key_required':
      return [error.message, 'unauthorized'];
    case 'key_rejected':
      return [error.message, 'forbidden'];
    case 'rate_limited':
      return [error.message, 'too_many_requests'];
    case 'internal':
      return ['Internal Server Error', 'internal_server_error'];
    default:
      return assertUnreachable(error.code);
  }
}
