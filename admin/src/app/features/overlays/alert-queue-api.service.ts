import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AlertQueueAction,
  type ChannelAlertQueue,
  type StreamEvent,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

import { channelUrl } from '../../core/channels-api.service';

export function alertQueueUrl(channelId: string): string {
  return `${channelUrl(channelId)}/alerts`;
}

/** A channel's alerts overlays: what they hold, and the admin's pause, skip, clear and replay. */
@Injectable({ providedIn: 'root' })
export class AlertQueueApiService {
  private readonly http = inject(HttpClient);

  queue(channelId: string): Observable<ChannelAlertQueue> {
    return this.http.get<ChannelAlertQueue>(alertQueueUrl(channelId));
  }

  act(channelId: string, action: AlertQueueAction): Observable<ChannelAlertQueue> {
    return this.http.post<ChannelAlertQueue>(`${alertQueueUrl(channelId)}/actions`, { action });
  }

  /** Alerts a logged event of the channel again. */
  replay(channelId: string, logId: string): Observable<{ event: StreamEvent }> {
    return this.http.post<{ event: StreamEvent }>(`${alertQueueUrl(channelId)}/replay`, {
      logId,
    });
  }
}
