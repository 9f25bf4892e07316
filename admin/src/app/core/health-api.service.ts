import { HttpClient, HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type HealthInfo, type ReadinessReport } from '@integron/contracts';
import { type Observable, catchError, of, throwError } from 'rxjs';

export const HEALTH_URL = '/api/health';
export const READINESS_URL = '/api/health/ready';

/** True when `value` looks like the body `/api/health/ready` sends (on 200 and on 503). */
export function isReadinessReport(value: unknown): value is ReadinessReport {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const report = value as Partial<ReadinessReport>;
  return (
    (report.status === 'ready' || report.status === 'not_ready') &&
    typeof report.checkedAt === 'string' &&
    typeof report.checks?.database?.status === 'string'
  );
}

/** Typed access to the backend's health endpoints. */
@Injectable({ providedIn: 'root' })
export class HealthApiService {
  private readonly http = inject(HttpClient);

  getHealth(): Observable<HealthInfo> {
    return this.http.get<HealthInfo>(HEALTH_URL);
  }

  /** The readiness report; a 503 carrying a report is an answer, not a failure. */
  getReadiness(): Observable<ReadinessReport> {
    return this.http
      .get<ReadinessReport>(READINESS_URL)
      .pipe(
        catchError((error: unknown) =>
          error instanceof HttpErrorResponse &&
          error.status === (HttpStatusCode.ServiceUnavailable as number) &&
          isReadinessReport(error.error)
            ? of(error.error)
            : throwError(() => error),
        ),
      );
  }
}
