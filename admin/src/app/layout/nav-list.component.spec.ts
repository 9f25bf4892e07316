import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ADMIN_ROUTES, type AdminRoute } from '@integron/contracts';

import { NavListComponent } from './nav-list.component';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPageComponent {}

const EXTRA_ROUTES: readonly AdminRoute[] = [
  { path: 'archive', title: 'Chat archive', icon: 'forum', minRole: 'moderator' },
  { path: 'overlays', title: 'Overlays', icon: 'layers', minRole: 'admin' },
];

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

  it('renders one entry per ADMIN_ROUTES item, with its icon, title and path', async () => {
    const fixture = TestBed.createComponent(NavListComponent);
    await fixture.whenStable();

    const entries = links(fixture.nativeElement as HTMLElement);
    const expected = Object.values(ADMIN_ROUTES);
    expect(entries).toHaveLength(expected.length);
    entries.forEach((entry, index) => {
      const route = expected[index];
      expect(entry.getAttribute('href')).toBe(`/${route?.path}`);
      expect(entry.querySelector('mat-icon')?.textContent.trim()).toBe(route?.icon);
      expect(entry.querySelector('[matListItemTitle]')?.textContent.trim()).toBe(route?.title);
    });
  });

  it('follows the table it is given', async () => {
    const fixture = TestBed.createComponent(NavListComponent);
    fixture.componentRef.setInput('routes', EXTRA_ROUTES);
    await fixture.whenStable();

    const entries = links(fixture.nativeElement as HTMLElement);
    expect(entries.map((entry) => entry.getAttribute('href'))).toEqual(['/archive', '/overlays']);
    expect(entries.map((entry) => entry.querySelector('[matListItemTitle]')?.textContent)).toEqual([
      'Chat archive',
      'Overlays',
    ]);
  });

  it('highlights the entry of the current page only', async () => {
    const fixture = TestBed.createComponent(NavListComponent);
    fixture.componentRef.setInput('routes', EXTRA_ROUTES);
    await TestBed.inject(Router).navigateByUrl('/overlays');
    await fixture.whenStable();

    const [archive, overlays] = links(fixture.nativeElement as HTMLElement);
    expect(overlays?.getAttribute('aria-current')).toBe('page');
    expect(overlays?.classList).toContain('mdc-list-item--activated');
    expect(archive?.getAttribute('aria-current')).toBeNull();
    expect(archive?.classList).not.toContain('mdc-list-item--activated');
  });
});
