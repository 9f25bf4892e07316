import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type ArchiveHealth,
  type ArchiveOverview,
  type ArchiveSettings,
  type IssuedLogApiKey,
  type UpdateArchiveSettingsRequest,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

export const ARCHIVE_OVERVIEW_URL = '/api/archive/overview';
export const ARCHIVE_HEALTH_URL = '/api/archive/health';
export const ARCHIVE_SETTINGS_URL = '/api/archive/settings';
export const LOG_API_KEY_URL = `${ARCHIVE_SETTINGS_URL}/log-api-key`;

/** The archive as a whole: the dashboard's overview and health, and its settings (admins). */
@Injectable({ providedIn: 'root' })
export class ArchiveApiService {
  private readonly http = inject(HttpClient);

  overview(): Observable<ArchiveOverview> {
    return this.http.get<ArchiveOverview>(ARCHIVE_OVERVIEW_URL);
  }

  health(): Observable<ArchiveHealth> {
    return this.http.get<ArchiveHealth>(ARCHIVE_HEALTH_URL);
  }

  settings(): Observable<ArchiveSettings> {
    return this.http.get<ArchiveSettings>(ARCHIVE_SETTINGS_URL);
  }

  updateSettings(request: UpdateArchiveSettingsRequest): Observable<ArchiveSettings> {
    return this.http.put<ArchiveSettings>(ARCHIVE_SETTINGS_URL, request);
  }

  /** A new key; the one issued before stops working. The key is in this answer only. */
  issueLogApiKey(): Observable<IssuedLogApiKey> {
    return this.http.post<IssuedLogApiKey>(LOG_API_KEY_URL, null);
  }
}
