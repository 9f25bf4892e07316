import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ADMIN_ROUTES } from '@integron/contracts';

import { AppComponent } from './app.component';
import { THEME_STORAGE_KEY } from './core/theme.service';

describe(AppComponent.name, () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.classList.remove('theme-light', 'theme-dark');
    TestBed.configureTestingModule({
      imports: [AppComponent],
      providers: [provideRouter([])],
    });
  });

  afterEach(() => {
    localStorage.clear();
    document.documentElement.classList.remove('theme-light', 'theme-dark');
  });

  it('shows the product name in the toolbar', async () => {
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();

    const toolbar = (fixture.nativeElement as HTMLElement).querySelector('mat-toolbar');
    expect(toolbar?.textContent).toContain('Integron');
  });

  it('builds the sidenav from ADMIN_ROUTES, one entry each', async () => {
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();

    const entries = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll('mat-sidenav a[mat-list-item]'),
    ].map((entry) => ({
      icon: entry.querySelector('mat-icon')?.textContent.trim(),
      title: entry.querySelector('[matListItemTitle]')?.textContent.trim(),
    }));
    expect(entries).toEqual(
      Object.values(ADMIN_ROUTES).map(({ icon, title }) => ({ icon, title })),
    );
  });

  it('switches between light and dark and remembers the choice', async () => {
    const fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
    const toggle = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>(
      '[data-testid="theme-toggle"]',
    );
    const root = document.documentElement;
    // jsdom has no prefers-color-scheme, so the page starts light.
    expect(root.classList).not.toContain('theme-dark');

    toggle?.click();
    await fixture.whenStable();
    expect(root.classList).toContain('theme-dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(toggle?.getAttribute('aria-label')).toBe('Switch to light theme');

    toggle?.click();
    await fixture.whenStable();
    expect(root.classList).toContain('theme-light');
    expect(root.classList).not.toContain('theme-dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });
});
