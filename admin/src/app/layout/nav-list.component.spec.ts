import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ADMIN_ROUTES } from '@integron/contracts';

import { navFor } from '../core/role.util';
import { NavListComponent } from './nav-list.component';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPageComponent {}

describe(NavListComponent.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [NavListComponent],
      providers: [provideRouter([{ path: '**', component: BlankPageComponent }])],
    });
  });

  function links(host: HTMLElement): HTMLAnchorElement[] {
    return [...host.querySelectorAll<HTMLAnchorElement>('a[mat-list-item]')];
  }

  it('renders one entry per ADMIN_ROUTES item, with its icon, title, path and test id', async () => {
    const fixture = TestBed.createComponent(NavListComponent);
    await fixture.whenStable();

    const entries = links(fixture.nativeElement as HTMLElement);
    const expected = Object.entries(ADMIN_ROUTES);
    expect(entries).toHaveLength(expected.length);
    entries.forEach((entry, index) => {
      const [key, route] = expected[index] ?? [];
      expect(entry.getAttribute('href')).toBe(`/${route?.path}`);
      expect(entry.getAttribute('data-testid')).toBe(`nav-${key}`);
      expect(entry.querySelector('mat-icon')?.textContent.trim()).toBe(route?.icon);
      expect(entry.querySelector('[matListItemTitle]')?.textContent.trim()).toBe(route?.title);
    });
  });

  it('follows the entries it is given', async () => {
    const fixture = TestBed.createComponent(NavListComponent);
    fixture.componentRef.setInput('routes', navFor('moderator'));
    await fixture.whenStable();

    const entries = links(fixture.nativeElement as HTMLElement);
    expect(entries.map((entry) => entry.getAttribute('href'))).toEqual([
      '/dashboard',
      '/live',
      '/messages',
      '/users',
      '/moderation',
      '/events',
      '/viewers',
    ]);
  });

  it('highlights the entry of the current page only', async () => {
    const fixture = TestBed.createComponent(NavListComponent);
    await TestBed.inject(Router).navigateByUrl('/overlay-keys');
    await fixture.whenStable();

    const entries = links(fixture.nativeElement as HTMLElement);
    const dashboard = entries.find((entry) => entry.getAttribute('href') === '/dashboard');
    const overlayKeys = entries.find((entry) => entry.getAttribute('href') === '/overlay-keys');
    expect(overlayKeys?.getAttribute('aria-current')).toBe('page');
    expect(overlayKeys?.classList).toContain('mdc-list-item--activated');
    expect(dashboard?.getAttribute('aria-current')).toBeNull();
    expect(dashboard?.classList).not.toContain('mdc-list-item--activated');
  });
});
