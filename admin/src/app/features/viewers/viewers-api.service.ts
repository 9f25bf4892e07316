import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Page, type Viewer, type ViewerQuery } from '@integron/contracts';
import { type Observable } from 'rxjs';

import { toHttpParams } from '../../core/query-params.util';

export const VIEWERS_URL = '/api/viewers';

/** Chatters' standing per channel: messages, bits, sub months, first and last seen. */
@Injectable({ providedIn: 'root' })
export class ViewersApiService {
  private readonly http = inject(HttpClient);

  list(query: ViewerQuery): Observable<Page<Viewer>> {
    return this.http.get<Page<Viewer>>(VIEWERS_URL, { params: toHttpParams(query) });
  }
}
