import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Channel } from '@integron/contracts';
import { type Observable } from 'rxjs';

export const CHANNELS_URL = '/api/channels';

/** The team's channels (moderators and up); a broadcaster account brings its channel. */
@Injectable({ providedIn: 'root' })
export class ChannelsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<Channel[]> {
    return this.http.get<Channel[]>(CHANNELS_URL);
  }
}
