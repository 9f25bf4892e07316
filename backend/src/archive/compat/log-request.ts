import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { type Request } from 'express';
import { ListLogsQueryDto, LogsQueryDto } from './dto/logs-query.dto.js';
import { RecentMessagesQueryDto } from './dto/recent-messages-query.dto.js';
import { invalidParameter } from './log-api-error.js';
import { dialectOf, firstValue, type LogDialect, type LogQuery } from './log-dialect.js';

export type LogFormat = 'text' | 'raw' | 'json' | 'jsonBasic' | 'ndjson';

/** A half-open time range `[from, to)`. */
export interface LogRange {
  from: Date;
  to: Date;
}

/** A request to one of the justlog/rustlog log routes, its query understood in its dialect. */
export interface LogApiRequest {
  dialect: LogDialect;
  format: LogFormat;
  reverse: boolean;
  /** `from` and `to`, when both are given. */
  range: LogRange | null;
  limit: number | null;
  offset: number;
  path: string;
  /** The query string as sent, without `?`. */
  rawQuery: string;
}

const UNIX_SECONDS = /^\d+$/;

/** `query` checked against `dto`; parameters the DTO does not know are dropped, as the peers ignore them. */
export function validatedQuery<T extends object>(dto: new () => T, query: LogQuery): T {
  const instance = plainToInstance(dto, { ...query });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length > 0) throw invalidParameter(messagesOf(errors).join('; '));
  return instance;
}

function messagesOf(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}

/** The request's format, order and range, by the rules of its dialect. */
export function parseLogRequest(request: Request): LogApiRequest {
  const dialect = dialectOf(request.query);
  const query = validatedQuery(LogsQueryDto, request.query);
  const has = (name: keyof LogsQueryDto) => name in request.query;
  const on = (name: keyof LogsQueryDto) => has(name) && isRustlogTrue(request.query[name]);
  const url = request.originalUrl;
  const base = {
    dialect,
    path: request.path,
    rawQuery: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '',
    limit: query.limit === undefined ? null : Number(query.limit),
    offset: query.offset === undefined ? 0 : Number(query.offset),
  };
  if (dialect === 'justlog') {
    const json =
      has('json') ||
      query.type === 'json' ||
      request.get('content-type')?.split(';')[0]?.trim() === 'application/json';
    const format: LogFormat = json ? 'json' : has('raw') || query.type === 'raw' ? 'raw' : 'text';
    return { ...base, format, reverse: has('reverse'), range: justlogRange(query) };
  }
  const format: LogFormat = on('raw')
    ? 'raw'
    : on('jsonBasic')
      ? 'jsonBasic'
      : on('json')
        ? 'json'
        : on('ndjson')
          ? 'ndjson'
          : 'text';
  return { ...base, format, reverse: on('reverse'), range: rustlogRange(query) };
}

/** rustlog's boolean parameters: `1`, `true` or empty mean on. */
function isRustlogTrue(value: unknown): boolean {
  const first = firstValue(value);
  return first === '' || first === '1' || first === 'true';
}

/** Unix seconds, both ends included (justlog compares whole seconds). */
function justlogRange(query: LogsQueryDto): LogRange | null {
  if (query.from === undefined || query.to === undefined) return null;
  return {
    from: new Date(Number(query.from) * 1000),
    to: new Date((Number(query.to) + 1) * 1000),
  };
}

/** RFC 3339, end excluded. */
function rustlogRange(query: LogsQueryDto): LogRange | null {
  if (query.from === undefined || query.to === undefined) return null;
  return { from: rfc3339(query.from, 'from'), to: rfc3339(query.to, 'to') };
}

function rfc3339(value: string, name: string): Date {
  const time = UNIX_SECONDS.test(value) ? Number.NaN : Date.parse(value);
  if (Number.isNaN(time))
    throw invalidParameter(`${name} must be an RFC 3339 time, e.g. 2026-11-22T10:00:00Z`);
  return new Date(time);
}

/** The log route's query, understood: `@LogRequestQuery() request: LogApiRequest`. */
export const LogRequestQuery = createParamDecorator(
  (_: unknown, context: ExecutionContext): LogApiRequest =>
    parseLogRequest(context.switchToHttp().getRequest<Request>()),
);

/** `GET /list`'s query, validated. */
export const ListLogsQuery = createParamDecorator(
  (_: unknown, context: ExecutionContext): ListLogsQueryDto =>
    validatedQuery(ListLogsQueryDto, context.switchToHttp().getRequest<Request>().query),
);

/** The recent-messages query, validated. */
export const RecentMessagesQuery = createParamDecorator(
  (_: unknown, context: ExecutionContext): RecentMessagesQueryDto =>
    validatedQuery(RecentMessagesQueryDto, context.switchToHttp().getRequest<Request>().query),
);
