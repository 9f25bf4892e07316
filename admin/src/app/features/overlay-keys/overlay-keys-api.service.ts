import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CreateOverlayKeyRequest,
  type IssuedOverlayKey,
  type OverlayKey,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

import { CHANNELS_URL } from '../../core/channels-api.service';

export function channelOverlayKeysUrl(channelId: string): string {
  return `${CHANNELS_URL}/${encodeURIComponent(channelId)}/overlay-keys`;
}

export function overlayKeyUrl(id: string): string {
  return `/api/overlay-keys/${encodeURIComponent(id)}`;
}

export function rotateOverlayKeyUrl(id: string): string {
  return `${overlayKeyUrl(id)}/rotate`;
}

/** Typed access to overlay keys (admins and owners). Create and rotate are the only times a key is sent. */
@Injectable({ providedIn: 'root' })
export class OverlayKeysApiService {
  private readonly http = inject(HttpClient);

  list(channelId: string): Observable<OverlayKey[]> {
    return this.http.get<OverlayKey[]>(channelOverlayKeysUrl(channelId));
  }

  create(channelId: string, request: CreateOverlayKeyRequest): Observable<IssuedOverlayKey> {
    return this.http.post<IssuedOverlayKey>(channelOverlayKeysUrl(channelId), request);
  }

  rotate(id: string): Observable<IssuedOverlayKey> {
    return this.http.post<IssuedOverlayKey>(rotateOverlayKeyUrl(id), null);
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(overlayKeyUrl(id));
  }
}

/** The key as the list keeps it: the secret and its URL are shown once, never stored. */
export function withoutSecret(issued: IssuedOverlayKey): OverlayKey {
  const { id, channelId, name, prefix, createdAt, lastUsedAt } = issued;
  return { id, channelId, name, prefix, createdAt, lastUsedAt };
}
