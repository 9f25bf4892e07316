import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type EventsSettings,
  type EventsSummary,
  type LoggedStreamEvent,
  type Page,
  type StreamEvent,
  type StreamEventQuery,
  type StreamEventType,
  type TestFireRequest,
  type TestFireTarget,
} from '@integron/contracts';
import { type Observable } from 'rxjs';

import { toHttpParams } from './query-params.util';

export const EVENTS_URL = '/api/events';
export const EVENTS_SETTINGS_URL = `${EVENTS_URL}/settings`;
export const EVENTS_SUMMARY_URL = `${EVENTS_URL}/summary`;
export const TEST_SAMPLE_URL = `${EVENTS_URL}/test/sample`;
export const TEST_FIRE_URL = `${EVENTS_URL}/test`;

export function refireUrl(id: string): string {
  return `${EVENTS_URL}/${encodeURIComponent(id)}/refire`;
}

/** A generated payload of one event type, for the test panel to edit. */
export interface SampleEvent {
  type: StreamEventType;
  payload: Record<string, unknown>;
}

/** What firing answers: the event as it went out (`source: 'test'`). */
export interface FiredEvent {
  event: StreamEvent;
}

/**
 * Stream events (subs, gifts, cheers, raids…): the events log and its settings, today's counts,
 * and the test panel's firing (admins).
 */
@Injectable({ providedIn: 'root' })
export class EventsApiService {
  private readonly http = inject(HttpClient);

  list(query: StreamEventQuery): Observable<Page<LoggedStreamEvent>> {
    return this.http.get<Page<LoggedStreamEvent>>(EVENTS_URL, { params: toHttpParams(query) });
  }

  settings(): Observable<EventsSettings> {
    return this.http.get<EventsSettings>(EVENTS_SETTINGS_URL);
  }

  updateSettings(settings: EventsSettings): Observable<EventsSettings> {
    return this.http.put<EventsSettings>(EVENTS_SETTINGS_URL, settings);
  }

  /** How many of each event since `since` (the server's default: today, UTC); tests left out. */
  summary(since?: string): Observable<EventsSummary> {
    return this.http.get<EventsSummary>(EVENTS_SUMMARY_URL, { params: toHttpParams({ since }) });
  }

  sample(type: StreamEventType): Observable<SampleEvent> {
    return this.http.get<SampleEvent>(TEST_SAMPLE_URL, { params: toHttpParams({ type }) });
  }

  fire(request: TestFireRequest): Observable<FiredEvent> {
    return this.http.post<FiredEvent>(TEST_FIRE_URL, request);
  }

  /** Fires a logged event again, as a test. */
  refire(id: string, target: TestFireTarget): Observable<FiredEvent> {
    return this.http.post<FiredEvent>(refireUrl(id), { target });
  }
}
