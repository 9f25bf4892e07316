import { LOG_API_KEY_HEADER } from '@integron/contracts';
import {
  applyDecorators,
  Controller,
  Get,
  Param,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiDefaultResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { Public } from '../../auth/auth-policy.js';
import { ListLogsQueryDto, LogsQueryDto } from './dto/logs-query.dto.js';
import { LogApiExceptionFilter } from './log-api-exception.filter.js';
import { LogApiKeyGuard } from './log-api-key.guard.js';
import { dialectOf, DIALECT_RULE } from './log-dialect.js';
import { type LogApiRequest, ListLogsQuery, LogRequestQuery } from './log-request.js';
import { type LogTarget, type LogWho, LogsService } from './logs.service.js';

const ERRORS =
  'Errors are `text/plain`: justlog `could not load logs\\n` (404), `could not find users\\n` (422), ' +
  'a message + `\\n` (400, 401, 403); rustlog `Not found` (404), `Invalid param: …` (400), a message ' +
  '(401, 403). 401/403: the admin made the log APIs need the log API key.';

/** A public log read (unless the admin requires the key), documented with the dialect rule. */
function LogRoute(summary: string, query: typeof LogsQueryDto | typeof ListLogsQueryDto) {
  return applyDecorators(
    Public(),
    ApiOperation({ summary, description: DIALECT_RULE }),
    ApiQuery({ type: query }),
    ApiHeader({
      name: LOG_API_KEY_HEADER,
      required: false,
      description: 'The log API key, when the admin requires it (or `?key=`).',
    }),
    ApiDefaultResponse({ description: ERRORS }),
  );
}

/** A route that answers lines: text, JSON, raw IRC or NDJSON. */
function LinesRoute(summary: string) {
  return applyDecorators(
    LogRoute(summary, LogsQueryDto),
    ApiProduces('text/plain', 'application/json', 'application/x-ndjson'),
    ApiOkResponse({
      description:
        'justlog text `[2006-01-2 15:04:05] #chan user: text\\n`, rustlog `[2006-01-02 15:04:05] #chan user: text\\r\\n`, ' +
        '`?raw` the IRC lines, `?json` `{"messages":[…]}`, rustlog `?jsonBasic`, `?ndjson`.',
    }),
  );
}

/** A route without a date: a range with `from`/`to`, else a redirect to the newest logs. */
function LatestRoute(summary: string) {
  return applyDecorators(
    LinesRoute(summary),
    ApiResponse({
      status: 302,
      description: 'justlog: to today (a channel) or the newest month (a user), query re-encoded.',
    }),
    ApiResponse({ status: 303, description: 'rustlog: to the newest day or month with logs.' }),
  );
}

/** A path in both spellings: `channel/:channel…` by login and `channelid/:channel…` by id. */
function channelPaths(rest = ''): string[] {
  return ['channel', 'channelid'].map((by) => `${by}/:channel${rest}`);
}

/** A user path in the four spellings: channel and user each by login or by id. */
function userPaths(rest = ''): string[] {
  return channelPaths().flatMap((channel) =>
    ['user', 'userid'].map((by) => `${channel}/${by}/:user${rest}`),
  );
}

/** Who a log route names; `channelid` and `userid` in its path mean by id. */
function whoOf(req: Request): { channel: LogWho; user: LogWho | null } {
  const [channelBy, , userBy] = req.path.split('/').slice(1);
  const { channel = '', user } = req.params as { channel?: string; user?: string };
  return {
    channel: { by: channelBy === 'channelid' ? 'id' : 'login', value: channel },
    user: user === undefined ? null : { by: userBy === 'userid' ? 'id' : 'login', value: user },
  };
}

/**
 * The justlog and rustlog log APIs at the server's root, so that their web UIs, log sites and
 * bots work against Integron unmodified. Each route answers in every spelling of its path;
 * user routes come before the channel's day route, which would otherwise take
 * `/channel/x/user/y/random` for a date.
 */
@ApiTags('log APIs: justlog / rustlog')
@Controller()
@UseGuards(LogApiKeyGuard)
@UseFilters(new LogApiExceptionFilter('logs'))
export class LogsController {
  constructor(private readonly logs: LogsService) {}

  @Get('channels')
  @LogRoute('The archived channels: `{"channels":[{"userID","name"}]}`.', LogsQueryDto)
  channels(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.logs.channels(res, dialectOf(req.query));
  }

  @Get('list')
  @LogRoute(
    'The days of a channel, or the months of a user in it, that have logs, newest first.',
    ListLogsQueryDto,
  )
  list(
    @Req() req: Request,
    @ListLogsQuery() query: ListLogsQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.logs.list(res, dialectOf(req.query), query);
  }

  @Get(userPaths('/random'))
  @LinesRoute("A random line of the user's in the channel.")
  userRandom(
    @Req() req: Request,
    @LogRequestQuery() request: LogApiRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.serve(req, res, request, { kind: 'random' });
  }

  @Get(userPaths('/:year/:month'))
  @LinesRoute("A user's lines in the channel in one month (UTC).")
  userMonth(
    @Req() req: Request,
    @Param('year') year: string,
    @Param('month') month: string,
    @LogRequestQuery() request: LogApiRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.serve(req, res, request, { kind: 'month', year, month });
  }

  @Get(userPaths())
  @LatestRoute("A user's lines in the channel from `from` to `to`, else their newest month.")
  userLatest(
    @Req() req: Request,
    @LogRequestQuery() request: LogApiRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.serve(req, res, request, { kind: 'latest' });
  }

  @Get(channelPaths('/random'))
  @LinesRoute('A random line of the channel.')
  channelRandom(
    @Req() req: Request,
    @LogRequestQuery() request: LogApiRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.serve(req, res, request, { kind: 'random' });
  }

  @Get(channelPaths('/:year/:month/:day'))
  @LinesRoute("The channel's lines of one day (UTC).")
  channelDay(
    @Req() req: Request,
    @Param('year') year: string,
    @Param('month') month: string,
    @Param('day') day: string,
    @LogRequestQuery() request: LogApiRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.serve(req, res, request, { kind: 'day', year, month, day });
  }

  @Get(channelPaths())
  @LatestRoute("The channel's lines from `from` to `to`, else (redirect) its newest day.")
  channelLatest(
    @Req() req: Request,
    @LogRequestQuery() request: LogApiRequest,
    @Res() res: Response,
  ): Promise<void> {
    return this.serve(req, res, request, { kind: 'latest' });
  }

  private serve(
    req: Request,
    res: Response,
    request: LogApiRequest,
    when: LogTarget['when'],
  ): Promise<void> {
    return this.logs.serve(res, request, { ...whoOf(req), when });
  }
}
