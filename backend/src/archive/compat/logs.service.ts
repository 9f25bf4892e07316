import { Injectable } from '@nestjs/common';
import { type Response } from 'express';
import { assertUnreachable } from '../../common/assert-unreachable.js';
import { LOG_LOGIN, LOG_TWITCH_ID, type ListLogsQueryDto } from './dto/logs-query.dto.js';
import {
  type LinesQuery,
  LogArchive,
  type LogChannel,
  type LogDate,
  type LogScope,
} from './log-archive.service.js';
import { invalidParameter, LogApiError, notFound } from './log-api-error.js';
import { type LogDialect } from './log-dialect.js';
import { logOutput } from './log-formats.js';
import { goEncodeQuery, goRedirect, writeChunk } from './log-http.util.js';
import { type LogLine } from './log-line.types.js';
import { type LogApiRequest, type LogRange } from './log-request.js';

/** A channel or user as the path names it. */
export interface LogWho {
  by: 'login' | 'id';
  value: string;
}

export type LogWhen =
  | { kind: 'latest' }
  | { kind: 'random' }
  | { kind: 'day'; year: string; month: string; day: string }
  | { kind: 'month'; year: string; month: string };

export interface LogTarget {
  channel: LogWho;
  user: LogWho | null;
  when: LogWhen;
}

const HOUR_MS = 3_600_000;
/** justlog's longest `from`/`to` span. */
const JUSTLOG_SPAN_HOURS = { channel: 24, user: 744 };
const YEAR = /^\d{4}$/;
const MONTH_OR_DAY = /^\d{1,2}$/;
const NO_CACHE = 'no-cache';

/**
 * The justlog and rustlog log routes: resolves who the path names, redirects the date-less forms
 * the way each peer does, and streams the lines in the format and dialect the request asks for.
 */
@Injectable()
export class LogsService {
  constructor(private readonly archive: LogArchive) {}

  /** `GET /channels`: the channels being archived. */
  async channels(res: Response, dialect: LogDialect): Promise<void> {
    const channels = await this.archive.listedChannels();
    // The fields in each peer's struct order.
    const listed =
      dialect === 'justlog'
        ? channels.map((channel) => ({ userID: channel.twitchId, name: channel.login }))
        : channels.map((channel) => ({ name: channel.login, userID: channel.twitchId }));
    sendJson(res, dialect, { channels: listed });
  }

  /** `GET /list`: the user's months in the channel, or the channel's days; newest first. */
  async list(res: Response, dialect: LogDialect, query: ListLogsQueryDto): Promise<void> {
    const channel = await this.channelOfList(dialect, query);
    let dates: LogDate[];
    if (query.userid !== undefined || query.user !== undefined) {
      const userId = await this.userOfList(dialect, query);
      dates = await this.archive.userMonths(channel, userId);
    } else {
      dates = await this.archive.channelDays(channel);
    }
    if (dates.length === 0) throw notFound('No logs.');
    sendJson(res, dialect, { availableLogs: dates });
  }

  /** Any log route: redirect, a random line, a day, a month or a range. */
  async serve(res: Response, request: LogApiRequest, target: LogTarget): Promise<void> {
    // justlog sends an uppercase path to its lowercase self before anything else.
    if (request.dialect === 'justlog' && request.path !== request.path.toLowerCase()) {
      goRedirect(
        res,
        302,
        `${request.path.toLowerCase()}?${goEncodeQuery(request.rawQuery)}`,
        'Found',
      );
      return;
    }
    const channel = await this.channel(request.dialect, target.channel);
    const userId = target.user ? await this.user(request.dialect, target.user) : null;
    const scope: LogScope = { channel, userId };
    const { when } = target;
    switch (when.kind) {
      case 'random': {
        const line = await this.archive.randomLine(scope);
        if (!line) throw notFound('No logs.');
        await this.write(res, request, [line], NO_CACHE);
        return;
      }
      case 'day': {
        const range = dayRange(when.year, when.month, when.day);
        await this.stream(res, request, scope, range, cacheFor(request.dialect, range, true));
        return;
      }
      case 'month': {
        const range = monthRange(when.year, when.month);
        await this.stream(res, request, scope, range, cacheFor(request.dialect, range, true));
        return;
      }
      case 'latest':
        if (request.range) {
          if (request.dialect === 'justlog') checkJustlogSpan(request.range, scope);
          const cache = cacheFor(request.dialect, request.range, false);
          await this.stream(
            res,
            request,
            scope,
            request.range,
            cache,
            request.dialect === 'rustlog',
          );
          return;
        }
        await this.redirectToLatest(res, request, scope);
        return;
      default:
        return assertUnreachable(when);
    }
  }

