import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import {
  DELETED_SPAM_MESSAGE,
  EMOJI_EMOTE_MESSAGE,
  HELLO_MESSAGE,
  pageOf,
} from '../../../testing/archive.fixtures';
import { CHANNELS } from '../../../testing/channels.fixtures';
import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import { buttonNamed, byTestId } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { CHANNELS_URL } from '../../core/channels-api.service';
import { MESSAGES_URL } from './messages-api.service';
import { MessagesComponent } from './messages.component';

describe(MessagesComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: pageTestProviders([{ path: 'messages', component: MessagesComponent }]),
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

  function url(): string {
    return TestBed.inject(Router).url;
  }

  function messagesRequest(): TestRequest {
    return http.expectOne((request) => request.url === MESSAGES_URL);
  }

  async function open(path = '/messages'): Promise<TestRequest> {
    await harness.navigateByUrl(path);
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    return messagesRequest();
  }

  async function typeInto(testId: string, value: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(page(), testId);
    if (input) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await harness.fixture.whenStable();
  }

  function rowIds(): (string | null)[] {
    return [...page().querySelectorAll('tr[mat-row]')].map((row) => row.getAttribute('data-id'));
  }

  it('searches with the query of the URL, and fills the form from it', async () => {
    const request = await open(
      '/messages?q=kappa&channelId=42&userId=300001&user=lurkerlou&since=2026-11-22T00:00:00.000Z&includeDeleted=false&offset=50',
    );

    expect(request.request.params.keys().sort()).toEqual([
      'channelId',
      'includeDeleted',
      'limit',
      'offset',
      'q',
      'since',
      'userId',
    ]);
    expect(request.request.params.get('q')).toBe('kappa');
    expect(request.request.params.get('userId')).toBe('300001');
    expect(request.request.params.get('includeDeleted')).toBe('false');
    expect(request.request.params.get('offset')).toBe('50');
    request.flush(pageOf([HELLO_MESSAGE], { total: 51, offset: 50 }));
    await harness.fixture.whenStable();

    expect(byTestId<HTMLInputElement>(page(), 'search-text')?.value).toBe('kappa');
    expect(byTestId<HTMLInputElement>(page(), 'search-user')?.value).toBe('lurkerlou');
    expect(byTestId<HTMLInputElement>(page(), 'search-since')?.value).not.toBe('');
    expect(byTestId(page(), 'search-channel')?.textContent).toContain('TeamCaptain');
  });

  it('shows a progress bar, then the messages with their deletion and links', async () => {
    const request = await open();
    await harness.fixture.whenStable();
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();

    request.flush(pageOf([DELETED_SPAM_MESSAGE, EMOJI_EMOTE_MESSAGE, HELLO_MESSAGE]));
    await harness.fixture.whenStable();

    expect(page().querySelector('mat-progress-bar')).toBeNull();
    expect(rowIds()).toHaveLength(3);
    const [deleted] = page().querySelectorAll('tr[mat-row]');
    expect(deleted?.querySelector('[data-testid="line-deleted"]')?.textContent).toContain(
      'by SpeedrunSally',
    );
    expect(deleted?.querySelector('[data-testid="line-author"]')?.getAttribute('href')).toBe(
      '/users/300002',
    );
    const context = deleted?.querySelector('[data-testid="message-context"]')?.getAttribute('href');
    expect(context).toContain('channelId=42');
    expect(context).toContain(`highlight=${DELETED_SPAM_MESSAGE.twitchMessageId}`);
    expect(context).toContain('since=2026-11-22T10:29:00.000Z');
    expect(context).toContain('until=2026-11-22T10:33:00.000Z');
    expect(byTestId(page(), 'messages-total')?.textContent).toContain('3 messages');
  });

  it('marks the message whose context is shown', async () => {
    (await open(`/messages?channelId=42&highlight=${HELLO_MESSAGE.twitchMessageId}`)).flush(
      pageOf([EMOJI_EMOTE_MESSAGE, HELLO_MESSAGE]),
    );
    await harness.fixture.whenStable();

    const highlighted = page().querySelector('tr.highlight');
    expect(highlighted?.getAttribute('data-id')).toBe(HELLO_MESSAGE.twitchMessageId);
    http.expectNone((request) => request.params.has('highlight'));
  });

  it('puts a new search in the URL and asks for its first page', async () => {
    (await open('/messages?offset=100')).flush(
      pageOf([HELLO_MESSAGE], { total: 500, offset: 100 }),
    );
    await harness.fixture.whenStable();

    await typeInto('search-text', '  hello ');
    byTestId(page(), 'search-submit')?.click();
    await harness.fixture.whenStable();

    const request = messagesRequest();
    expect(request.request.params.get('q')).toBe('hello');
    expect(request.request.params.get('offset')).toBe('0');
    request.flush(pageOf([]));
    await harness.fixture.whenStable();
    expect(url()).toBe('/messages?q=hello');
    expect(byTestId(page(), 'messages-empty')?.textContent).toContain('No messages match');
  });

  it('turns pages, and says "10,000+" when the server stopped counting', async () => {
    (await open()).flush(
      pageOf([HELLO_MESSAGE], { total: 10_000, totalCapped: true, limit: 50, offset: 0 }),
    );
    await harness.fixture.whenStable();

    expect(byTestId(page(), 'messages-total')?.textContent).toContain('10,000+ messages');
    expect(page().querySelector('.mat-mdc-paginator-range-label')?.textContent.trim()).toBe(
      '1 – 50 of 10,000+',
    );

    page().querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')?.click();
    await harness.fixture.whenStable();

    const request = messagesRequest();
    expect(request.request.params.get('offset')).toBe('50');
    request.flush(pageOf([EMOJI_EMOTE_MESSAGE], { total: 10_000, totalCapped: true, offset: 50 }));
    await harness.fixture.whenStable();
    expect(url()).toBe('/messages?offset=50');
    expect(page().querySelector('.mat-mdc-paginator-range-label')?.textContent.trim()).toBe(
      '51 – 100 of 10,000+',
    );
  });

  it('says when nothing is archived yet', async () => {
    (await open()).flush(pageOf([]));
    await harness.fixture.whenStable();

    expect(byTestId(page(), 'messages-empty')?.textContent).toContain('Nothing archived yet');
  });

  it('says why the search failed, and asks again on Retry', async () => {
    (await open('/messages?q=kappa')).flush(INTERNAL_ERROR_BODY, {
      status: 500,
      statusText: 'Internal Server Error',
    });
    await harness.fixture.whenStable();
    expect(byTestId(page(), 'load-error')?.textContent).toContain('Could not search the messages');

    buttonNamed(page(), 'Retry')?.click();
    messagesRequest().flush(pageOf([HELLO_MESSAGE]));
    await harness.fixture.whenStable();

    expect(rowIds()).toEqual([HELLO_MESSAGE.twitchMessageId]);
  });

  it('resets the search to the latest messages', async () => {
    (await open('/messages?q=kappa&channelId=42')).flush(pageOf([]));
    await harness.fixture.whenStable();

    byTestId(page(), 'search-reset')?.click();
    await harness.fixture.whenStable();

    const request = messagesRequest();
    expect(request.request.params.has('q')).toBe(false);
    request.flush(pageOf([HELLO_MESSAGE]));
    await harness.fixture.whenStable();
    expect(url()).toBe('/messages');
  });
});
