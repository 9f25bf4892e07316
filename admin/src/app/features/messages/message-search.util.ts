import { type ParamMap, type Params } from '@angular/router';
import { type MessageQuery, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '@integron/contracts';

/** The messages page's search as its URL holds it: the API's query, plus what the page shows. */
export interface MessageSearch extends MessageQuery {
  /** Login of `userId`, for the field (the API filters by id). */
  user?: string;
  /** Twitch message id of the line to mark (a message's context). */
  highlight?: string;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;

function nonEmpty(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function whole(value: string | null, fallback: number, max: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
}

export function searchFromParams(params: ParamMap): MessageSearch {
  const limit =
    whole(params.get('limit'), PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX) || PAGE_LIMIT_DEFAULT;
  return {
    q: nonEmpty(params.get('q')),
    channelId: nonEmpty(params.get('channelId')),
    userId: nonEmpty(params.get('userId')),
    user: nonEmpty(params.get('user')),
    since: nonEmpty(params.get('since')),
    until: nonEmpty(params.get('until')),
    includeDeleted: params.get('includeDeleted') !== 'false',
    highlight: nonEmpty(params.get('highlight')),
    limit,
    offset: whole(params.get('offset'), 0, Number.MAX_SAFE_INTEGER),
  };
}

/** The URL query of `search`; defaults are left out so links stay short. */
export function searchToParams(search: MessageSearch): Params {
  return {
    q: search.q ?? null,
    channelId: search.channelId ?? null,
    userId: search.userId ?? null,
    user: search.userId ? (search.user ?? null) : null,
    since: search.since ?? null,
    until: search.until ?? null,
    includeDeleted: search.includeDeleted === false ? 'false' : null,
    highlight: search.highlight ?? null,
    limit: search.limit && search.limit !== PAGE_LIMIT_DEFAULT ? search.limit : null,
    offset: search.offset !== undefined && search.offset > 0 ? search.offset : null,
  };
}

/** What the API is asked: the search without what only the page uses. */
export function apiQuery(search: MessageSearch): MessageQuery {
  const { user: _user, highlight: _highlight, ...query } = search;
  return query;
}

export function isFiltered(search: MessageSearch): boolean {
  const { q, channelId, userId, since, until } = search;
  return (
    [q, channelId, userId, since, until].some((value) => value !== undefined && value !== '') ||
    search.includeDeleted === false
  );
}