  /**
   * justlog: 302 to today (a channel) or the user's newest month (else this month), the query
   * re-encoded without `from`/`to`. rustlog: 303 to the newest day or month with logs, the query
   * as sent; 404 when there are none.
   */
  private async redirectToLatest(
    res: Response,
    request: LogApiRequest,
    scope: LogScope,
  ): Promise<void> {
    const base = request.path.replace(/\/+$/, '');
    if (request.dialect === 'justlog') {
      const now = new Date();
      let date: LogDate = {
        year: String(now.getUTCFullYear()),
        month: String(now.getUTCMonth() + 1),
        day: String(now.getUTCDate()),
      };
      if (scope.userId !== null)
        date = (await this.archive.userMonths(scope.channel, scope.userId, 1))[0] ?? {
          year: date.year,
          month: date.month,
        };
      const query = goEncodeQuery(request.rawQuery, ['from', 'to']);
      goRedirect(res, 302, `${base}/${datePath(date)}${query ? `?${query}` : ''}`, 'Found');
      return;
    }
    const [latest] =
      scope.userId === null
        ? await this.archive.channelDays(scope.channel, 1)
        : await this.archive.userMonths(scope.channel, scope.userId, 1);
    if (!latest) throw notFound('No logs.');
    const query = request.rawQuery ? `?${request.rawQuery}` : '';
    res.status(303).setHeader('Location', `${base}/${datePath(latest)}${query}`);
    res.end();
  }

  /** The scope's lines in `range`; an empty day or month is a 404 in both dialects. */
  private async stream(
    res: Response,
    request: LogApiRequest,
    scope: LogScope,
    range: LogRange,
    cacheControl: string,
    emptyIsNotFound = true,
  ): Promise<void> {
    const query: LinesQuery = {
      scope,
      range,
      moderation: request.dialect === 'justlog' ? 'clearchat' : 'clearchat-and-clearmsg',
      newestFirst: request.reverse,
      limit: request.limit,
      offset: request.offset,
    };
    const pages = this.archive.lines(query);
    const first = await pages.next();
    const firstPage = first.done ? [] : first.value;
    // rustlog answers every empty result with 404; justlog only a day or month without a file.
    if (firstPage.length === 0 && (emptyIsNotFound || request.dialect === 'rustlog'))
      throw notFound('No logs.');
    await this.write(res, request, firstPage, cacheControl, first.done ? undefined : pages);
  }

  private async write(
    res: Response,
    request: LogApiRequest,
    firstPage: LogLine[],
    cacheControl: string,
    more?: AsyncGenerator<LogLine[]>,
  ): Promise<void> {
    const output = logOutput(request.dialect, request.format);
    res.status(200);
    res.setHeader('Content-Type', output.contentType);
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    let written = 0;
    const writePage = async (page: LogLine[]) => {
      let chunk = '';
      for (const line of page) {
        const text = output.line(line, written);
        if (text === '') continue;
        chunk += text;
        written++;
      }
      return writeChunk(res, chunk);
    };
    if (!(await writeChunk(res, output.head)) || !(await writePage(firstPage))) return;
    if (more) {
      for await (const page of more) {
        if (!(await writePage(page))) {
          await more.return(undefined);
          return;
        }
      }
    }
    res.end(output.tail);
  }

  private async channel(dialect: LogDialect, who: LogWho): Promise<LogChannel> {
    const channel =
      who.by === 'id'
        ? await this.archive.channelByTwitchId(twitchId(who.value, 'channelid'))
        : await this.archive.channelByLogin(login(who.value, 'channel'));
    if (!channel) throw notFound(`No channel ${who.value} in ${dialect} logs.`);
    return channel;
  }

  private async user(dialect: LogDialect, who: LogWho): Promise<string> {
    const userId = await this.userId(who);
    if (userId === null) throw notFound(`No user ${who.value} in ${dialect} logs.`);
    return userId;
  }

