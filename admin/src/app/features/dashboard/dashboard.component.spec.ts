import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import {
  DATABASE_DOWN_REPORT,
  DEMO_HEALTH,
  READY_REPORT,
  SERVICE_UNAVAILABLE,
} from '../../../testing/health.fixtures';
import { HEALTH_URL, READINESS_URL } from '../../core/health-api.service';
import { DashboardComponent } from './dashboard.component';

describe(DashboardComponent.name, () => {
  let fixture: ComponentFixture<DashboardComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      imports: [DashboardComponent],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DashboardComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  function byTestId(id: string): HTMLElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`);
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  it('shows the loading state before the first answer', () => {
    expect(byTestId('readiness')?.dataset['status']).toBe('loading');
    expect(byTestId('service-version')).toBeNull();
    expect(text()).toContain('Checking the Integron server');
  });

  it('shows version, mode, uptime and an Up database for a ready server', () => {
    http.expectOne(HEALTH_URL).flush(DEMO_HEALTH);
    http.expectOne(READINESS_URL).flush(READY_REPORT);
    fixture.detectChanges();

    expect(byTestId('readiness')?.dataset['status']).toBe('ready');
    expect(byTestId('service-version')?.textContent.trim()).toBe('1.4.2');
    expect(byTestId('service-mode')?.textContent.trim()).toBe(
      'Demo mode — simulated Twitch & Discord',
    );
    expect(byTestId('database-status')?.dataset['status']).toBe('up');
    expect(text()).toContain('1 d 2 h');
    expect(text()).toContain('Embedded Postgres');
    expect(text()).toContain('3 ms');
    expect(text()).toContain('Last checked');
  });

  it('shows a 503 report as not ready with the database Down and its error', () => {
    http.expectOne(HEALTH_URL).flush({ ...DEMO_HEALTH, mode: 'live' });
    http.expectOne(READINESS_URL).flush(DATABASE_DOWN_REPORT, SERVICE_UNAVAILABLE);
    fixture.detectChanges();

    expect(byTestId('readiness')?.dataset['status']).toBe('not_ready');
    expect(byTestId('database-status')?.dataset['status']).toBe('down');
    expect(byTestId('database-status')?.textContent.trim()).toBe('Down');
    expect(byTestId('service-mode')?.textContent.trim()).toBe('Live');
    expect(text()).toContain('External Postgres');
    expect(text()).toContain('connect ECONNREFUSED 10.0.0.7:5432');
  });

  it('says the server cannot be reached and retries at once on Retry', () => {
    http.expectOne(HEALTH_URL).error(new ProgressEvent('error'));
    http.expectOne(READINESS_URL);
    fixture.detectChanges();

    expect(byTestId('readiness')?.dataset['status']).toBe('unreachable');
    expect(text()).toContain('Cannot reach the Integron server');
    const retry = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find(
      (button) => button.textContent.trim() === 'Retry',
    );
    expect(retry).toBeDefined();

    retry?.click();
    http.expectOne(HEALTH_URL).flush(DEMO_HEALTH);
    http.expectOne(READINESS_URL).flush(READY_REPORT);
    fixture.detectChanges();

    expect(byTestId('readiness')?.dataset['status']).toBe('ready');
  });

  it('stops polling when the page is left', () => {
    http.expectOne(HEALTH_URL).flush(DEMO_HEALTH);
    http.expectOne(READINESS_URL).flush(READY_REPORT);

    vi.advanceTimersByTime(5_000);
    expect(http.match(HEALTH_URL)).toHaveLength(1);
    http.match(READINESS_URL);

    fixture.destroy();
    vi.advanceTimersByTime(30_000);

    http.expectNone(HEALTH_URL);
    http.expectNone(READINESS_URL);
  });
});
