import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type SessionMember, type Viewer } from '@integron/contracts';

import { pageOf } from '../../../testing/archive.fixtures';
import { CHANNELS } from '../../../testing/channels.fixtures';
import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import { buttonNamed, byTestId, inOverlay, overlayText } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { ADMIN_PALADIN, MODERATOR_SALLY } from '../../../testing/session.fixtures';
import { signInAs } from '../../../testing/session.testing';
import { COZYCAT_VIEWER, NIGHTOWL_VIEWER } from '../../../testing/stream-events.fixtures';
import { CHANNELS_URL } from '../../core/channels-api.service';
import { userUrl } from '../../core/chatters-api.service';
import { VIEWERS_URL } from './viewers-api.service';
import { VIEWER_SEARCH_DEBOUNCE_MS, ViewersComponent } from './viewers.component';

describe(ViewersComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([
          { path: 'viewers', component: ViewersComponent },
          { path: 'users/:twitchId', children: [] },
        ]),
        { provide: VIEWER_SEARCH_DEBOUNCE_MS, useValue: 0 },
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

  async function stable(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function url(): string {
    return TestBed.inject(Router).url;
  }

  function listRequest(): TestRequest {
    return http.expectOne((request) => request.url === VIEWERS_URL);
  }

  async function open(path = '/viewers', member: SessionMember = MODERATOR_SALLY) {
    await signInAs(member);
    await harness.navigateByUrl(path);
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    return listRequest();
  }

  async function openWith(viewers: Viewer[], path?: string, member?: SessionMember) {
    (await open(path, member)).flush(pageOf(viewers, { limit: 25 }));
    await stable();
  }

  function rows(): HTMLElement[] {
    return [...page().querySelectorAll<HTMLElement>('[data-testid="viewer-row"]')];
  }

  function header(name: string): HTMLElement | undefined {
    return [...page().querySelectorAll<HTMLElement>('th[mat-sort-header]')].find((th) =>
      th.textContent.includes(name),
    );
  }

  it('lists the busiest viewers first with their numbers in each channel', async () => {
    const request = await open();
    expect(request.request.params.get('sort')).toBe('messages');
    expect(request.request.params.get('order')).toBe('desc');
    expect(request.request.params.get('limit')).toBe('25');
    request.flush(pageOf([NIGHTOWL_VIEWER, COZYCAT_VIEWER], { limit: 25 }));
    await stable();

    expect(rows().map((row) => row.dataset['login'])).toEqual(['nightowl', 'cozycat']);
    const [owl, cat] = rows();
    expect(byTestId(owl!, 'viewer-messages')?.textContent.trim()).toBe('1,204');
    expect(byTestId(owl!, 'viewer-bits')?.textContent.trim()).toBe('2,500');
    expect(byTestId(owl!, 'viewer-sub-months')?.textContent.trim()).toBe('12');
    expect(owl?.querySelector('img')?.getAttribute('src')).toBe(NIGHTOWL_VIEWER.profileImageUrl);
    expect(cat?.querySelector('.avatar--initial')?.textContent.trim()).toBe('C');
    expect(owl?.textContent).toContain('TeamCaptain');
    expect(header('Messages')?.getAttribute('aria-sort')).toBe('descending');
    expect(byTestId(page(), 'viewer-delete')).toBeNull();
  });

  it('shows the initial of a viewer whose profile image does not load', async () => {
    await openWith([NIGHTOWL_VIEWER]);

    rows()[0]?.querySelector('img')?.dispatchEvent(new Event('error'));
    await stable();

    expect(rows()[0]?.querySelector('img')).toBeNull();
    expect(rows()[0]?.querySelector('.avatar--initial')?.textContent.trim()).toBe('N');
  });

  it('sorts on the server by the header clicked, most first, then fewest first', async () => {
    await openWith([NIGHTOWL_VIEWER, COZYCAT_VIEWER]);

    header('Bits')?.click();
    await stable();
    expect(url()).toBe('/viewers?sort=bits');
    let request = listRequest();
    expect(request.request.params.get('sort')).toBe('bits');
    expect(request.request.params.get('order')).toBe('desc');
    request.flush(pageOf([NIGHTOWL_VIEWER, COZYCAT_VIEWER], { limit: 25 }));
    await stable();

    header('Bits')?.click();
    await stable();
    expect(url()).toBe('/viewers?sort=bits&order=asc');
    request = listRequest();
    expect(request.request.params.get('order')).toBe('asc');
    request.flush(pageOf([COZYCAT_VIEWER, NIGHTOWL_VIEWER], { limit: 25 }));
    await stable();

    expect(rows().map((row) => row.dataset['login'])).toEqual(['cozycat', 'nightowl']);
    expect(header('Bits')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('searches by name and narrows to one channel, leaving out the channel column', async () => {
    await openWith([NIGHTOWL_VIEWER]);

    const search = byTestId<HTMLInputElement>(page(), 'viewers-search');
    if (search) {
      search.value = ' night ';
      search.dispatchEvent(new Event('input'));
    }
    await vi.waitFor(() => expect(url()).toBe('/viewers?q=night'));
    expect(listRequest().request.params.get('q')).toBe('night');

    await harness.navigateByUrl('/viewers?q=night&channelId=42');
    const request = listRequest();
    expect(request.request.params.get('channelId')).toBe('42');
    request.flush(pageOf([NIGHTOWL_VIEWER], { limit: 25 }));
    await stable();
    expect([...page().querySelectorAll('th')].map((th) => th.textContent.trim())).not.toContain(
      'Channel',
    );
  });

  it('opens the chatter profile from a row', async () => {
    await openWith([NIGHTOWL_VIEWER, COZYCAT_VIEWER]);

    byTestId(rows()[1]!, 'viewer-messages')?.click();
    await stable();

    expect(url()).toBe(`/users/${COZYCAT_VIEWER.user.id}`);
  });

  it('says when no viewer matches the search', async () => {
    await openWith([], '/viewers?q=nobody');

    expect(byTestId(page(), 'viewers-empty')?.textContent).toContain('No viewer matches "nobody"');
  });

  it('says why the viewers could not be loaded, and asks again on Retry', async () => {
    (await open()).flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await stable();

    buttonNamed(byTestId(page(), 'load-error') ?? page(), 'Retry')?.click();
    listRequest().flush(pageOf([COZYCAT_VIEWER], { limit: 25 }));
    await stable();

    expect(rows()).toHaveLength(1);
  });

  it('lets an admin delete a chatter’s archive after confirming, then lists again', async () => {
    await openWith([NIGHTOWL_VIEWER, COZYCAT_VIEWER], '/viewers', ADMIN_PALADIN);

    byTestId(rows()[1]!, 'viewer-delete')?.click();
    await stable();
    expect(url()).toBe('/viewers');
    expect(overlayText()).toContain('deleted for good, in every channel');
    const typed = inOverlay<HTMLInputElement>('delete-confirm-login');
    if (typed) {
      typed.value = 'cozycat';
      typed.dispatchEvent(new Event('input'));
    }
    await stable();
    inOverlay<HTMLButtonElement>('confirm')?.click();
    await stable();

    const deletion = http.expectOne(userUrl(COZYCAT_VIEWER.user.id));
    expect(deletion.request.method).toBe('DELETE');
    deletion.flush(null, { status: 204, statusText: 'No Content' });
    await stable();

    expect(overlayText()).toContain('Deleted everything the archive had of cozycat.');
    listRequest().flush(pageOf([NIGHTOWL_VIEWER], { limit: 25 }));
    await stable();
    expect(rows()).toHaveLength(1);
  });
});
