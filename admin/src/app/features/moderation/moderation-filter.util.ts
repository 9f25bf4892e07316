import { type ParamMap, type Params } from '@angular/router';
import {
  MOD_ACTION_TYPES,
  type ModActionQuery,
  type ModActionType,
  REVIEW_STATUSES,
  type ReviewStatus,
  type StatsBucket,
} from '@integron/contracts';

import { type ModActionStatsQuery } from '../../core/mod-actions-api.service';

/** Which actions the list shows by review status; the queue (pending) comes first. */
export type StatusFilter = ReviewStatus | 'all';

/** The moderation page's filters as its URL holds them. */
export interface ModerationFilter {
  type?: ModActionType;
  channelId?: string;
  moderatorId?: string;
  /** Login of `moderatorId`, for the field. */
  moderator?: string;
  targetId?: string;
  target?: string;
  status: StatusFilter;
  since?: string;
  until?: string;
  offset: number;
}

export const MODERATION_PAGE_SIZE = 20;
/** Without a `since`, the stats cover this many days. */
export const STATS_DEFAULT_DAYS = 14;
/** Ranges up to this long are charted per hour, longer ones per day. */
const HOURLY_UP_TO_MS = 48 * 3_600_000;

function text(params: ParamMap, key: string): string | undefined {
  const value = params.get(key)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((each) => each === value);
}

export function filterFromParams(params: ParamMap): ModerationFilter {
  const status = text(params, 'status');
  return {
    type: oneOf(text(params, 'type'), MOD_ACTION_TYPES),
    channelId: text(params, 'channelId'),
    moderatorId: text(params, 'moderatorId'),
    moderator: text(params, 'moderator'),
    targetId: text(params, 'targetId'),
    target: text(params, 'target'),
    status: status === 'all' ? 'all' : (oneOf(status, REVIEW_STATUSES) ?? 'pending'),
    since: text(params, 'since'),
    until: text(params, 'until'),
    offset: Math.max(0, Number(params.get('offset')) || 0),
  };
}

export function filterToParams(filter: ModerationFilter): Params {
  return {
    type: filter.type ?? null,
    channelId: filter.channelId ?? null,
    moderatorId: filter.moderatorId ?? null,
    moderator: filter.moderatorId ? (filter.moderator ?? null) : null,
    targetId: filter.targetId ?? null,
    target: filter.targetId ? (filter.target ?? null) : null,
    status: filter.status === 'pending' ? null : filter.status,
    since: filter.since ?? null,
    until: filter.until ?? null,
    offset: filter.offset > 0 ? filter.offset : null,
  };
}

export function listQuery(filter: ModerationFilter): ModActionQuery {
  return {
    type: filter.type,
    channelId: filter.channelId,
    moderatorId: filter.moderatorId,
    targetId: filter.targetId,
    status: filter.status === 'all' ? undefined : filter.status,
    since: filter.since,
    until: filter.until,
    limit: MODERATION_PAGE_SIZE,
    offset: filter.offset,
  };
}

/** The stats of the filtered channel and range: per hour up to two days, else per day. */
export function statsQuery(filter: ModerationFilter, now: Date): ModActionStatsQuery {
  const until = filter.until ?? now.toISOString();
  const since =
    filter.since ??
    new Date(new Date(until).getTime() - STATS_DEFAULT_DAYS * 86_400_000).toISOString();
  const span = new Date(until).getTime() - new Date(since).getTime();
  const bucket: StatsBucket = span <= HOURLY_UP_TO_MS ? 'hour' : 'day';
  return { channelId: filter.channelId, since, until, bucket };
}
