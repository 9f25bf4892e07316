import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AddChannelRequest,
  type Channel,
  type ChannelStats,
  type UpdateChannelRequest,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

import { toHttpParams } from './query-params.util';

export const CHANNELS_URL = '/api/channels';

export function channelUrl(id: string): string {
  return `${CHANNELS_URL}/${encodeURIComponent(id)}`;
}

export function rejoinChannelUrl(id: string): string {
  return `${channelUrl(id)}/rejoin`;
}

export function channelStatsUrl(id: string): string {
  return `${channelUrl(id)}/stats`;
}

/**
 * The team's channels: moderators list them; admins add (by Twitch login), activate, rejoin and
 * remove them. Removed channels stay in the list, last, with `removedAt` set.
 */
@Injectable({ providedIn: 'root' })
export class ChannelsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<Channel[]> {
    return this.http.get<Channel[]>(CHANNELS_URL);
  }

  get(id: string): Observable<Channel> {
    return this.http.get<Channel>(channelUrl(id));
  }

  /** Adding a removed channel restores it. */
  add(request: AddChannelRequest): Observable<Channel> {
    return this.http.post<Channel>(CHANNELS_URL, request);
  }

  update(id: string, request: UpdateChannelRequest): Observable<Channel> {
    return this.http.patch<Channel>(channelUrl(id), request);
  }

  rejoin(id: string): Observable<void> {
    return this.http.post<void>(rejoinChannelUrl(id), null);
  }

  /** Leaves its chat; its archive is kept. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(channelUrl(id));
  }

  stats(id: string, hours: number): Observable<ChannelStats> {
    return this.http.get<ChannelStats>(channelStatsUrl(id), { params: toHttpParams({ hours }) });
  }
}

/** Channels still on the team (not removed), for pickers and filters. */
export function currentChannels(channels: readonly Channel[]): Channel[] {
  return channels.filter((channel) => channel.removedAt === null);
}
