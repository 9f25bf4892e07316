import { type ParamMap, type Params } from '@angular/router';
import { VIEWER_SORTS, type ViewerQuery, type ViewerSort } from '@integron/contracts';

/** The viewers page's list as its URL holds it. */
export interface ViewersView {
  channelId?: string;
  q?: string;
  sort: ViewerSort;
  order: 'asc' | 'desc';
  offset: number;
}

export const VIEWERS_PAGE_SIZE = 25;

export const DEFAULT_VIEWERS_VIEW: ViewersView = { sort: 'messages', order: 'desc', offset: 0 };

function text(params: ParamMap, key: string): string | undefined {
  const value = params.get(key)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function isViewerSort(value: string | null | undefined): value is ViewerSort {
  return (VIEWER_SORTS as readonly (string | null | undefined)[]).includes(value);
}

export function viewFromParams(params: ParamMap): ViewersView {
  const sort = params.get('sort');
  return {
    channelId: text(params, 'channelId'),
    q: text(params, 'q'),
    sort: isViewerSort(sort) ? sort : DEFAULT_VIEWERS_VIEW.sort,
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    offset: Math.max(0, Math.floor(Number(params.get('offset')) || 0)),
  };
}

/** The URL query of `view`; defaults are left out so links stay short. */
export function viewToParams(view: ViewersView): Params {
  return {
    channelId: view.channelId ?? null,
    q: view.q ?? null,
    sort: view.sort === DEFAULT_VIEWERS_VIEW.sort ? null : view.sort,
    order: view.order === 'asc' ? 'asc' : null,
    offset: view.offset > 0 ? view.offset : null,
  };
}

export function viewersQuery(view: ViewersView): ViewerQuery {
  return {
    channelId: view.channelId,
    q: view.q,
    sort: view.sort,
    order: view.order,
    limit: VIEWERS_PAGE_SIZE,
    offset: view.offset,
  };
}
