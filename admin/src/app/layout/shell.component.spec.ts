import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ADMIN_ROUTES } from '@integron/contracts';

import { byTestId } from '../../testing/overlay.testing';
import { MODERATOR_SALLY, OWNER_CAPTAIN } from '../../testing/session.fixtures';
import { signInAs } from '../../testing/session.testing';
import { AUTH_LOGOUT_URL } from '../core/session.service';
import { THEME_STORAGE_KEY } from '../core/theme.service';
import { ShellComponent } from './shell.component';

describe(ShellComponent.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.classList.remove('theme-light', 'theme-dark');
    TestBed.configureTestingModule({
      imports: [ShellComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
    document.documentElement.classList.remove('theme-light', 'theme-dark');
  });

  async function render(): Promise<ComponentFixture<ShellComponent>> {
    const fixture = TestBed.createComponent(ShellComponent);
    await fixture.whenStable();
    return fixture;
  }

  function host(fixture: ComponentFixture<ShellComponent>): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function navTestIds(fixture: ComponentFixture<ShellComponent>): (string | null)[] {
    return [...host(fixture).querySelectorAll('mat-sidenav a[mat-list-item]')].map((entry) =>
      entry.getAttribute('data-testid'),
    );
  }

  it('shows the product name and who is signed in, with their role', async () => {
    await signInAs(OWNER_CAPTAIN);
    const fixture = await render();

    expect(host(fixture).querySelector('mat-toolbar')?.textContent).toContain('Integron');
    expect(byTestId(host(fixture), 'member-name')?.textContent.trim()).toBe('TeamCaptain');
    expect(byTestId(host(fixture), 'current-member-role')?.textContent.trim()).toBe('Owner');
  });

  it('offers an owner every page of ADMIN_ROUTES, in order', async () => {
    await signInAs(OWNER_CAPTAIN);
    const fixture = await render();

    const entries = [...host(fixture).querySelectorAll('mat-sidenav a[mat-list-item]')].map(
      (entry) => ({
        icon: entry.querySelector('mat-icon')?.textContent.trim(),
        title: entry.querySelector('[matListItemTitle]')?.textContent.trim(),
      }),
    );
    expect(entries).toEqual(
      Object.values(ADMIN_ROUTES).map(({ icon, title }) => ({ icon, title })),
    );
    expect(navTestIds(fixture)).toEqual([
      'nav-dashboard',
      'nav-live',
      'nav-messages',
      'nav-users',
      'nav-moderation',
      'nav-events',
      'nav-viewers',
      'nav-channels',
      'nav-archiveSettings',
      'nav-overlays',
      'nav-overlayKeys',
      'nav-testPanel',
      'nav-accounts',
      'nav-team',
    ]);
  });

  it('offers a moderator only the pages a moderator may open', async () => {
    await signInAs(MODERATOR_SALLY);
    const fixture = await render();

    expect(navTestIds(fixture)).toEqual([
      'nav-dashboard',
      'nav-live',
      'nav-messages',
      'nav-users',
      'nav-moderation',
      'nav-events',
      'nav-viewers',
    ]);
  });

  it('signs out on the server and then shows the sign-in page', async () => {
    await signInAs(OWNER_CAPTAIN);
    const router = TestBed.inject(Router);
    const navigateByUrl = vi.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const fixture = await render();

    byTestId(host(fixture), 'sign-out')?.click();
    const logout = http.expectOne(AUTH_LOGOUT_URL);
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(navigateByUrl).toHaveBeenCalledWith('/sign-in');
    expect(byTestId(host(fixture), 'member-name')).toBeNull();
  });

  it('switches between light and dark and remembers the choice', async () => {
    await signInAs(OWNER_CAPTAIN);
    const fixture = await render();
    const toggle = byTestId<HTMLButtonElement>(host(fixture), 'theme-toggle');
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
