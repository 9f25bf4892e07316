import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type ModAction,
  type ModActionContext,
  type ModActionQuery,
  type ModActionStats,
  type Page,
  type ReviewModActionRequest,
  type StatsBucket,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

import { toHttpParams } from './query-params.util';

export const MOD_ACTIONS_URL = '/api/mod-actions';
export const MOD_ACTION_STATS_URL = `${MOD_ACTIONS_URL}/stats`;

export function modActionUrl(id: string): string {
  return `${MOD_ACTIONS_URL}/${encodeURIComponent(id)}`;
}

export function reviewModActionUrl(id: string): string {
  return `${modActionUrl(id)}/review`;
}

export function modActionContextUrl(id: string): string {
  return `${modActionUrl(id)}/context`;
}

export interface ModActionStatsQuery {
  channelId?: string;
  since?: string;
  until?: string;
  bucket: StatsBucket;
}

/** Moderation actions of the team's channels, their stats and their review. */
@Injectable({ providedIn: 'root' })
export class ModActionsApiService {
  private readonly http = inject(HttpClient);

  list(query: ModActionQuery): Observable<Page<ModAction>> {
    return this.http.get<Page<ModAction>>(MOD_ACTIONS_URL, { params: toHttpParams(query) });
  }

  stats(query: ModActionStatsQuery): Observable<ModActionStats> {
    return this.http.get<ModActionStats>(MOD_ACTION_STATS_URL, { params: toHttpParams(query) });
  }

  review(id: string, request: ReviewModActionRequest): Observable<ModAction> {
    return this.http.patch<ModAction>(reviewModActionUrl(id), request);
  }

  /** What the target wrote just before the action, oldest first. */
  context(id: string): Observable<ModActionContext> {
    return this.http.get<ModActionContext>(modActionContextUrl(id));
  }
}
