import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { LOU_SUMMARY, pageOf } from '../../../testing/archive.fixtures';
import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import { buttonNamed, byTestId } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { USERS_URL } from '../../core/chatters-api.service';
import { USER_SEARCH_DEBOUNCE_MS, UsersComponent } from './users.component';

describe(UsersComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([{ path: 'users', component: UsersComponent }]),
        { provide: USER_SEARCH_DEBOUNCE_MS, useValue: 0 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify();
  });

  function page(): HTMLElement {
    return harness.fixture.nativeElement as HTMLElement;
  }

  function searchRequest(): TestRequest {
    return http.expectOne((request) => request.url === USERS_URL);
  }

  it('lists the busiest chatters before any search', async () => {
    await harness.navigateByUrl('/users');

    const request = searchRequest();
    expect(request.request.params.has('q')).toBe(false);
    request.flush(pageOf([LOU_SUMMARY], { limit: 25 }));
    await harness.fixture.whenStable();

    expect(byTestId(page(), 'users-caption')?.textContent).toContain('Busiest chatters');
    expect(byTestId(page(), 'users-table')?.textContent).toContain(LOU_SUMMARY.user.displayName);
  });

  it('searches as the login is typed, and keeps the search in the URL', async () => {
    await harness.navigateByUrl('/users');
    searchRequest().flush(pageOf([]));

    const input = byTestId<HTMLInputElement>(page(), 'user-search');
    if (input) {
      input.value = 'lurk';
      input.dispatchEvent(new Event('input'));
    }
    const request = await vi.waitFor(() => searchRequest());
    expect(request.request.params.get('q')).toBe('lurk');
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();
    request.flush(pageOf([LOU_SUMMARY], { limit: 25 }));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/users?q=lurk');
    const row = page().querySelector('tr[mat-row]');
    expect(row?.getAttribute('data-login')).toBe('lurkerlou');
    expect(row?.textContent).toContain('1,234');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/users/300001');
  });

  it('says when nobody matches', async () => {
    await harness.navigateByUrl('/users?q=zzz');
    searchRequest().flush(pageOf([]));
    await harness.fixture.whenStable();

    expect(byTestId(page(), 'users-empty')?.textContent).toContain('No chatter matches "zzz"');
    expect(byTestId<HTMLInputElement>(page(), 'user-search')?.value).toBe('zzz');
  });

  it('says why the search failed, and searches again on Retry', async () => {
    await harness.navigateByUrl('/users?q=lurk');
    searchRequest().flush(INTERNAL_ERROR_BODY, {
      status: 500,
      statusText: 'Internal Server Error',
    });
    await harness.fixture.whenStable();
    expect(byTestId(page(), 'load-error')?.textContent).toContain('Could not load chatters');

    buttonNamed(page(), 'Retry')?.click();
    searchRequest().flush(pageOf([LOU_SUMMARY]));
    await harness.fixture.whenStable();

    expect(page().querySelectorAll('tr[mat-row]')).toHaveLength(1);
  });

  it('turns pages of results', async () => {
    await harness.navigateByUrl('/users?q=l');
    searchRequest().flush(pageOf([LOU_SUMMARY], { total: 60, limit: 25 }));
    await harness.fixture.whenStable();

    page().querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await harness.fixture.whenStable();

    const request = searchRequest();
    expect(request.request.params.get('offset')).toBe('25');
    request.flush(pageOf([LOU_SUMMARY], { total: 60, limit: 25, offset: 25 }));
  });
});
