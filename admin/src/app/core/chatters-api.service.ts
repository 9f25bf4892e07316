import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type ActivityPoint,
  type ArchivedMessage,
  type ChatterProfile,
  type ChatterSummary,
  type MessageQuery,
  type ModAction,
  type ModActionQuery,
  type NameHistoryEntry,
  type Page,
  type PageQuery,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

import { toHttpParams } from './query-params.util';

export const USERS_URL = '/api/users';

export function userUrl(twitchId: string): string {
  return `${USERS_URL}/${encodeURIComponent(twitchId)}`;
}

export function userMessagesUrl(twitchId: string): string {
  return `${userUrl(twitchId)}/messages`;
}

export function userModActionsUrl(twitchId: string): string {
  return `${userUrl(twitchId)}/mod-actions`;
}

export function userNamesUrl(twitchId: string): string {
  return `${userUrl(twitchId)}/names`;
}

export function userActivityUrl(twitchId: string): string {
  return `${userUrl(twitchId)}/activity`;
}

/** What a user's timeline may be narrowed by; the user is in the path. */
export type UserMessagesQuery = Omit<MessageQuery, 'userId'>;
export type UserModActionsQuery = Omit<ModActionQuery, 'targetId'>;

/** Chatters: everyone the archive has seen in the team's channels, by Twitch id. */
@Injectable({ providedIn: 'root' })
export class ChattersApiService {
  private readonly http = inject(HttpClient);

  /** Chatters whose login or display name starts with `q`. */
  search(q: string, page: PageQuery = {}): Observable<Page<ChatterSummary>> {
    return this.http.get<Page<ChatterSummary>>(USERS_URL, {
      params: toHttpParams({ q, ...page }),
    });
  }

  profile(twitchId: string): Observable<ChatterProfile> {
    return this.http.get<ChatterProfile>(userUrl(twitchId));
  }

  messages(twitchId: string, query: UserMessagesQuery): Observable<Page<ArchivedMessage>> {
    return this.http.get<Page<ArchivedMessage>>(userMessagesUrl(twitchId), {
      params: toHttpParams(query),
    });
  }

  modActions(twitchId: string, query: UserModActionsQuery): Observable<Page<ModAction>> {
    return this.http.get<Page<ModAction>>(userModActionsUrl(twitchId), {
      params: toHttpParams(query),
    });
  }

  names(twitchId: string): Observable<NameHistoryEntry[]> {
    return this.http.get<NameHistoryEntry[]>(userNamesUrl(twitchId));
  }

  activity(twitchId: string, days: number): Observable<ActivityPoint[]> {
    return this.http.get<ActivityPoint[]>(userActivityUrl(twitchId), {
      params: toHttpParams({ days }),
    });
  }

  /** Deletes every archived line and action of this chatter (admins); audited. */
  remove(twitchId: string): Observable<void> {
    return this.http.delete<void>(userUrl(twitchId));
  }
}