  private async userId(who: LogWho): Promise<string | null> {
    if (who.by === 'login') return this.archive.userIdByLogin(login(who.value, 'user'));
    const id = twitchId(who.value, 'userid');
    return (await this.archive.userIdExists(id)) ? id : null;
  }

  private async channelOfList(dialect: LogDialect, query: ListLogsQueryDto): Promise<LogChannel> {
    if (query.channelid !== undefined) {
      const channel = await this.archive.channelByTwitchId(query.channelid);
      if (!channel) throw notFound('No such channel.');
      return channel;
    }
    if (query.channel === undefined) throw invalidParameter('channel or channelid is needed');
    const channel = await this.archive.channelByLogin(query.channel.toLowerCase());
    if (!channel) throw unknownName(dialect);
    return channel;
  }

  private async userOfList(dialect: LogDialect, query: ListLogsQueryDto): Promise<string> {
    if (query.userid !== undefined) {
      if (!(await this.archive.userIdExists(query.userid))) throw notFound('No such user.');
      return query.userid;
    }
    const userId = await this.archive.userIdByLogin(query.user!.toLowerCase());
    if (userId === null) throw unknownName(dialect);
    return userId;
  }
}

/** justlog looks names up on Twitch and answers 422 for one nobody has; rustlog 404. */
function unknownName(dialect: LogDialect): LogApiError {
  return dialect === 'justlog'
    ? new LogApiError('users_not_found', 'could not find users')
    : notFound('No such user or channel.');
}

function login(value: string, name: string): string {
  if (!LOG_LOGIN.test(value))
    throw invalidParameter(
      `${name} must be a Twitch login: 1 to 25 letters, digits or underscores`,
    );
  return value.toLowerCase();
}

function twitchId(value: string, name: string): string {
  if (!LOG_TWITCH_ID.test(value)) throw invalidParameter(`${name} must be a numeric Twitch id`);
  return value;
}

function dayRange(year: string, month: string, day: string): LogRange {
  const from = calendarDate(year, month, day);
  return { from, to: new Date(from.getTime() + 24 * HOUR_MS) };
}

function monthRange(year: string, month: string): LogRange {
  const from = calendarDate(year, month, '1');
  return { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)) };
}

/** Midnight UTC of a real calendar day; zero-padded numbers are accepted. */
function calendarDate(year: string, month: string, day: string): Date {
  const invalid = () => invalidParameter(`Invalid date ${year}/${month}/${day}`);
  if (!YEAR.test(year) || !MONTH_OR_DAY.test(month) || !MONTH_OR_DAY.test(day)) throw invalid();
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw invalid();
  return date;
}

function checkJustlogSpan(range: LogRange, scope: LogScope): void {
  const limit = scope.userId === null ? JUSTLOG_SPAN_HOURS.channel : JUSTLOG_SPAN_HOURS.user;
  // The range's end is one second past `to` (both ends are included).
  const hours = (range.to.getTime() - 1000 - range.from.getTime()) / HOUR_MS;
  if (hours > limit)
    throw invalidParameter(
      `Timespan too big: from and to may be at most ${limit} hours apart for ${scope.userId === null ? 'a channel' : 'a user'}`,
    );
}

/**
 * justlog: a past month's day or month is cached for a year, everything else not at all.
 * rustlog: a range that has ended is cached for ten hours.
 */
function cacheFor(dialect: LogDialect, range: LogRange, dated: boolean): string {
  const now = new Date();
  if (dialect === 'rustlog') return range.to > now ? NO_CACHE : 'public, max-age=36000';
  const thisMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return dated && range.from.getTime() < thisMonth ? 'public, max-age=31536000' : NO_CACHE;
}

function datePath(date: LogDate): string {
  return [date.year, date.month, date.day].filter((part) => part !== undefined).join('/');
}

/** justlog: Go's `application/json; charset=utf-8`; rustlog: axum's `application/json`, cached 10 min. */
function sendJson(res: Response, dialect: LogDialect, body: unknown): void {
  res.status(200);
  if (dialect === 'rustlog') {
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'public, max-age=600');
  } else {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
  }
  res.end(JSON.stringify(body));
}
