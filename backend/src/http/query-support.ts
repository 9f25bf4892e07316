import { type Page, PAGE_LIMIT_DEFAULT, PAGE_TOTAL_CAP, type PageQuery } from '@integron/contracts';
import { ApiError } from './api-error.js';

/** Counting stops one past the cap: enough to tell "10,000" from "10,000+". */
export const COUNT_LIMIT = PAGE_TOTAL_CAP + 1;

export interface TimeRange {
  since: Date | null;
  until: Date | null;
}

/** `since`/`until` as validated ISO strings; refuses an empty or reversed range. */
export function timeRangeOf(since: string | undefined, until: string | undefined): TimeRange {
  const range = {
    since: since === undefined ? null : new Date(since),
    until: until === undefined ? null : new Date(until),
  };
  if (range.since && range.until && range.since >= range.until)
    throw new ApiError(
      'VALIDATION_FAILED',
      'Invalid request: since must be earlier than until (since is inclusive, until exclusive).',
      [{ field: 'since', message: 'since must be earlier than until' }],
    );
  return range;
}

export function pageSliceOf(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.limit ?? PAGE_LIMIT_DEFAULT, offset: query.offset ?? 0 };
}

/** A page, with `counted` (from a count that stopped at `COUNT_LIMIT`) as its total. */
export function pageOf<T>(
  items: T[],
  counted: number,
  slice: { limit: number; offset: number },
): Page<T> {
  const totalCapped = counted > PAGE_TOTAL_CAP;
  return {
    items,
    total: totalCapped ? PAGE_TOTAL_CAP : counted,
    totalCapped,
    limit: slice.limit,
    offset: slice.offset,
  };
}

/** Collects positional parameters while a query is put together. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** `$n` for `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `WHERE a AND b`, or nothing. */
export function whereOf(conditions: string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}
