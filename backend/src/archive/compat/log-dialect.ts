import { type Request } from 'express';

/**
 * justlog and rustlog serve the same paths in two dialects (day padding, LF vs CRLF, JSON field
 * order, timestamps, `from`/`to`, error bodies, empty results), so the request picks one.
 */
export type LogDialect = 'justlog' | 'rustlog';

/** How the dialect is chosen; said in the OpenAPI description too. */
export const DIALECT_RULE =
  'The justlog and rustlog APIs share these paths; the request picks the dialect of the answer. ' +
  'A request with a parameter only rustlog knows (`jsonBasic`, `ndjson`, `limit`, `offset`) or ' +
  'with `from`/`to` in RFC 3339 is answered as rustlog answers (CRLF, zero-padded days, ' +
  'milliseconds, `Not found`); every other request as justlog does (LF, unpadded days, ' +
  '`from`/`to` in unix seconds, errors ending in a newline).';

const RUSTLOG_ONLY = ['jsonBasic', 'ndjson', 'limit', 'offset'];
const UNIX_SECONDS = /^\d+$/;

export type LogQuery = Request['query'];

/** The dialect `query` asks for, by {@link DIALECT_RULE}. */
export function dialectOf(query: LogQuery): LogDialect {
  if (RUSTLOG_ONLY.some((name) => name in query)) return 'rustlog';
  for (const name of ['from', 'to']) {
    const value = firstValue(query[name]);
    if (value !== undefined && !UNIX_SECONDS.test(value)) return 'rustlog';
  }
  return 'justlog';
}

/** The first value of a query parameter given once or repeated. */
export function firstValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
