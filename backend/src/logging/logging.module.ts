import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;
const QUIET_PATHS = ['/api/health', '/metrics'];
/** Query parameters that carry credentials: overlay keys, OAuth codes and states. */
const SECRET_QUERY_PARAMS = ['key', 'code', 'state', 'token', 'access_token'];

/** The request URL as logged: secret query values replaced. */
export function loggableUrl(url: string | undefined): string | undefined {
  if (!url?.includes('?')) return url;
  const [path, query] = [url.slice(0, url.indexOf('?')), url.slice(url.indexOf('?') + 1)];
  const params = new URLSearchParams(query);
  for (const name of SECRET_QUERY_PARAMS) {
    if (params.has(name)) params.set(name, '[redacted]');
  }
  return `${path}?${params.toString()}`;
}

const SECRET_NAMES = ['client_secret', 'refresh_token', 'access_token', 'code', 'token', 'key'];
const SECRET_ASSIGNMENT = new RegExp(
  `(["']?\\b(?:${SECRET_NAMES.join('|')})["']?\\s*[=:]\\s*["']?)[^&\\s"',}]+`,
  'gi',
);

/**
 * `text` with values of secret-named fields replaced, for error messages and stacks of libraries
 * that quote their requests (twurple does, client secret included).
 */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_ASSIGNMENT, '$1[redacted]');
}

/** Reuses a caller's well-formed `X-Request-Id` (proxies set one), else makes one; echoes it back. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id =
    typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            genReqId: requestId,
            customLogLevel: (req, res, error) => {
              if (error || res.statusCode >= 500) return 'error';
              if (res.statusCode >= 400) return 'warn';
              return QUIET_PATHS.some((path) => req.url?.startsWith(path)) ? 'debug' : 'info';
            },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: loggableUrl(req.url),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
