import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMIN_ROUTES } from '@integron/contracts';
import { NEVER } from 'rxjs';

import { APP_ROUTES } from './app.routes';
import { HealthApiService } from './core/health-api.service';
import { IntegronTitleStrategy } from './core/integron-title.strategy';
import { DashboardComponent } from './features/dashboard/dashboard.component';
import { NotFoundComponent } from './features/not-found/not-found.component';

/** The dashboard polls on arrival; a server that never answers keeps these tests offline. */
const silentHealthApi: Pick<HealthApiService, 'getHealth' | 'getReadiness'> = {
  getHealth: () => NEVER,
  getReadiness: () => NEVER,
};

describe('APP_ROUTES', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(APP_ROUTES),
        { provide: TitleStrategy, useClass: IntegronTitleStrategy },
        { provide: HealthApiService, useValue: silentHealthApi },
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  it('redirects the root to the dashboard, titled from ADMIN_ROUTES', async () => {
    await harness.navigateByUrl('/', DashboardComponent);

    expect(TestBed.inject(Router).url).toBe(`/${ADMIN_ROUTES.dashboard.path}`);
    expect(TestBed.inject(Title).getTitle()).toBe('Dashboard · Integron');
  });

  it('shows "Page not found" with a link back to the dashboard for an unknown path', async () => {
    await harness.navigateByUrl('/no/such/page', NotFoundComponent);
    const page = harness.routeNativeElement;

    expect(page?.querySelector('h1')?.textContent.trim()).toBe('Page not found');
    expect(page?.textContent).toContain('/no/such/page');
    expect(page?.querySelector('a')?.getAttribute('href')).toBe('/dashboard');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Integron');
  });

  it('takes the reader to the dashboard when the 404 link is followed', async () => {
    await harness.navigateByUrl('/missing', NotFoundComponent);

    harness.routeNativeElement?.querySelector('a')?.click();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/dashboard');
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(DashboardComponent);
  });
});
