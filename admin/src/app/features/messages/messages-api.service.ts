import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type ArchivedMessage, type MessageQuery, type Page } from '@integron/contracts';
import { type Observable } from 'rxjs';

import { toHttpParams } from '../../core/query-params.util';

export const MESSAGES_URL = '/api/messages';

export function messageUrl(twitchMessageId: string): string {
  return `${MESSAGES_URL}/${encodeURIComponent(twitchMessageId)}`;
}

/** Archived messages: filtered lists and full-text search, newest first. */
@Injectable({ providedIn: 'root' })
export class MessagesApiService {
  private readonly http = inject(HttpClient);

  list(query: MessageQuery): Observable<Page<ArchivedMessage>> {
    return this.http.get<Page<ArchivedMessage>>(MESSAGES_URL, { params: toHttpParams(query) });
  }

  get(twitchMessageId: string): Observable<ArchivedMessage> {
    return this.http.get<ArchivedMessage>(messageUrl(twitchMessageId));
  }
}
