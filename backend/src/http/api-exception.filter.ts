import { type ApiErrorBody } from '@integron/contracts';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { type Request, type Response } from 'express';
import { loggableUrl, scrubSecrets } from '../logging/secrets.js';
import { ApiError, codeForStatus, httpStatusFor } from './api-error.js';

/** Renders every failure of an HTTP request as an `ApiErrorBody`; internals never leak. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = toApiErrorBody(exception, request);
    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${loggableUrl(request.originalUrl)} failed`,
        scrubSecrets(
          exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
        ),
      );
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }
}

export function toApiErrorBody(exception: unknown, request: Request): ApiErrorBody {
  if (exception instanceof ApiError) {
    return {
      statusCode: httpStatusFor(exception.code),
      code: exception.code,
      message: exception.message,
      ...(exception.details === undefined ? {} : { details: exception.details }),
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const code = codeForStatus(statusCode);
    const message =
      code === 'NOT_FOUND' && statusCode === 404 && isRouteMiss(exception)
        ? `No route ${request.method} ${request.path}. See /api/docs for the API.`
        : messageOf(exception);
    return { statusCode, code, message };
  }
  const bodyParserError = asBodyParserError(exception);
  if (bodyParserError) return bodyParserError;
  return {
    statusCode: 500,
    code: 'INTERNAL_ERROR',
    message:
      'Something went wrong on our side. The X-Request-Id response header identifies this request in the server log.',
  };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function isRouteMiss(exception: HttpException): boolean {
  return /^Cannot [A-Z]+ /.test(messageOf(exception));
}

/** body-parser reports oversized and malformed bodies as errors carrying `type` and `status`. */
function asBodyParserError(exception: unknown): ApiErrorBody | undefined {
  const error = exception as { type?: unknown; status?: unknown; limit?: unknown } | null;
  if (typeof error?.type !== 'string' || typeof error.status !== 'number') return undefined;
  switch (error.type) {
    case 'entity.too.large':
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than the ${String(error.limit)} bytes this endpoint accepts.`,
      };
    case 'entity.parse.failed':
      return {
        statusCode: 400,
        code: 'BAD_REQUEST',
        message: 'The request body is not valid JSON.',
      };
    default:
      return {
        statusCode: error.status,
        code: codeForStatus(error.status),
        message: String(error.type),
      };
  }
}
