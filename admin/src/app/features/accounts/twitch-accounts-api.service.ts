import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type DeviceConnectFlow,
  type StartDeviceConnectRequest,
  type TwitchAccount,
  type TwitchAccountPurpose,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

export const TWITCH_ACCOUNTS_URL = '/api/twitch-accounts';
export const DEVICE_CONNECT_URL = `${TWITCH_ACCOUNTS_URL}/device`;

/** Full-page navigation target: the backend sends the browser to Twitch and back to this page. */
export function connectUrl(purpose: TwitchAccountPurpose): string {
  return `${TWITCH_ACCOUNTS_URL}/connect?${new URLSearchParams({ purpose }).toString()}`;
}

export function deviceFlowUrl(flowId: string): string {
  return `${DEVICE_CONNECT_URL}/${encodeURIComponent(flowId)}`;
}

export function twitchAccountUrl(id: string): string {
  return `${TWITCH_ACCOUNTS_URL}/${encodeURIComponent(id)}`;
}

/** Typed access to `/api/twitch-accounts` (admins and owners). */
@Injectable({ providedIn: 'root' })
export class TwitchAccountsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<TwitchAccount[]> {
    return this.http.get<TwitchAccount[]>(TWITCH_ACCOUNTS_URL);
  }

  startDeviceConnect(request: StartDeviceConnectRequest): Observable<DeviceConnectFlow> {
    return this.http.post<DeviceConnectFlow>(DEVICE_CONNECT_URL, request);
  }

  deviceFlow(flowId: string): Observable<DeviceConnectFlow> {
    return this.http.get<DeviceConnectFlow>(deviceFlowUrl(flowId));
  }

  disconnect(id: string): Observable<void> {
    return this.http.delete<void>(twitchAccountUrl(id));
  }
}
