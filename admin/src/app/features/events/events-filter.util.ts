import { type ParamMap, type Params } from '@angular/router';
import {
  STREAM_EVENT_TYPES,
  type StreamEventQuery,
  type StreamEventType,
} from '@integron/contracts';

/** The events page's filters as its URL holds them. */
export interface EventsFilter {
  /** None chosen: every type. */
  types: StreamEventType[];
  channelId?: string;
  /** The start of the login of the user an event is about. */
  user?: string;
  since?: string;
  until?: string;
  includeTests: boolean;
  offset: number;
}

export const EVENTS_PAGE_SIZE = 25;

/** What the API takes as a user: (the start of) a Twitch login. */
export const USER_PREFIX_PATTERN = /^\w{1,25}$/;

export const NO_EVENTS_FILTER: EventsFilter = { types: [], includeTests: true, offset: 0 };

function text(params: ParamMap, key: string): string | undefined {
  const value = params.get(key)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function isType(value: string): value is StreamEventType {
  return (STREAM_EVENT_TYPES as readonly string[]).includes(value);
}

export function filterFromParams(params: ParamMap): EventsFilter {
  const types = (text(params, 'types') ?? '').split(',').filter(isType);
  const user = text(params, 'user')?.toLowerCase();
  return {
    // In the route table's order, whatever order the URL had them in.
    types: STREAM_EVENT_TYPES.filter((type) => types.includes(type)),
    channelId: text(params, 'channelId'),
    user: user !== undefined && USER_PREFIX_PATTERN.test(user) ? user : undefined,
    since: text(params, 'since'),
    until: text(params, 'until'),
    includeTests: params.get('includeTests') !== 'false',
    offset: Math.max(0, Math.floor(Number(params.get('offset')) || 0)),
  };
}

/** The URL query of `filter`; defaults are left out so links stay short. */
export function filterToParams(filter: EventsFilter): Params {
  return {
    types: filter.types.length > 0 ? filter.types.join(',') : null,
    channelId: filter.channelId ?? null,
    user: filter.user ?? null,
    since: filter.since ?? null,
    until: filter.until ?? null,
    includeTests: filter.includeTests ? null : 'false',
    offset: filter.offset > 0 ? filter.offset : null,
  };
}

export function listQuery(filter: EventsFilter, limit = EVENTS_PAGE_SIZE): StreamEventQuery {
  return {
    types: filter.types.length > 0 ? filter.types.join(',') : undefined,
    channelId: filter.channelId,
    user: filter.user,
    since: filter.since,
    until: filter.until,
    includeTests: filter.includeTests ? undefined : false,
    limit,
    offset: filter.offset,
  };
}

export function isFiltered(filter: EventsFilter): boolean {
  const { channelId, user, since, until } = filter;
  return (
    filter.types.length > 0 ||
    !filter.includeTests ||
    [channelId, user, since, until].some((value) => value !== undefined && value !== '')
  );
}

/** Same filters (the page they are on aside). */
export function sameFilters(a: EventsFilter, b: EventsFilter): boolean {
  return (
    JSON.stringify(filterToParams({ ...a, offset: 0 })) ===
    JSON.stringify(filterToParams({ ...b, offset: 0 }))
  );
}
