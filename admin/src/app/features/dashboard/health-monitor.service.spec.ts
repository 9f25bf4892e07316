import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type HealthInfo, type ReadinessReport } from '@integron/contracts';

import {
  DATABASE_DOWN_REPORT,
  DEMO_HEALTH,
  INTERNAL_ERROR_BODY,
  READY_REPORT,
  SERVICE_UNAVAILABLE,
} from '../../../testing/health.fixtures';
import { HEALTH_URL, READINESS_URL } from '../../core/health-api.service';
import { HealthMonitor, type HealthState } from './health-monitor.service';

describe(HealthMonitor.name, () => {
  let sut: HealthMonitor;
  let http: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), HealthMonitor],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(HealthMonitor);
  });

  afterEach(() => {
    http.verify();
    vi.useRealTimers();
  });

  function answer(health: HealthInfo, readiness: ReadinessReport, readinessStatus = 200): void {
    http.expectOne(HEALTH_URL).flush(health);
    http
      .expectOne(READINESS_URL)
      .flush(
        readiness,
        readinessStatus === 200 ? undefined : { ...SERVICE_UNAVAILABLE, status: readinessStatus },
      );
  }

  function answered(): Extract<HealthState, { kind: 'answered' }> {
    const state = sut.state();
    if (state.kind !== 'answered') {
      throw new Error(`expected an answered state, got ${state.kind}`);
    }
    return state;
  }

  function unreachableReason(): string {
    const state = sut.state();
    if (state.kind !== 'unreachable') {
      throw new Error(`expected an unreachable state, got ${state.kind}`);
    }
    return state.reason;
  }

  it('is loading until the first answer and asks both endpoints at once', () => {
    expect(sut.readiness()).toBe('loading');

    answer(DEMO_HEALTH, READY_REPORT);

    expect(sut.readiness()).toBe('ready');
  });

  it('keeps the health info and the readiness report of a ready server', () => {
    answer(DEMO_HEALTH, READY_REPORT);

    expect(answered().health.version).toBe('1.4.2');
    expect(answered().readiness.checks.database).toEqual({
      status: 'up',
      kind: 'embedded',
      latencyMs: 3,
    });
  });

  it('shows the report a 503 carries as not_ready instead of failing', () => {
    answer(DEMO_HEALTH, DATABASE_DOWN_REPORT, 503);

    expect(sut.readiness()).toBe('not_ready');
    expect(answered().readiness.checks.database.status).toBe('down');
    expect(answered().readiness.checks.database.error).toBe('connect ECONNREFUSED 10.0.0.7:5432');
  });

  it('is unreachable when the server does not answer, and recovers on a later poll', () => {
    http.expectOne(HEALTH_URL).error(new ProgressEvent('error'));
    expect(http.expectOne(READINESS_URL).cancelled).toBe(true);

    expect(sut.readiness()).toBe('unreachable');
    expect(unreachableReason()).toMatch(/^No answer from the server/);

    vi.advanceTimersByTime(5_000);
    answer(DEMO_HEALTH, READY_REPORT);

    expect(sut.readiness()).toBe('ready');
  });

  it('treats an error that is not a readiness report as unreachable, with its message', () => {
    http.expectOne(HEALTH_URL).flush(DEMO_HEALTH);
    http.expectOne(READINESS_URL).flush(INTERNAL_ERROR_BODY, {
      status: 500,
      statusText: 'Internal Server Error',
    });

    expect(sut.readiness()).toBe('unreachable');
    expect(unreachableReason()).toBe('Something broke inside Integron.');
  });

  it('gives up on a check that hangs longer than the timeout', () => {
    const pending = [http.expectOne(HEALTH_URL), http.expectOne(READINESS_URL)];

    vi.advanceTimersByTime(4_000);

    expect(sut.readiness()).toBe('unreachable');
    expect(unreachableReason()).toBe('The server did not answer in time.');
    expect(pending.every((request) => request.cancelled)).toBe(true);
  });

  it('polls again every 5 seconds', () => {
    answer(DEMO_HEALTH, READY_REPORT);

    vi.advanceTimersByTime(4_999);
    http.expectNone(HEALTH_URL);

    vi.advanceTimersByTime(1);
    answer(
      { ...DEMO_HEALTH, uptimeSeconds: DEMO_HEALTH.uptimeSeconds + 5 },
      DATABASE_DOWN_REPORT,
      503,
    );

    expect(sut.readiness()).toBe('not_ready');
    expect(answered().health.uptimeSeconds).toBe(93_789);
  });

  it('checks at once on retryNow instead of waiting for the next tick', () => {
    http.expectOne(HEALTH_URL).error(new ProgressEvent('error'));
    http.expectOne(READINESS_URL);

    sut.retryNow();
    answer(DEMO_HEALTH, READY_REPORT);

    expect(sut.readiness()).toBe('ready');
  });
});
