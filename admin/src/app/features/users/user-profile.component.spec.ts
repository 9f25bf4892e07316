import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { EXPORT_ROWS_HEADER, type SessionMember } from '@integron/contracts';

import {
  BAN_ACTION,
  DELETED_SPAM_MESSAGE,
  EMOJI_EMOTE_MESSAGE,
  HELLO_MESSAGE,
  LOU_NAMES,
  LOU_PROFILE,
  dailyActivity,
  pageOf,
} from '../../../testing/archive.fixtures';
import { ChartRecorder } from '../../../testing/chart.testing';
import { byTestId, inOverlay, overlayElement, overlayText } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { ADMIN_PALADIN, MODERATOR_SALLY } from '../../../testing/session.fixtures';
import { signInAs } from '../../../testing/session.testing';
import {
  userActivityUrl,
  userMessagesUrl,
  userModActionsUrl,
  userNamesUrl,
  userUrl,
} from '../../core/chatters-api.service';
import { EXPORT_FETCH, SAVE_FILE } from './message-export.service';
import { UserProfileComponent } from './user-profile.component';

const LOU = LOU_PROFILE.user.id;

describe(UserProfileComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let fetch: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;
  let save: ReturnType<typeof vi.fn<(file: Blob, filename: string) => void>>;

  beforeEach(async () => {
    fetch = vi.fn<typeof globalThis.fetch>();
    save = vi.fn<(file: Blob, filename: string) => void>();
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([
          { path: 'users', children: [] },
          { path: 'users/:twitchId', component: UserProfileComponent },
        ]),
        { provide: EXPORT_FETCH, useValue: fetch },
        { provide: SAVE_FILE, useValue: save },
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

  function request(url: string): TestRequest {
    return http.expectOne((each) => each.url === url);
  }

  /** Opens Lou's profile as `viewer`, the server answering every part of it. */
  async function open(viewer: SessionMember = MODERATOR_SALLY): Promise<void> {
    await signInAs(viewer);
    await harness.navigateByUrl(`/users/${LOU}`);
    request(userUrl(LOU)).flush(LOU_PROFILE);
    request(userNamesUrl(LOU)).flush(LOU_NAMES);
    request(userActivityUrl(LOU)).flush(dailyActivity(30));
    request(userMessagesUrl(LOU)).flush(
      pageOf([DELETED_SPAM_MESSAGE, EMOJI_EMOTE_MESSAGE, HELLO_MESSAGE], { total: 60, limit: 25 }),
    );
    request(userModActionsUrl(LOU)).flush(pageOf([BAN_ACTION], { limit: 10 }));
    await harness.fixture.whenStable();
  }

  it('shows stats, channels, names and mod actions of the chatter', async () => {
    await open();

    expect(byTestId(page(), 'profile-name')?.textContent.trim()).toBe('LurkerLou');
    expect(byTestId(page(), 'stat-messages')?.textContent.trim()).toBe('1,234');
    expect(byTestId(page(), 'stat-bans')?.textContent.trim()).toBe('1');
    expect(byTestId(page(), 'stat-timeouts')?.textContent.trim()).toBe('2');
    const channels = byTestId(page(), 'profile-channels');
    expect(channels?.querySelectorAll('tr[mat-row]')).toHaveLength(2);
    expect(channels?.querySelector('a')?.getAttribute('href')).toBe(
      '/messages?channelId=42&userId=300001&user=lurkerlou',
    );
    expect(byTestId(page(), 'profile-names')?.textContent).toContain('lou_lurks');
    const actions = byTestId(page(), 'profile-mod-actions');
    expect(actions?.textContent).toContain('Ban');
    expect(actions?.textContent).toContain('Flagged');
    expect(byTestId(page(), 'delete-chatter')).toBeNull();
  });

  it('asks for the activity of the chosen number of days, and charts it', async () => {
    await open();
    const recorder = TestBed.inject(ChartRecorder);
    expect(
      recorder.configIn(byTestId(page(), 'activity-chart'))?.data.datasets[0]?.data,
    ).toHaveLength(30);

    [...(byTestId(page(), 'activity-days')?.querySelectorAll('button') ?? [])]
      .find((button) => button.textContent.includes('90 days'))
      ?.click();
    await harness.fixture.whenStable();
    const asked = request(userActivityUrl(LOU));
    expect(asked.request.params.get('days')).toBe('90');
    asked.flush(dailyActivity(90));
    await harness.fixture.whenStable();

    expect(
      recorder.configIn(byTestId(page(), 'activity-chart'))?.data.datasets[0]?.data,
    ).toHaveLength(90);
  });

  it('pages through the timeline and narrows it to a channel', async () => {
    await open();
    expect(byTestId(page(), 'timeline')?.querySelectorAll('app-chat-message')).toHaveLength(3);

    byTestId(page(), 'timeline-paginator')
      ?.querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')
      ?.click();
    await harness.fixture.whenStable();
    const next = request(userMessagesUrl(LOU));
    expect(next.request.params.get('offset')).toBe('25');
    expect(next.request.params.has('channelId')).toBe(false);
    next.flush(pageOf([HELLO_MESSAGE], { total: 60, limit: 25, offset: 25 }));
    await harness.fixture.whenStable();

    byTestId(page(), 'timeline-channel')
      ?.querySelector<HTMLElement>('.mat-mdc-select-trigger')
      ?.click();
    await harness.fixture.whenStable();
    [...overlayElement().querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => option.textContent.includes('OldShow'))
      ?.click();
    await harness.fixture.whenStable();
    const narrowed = request(userMessagesUrl(LOU));
    expect(narrowed.request.params.get('channelId')).toBe('41');
    expect(narrowed.request.params.get('offset')).toBe('0');
    narrowed.flush(pageOf([]));
    await harness.fixture.whenStable();

    expect(byTestId(page(), 'timeline-empty')).not.toBeNull();
  });

  it('says why the chatter could not be loaded', async () => {
    await signInAs(MODERATOR_SALLY);
    await harness.navigateByUrl('/users/999');
    request(userUrl('999')).flush(
      { statusCode: 404, code: 'NOT_FOUND', message: 'The archive has no chatter with id 999.' },
      { status: 404, statusText: 'Not Found' },
    );
    for (const url of [
      userNamesUrl('999'),
      userActivityUrl('999'),
      userMessagesUrl('999'),
      userModActionsUrl('999'),
    ]) {
      request(url).flush(pageOf([]));
    }
    await harness.fixture.whenStable();

    expect(byTestId(page(), 'load-error')?.textContent).toContain(
      'The archive has no chatter with id 999.',
    );
  });

  it('exports the chosen range with a progress bar, then saves the file', async () => {
    await open();
    let send!: (text: string) => void;
    let end!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        send = (text) => controller.enqueue(new TextEncoder().encode(text));
        end = () => controller.close();
      },
    });
    fetch.mockResolvedValue(new Response(body, { headers: { [EXPORT_ROWS_HEADER]: '4' } }));

    byTestId(page(), 'export-start')?.click();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url] = fetch.mock.calls[0] ?? [];
    expect(typeof url === 'string' ? url : '').toMatch(
      /^\/api\/exports\/messages\?userId=300001&since=.+&until=.+&format=csv$/,
    );

    send('sent_at,text\n1,a\n2,b\n');
    await vi.waitFor(async () => {
      await harness.fixture.whenStable();
      expect(
        byTestId(page(), 'export-progress-text')?.textContent.replace(/\s+/g, ' ').trim(),
      ).toBe('2 of 4 rows');
    });
    expect(
      page()
        .querySelector('[data-testid="export-progress"] mat-progress-bar')
        ?.getAttribute('aria-valuenow'),
    ).toBe('50');

    send('3,c\n4,d\n');
    end();
    await vi.waitFor(() => expect(save).toHaveBeenCalled());
    await harness.fixture.whenStable();

    expect(save.mock.calls[0]?.[1]).toMatch(
      /^lurkerlou-messages-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(byTestId(page(), 'export-progress')).toBeNull();
    expect(overlayText()).toContain('Exported 4 messages of lurkerlou');
  });

  it('lets an admin delete the archive of the chatter once the login is typed, then goes back', async () => {
    await open(ADMIN_PALADIN);

    byTestId(page(), 'delete-chatter')?.click();
    await harness.fixture.whenStable();
    const confirm = inOverlay<HTMLButtonElement>('confirm');
    expect(confirm?.disabled).toBe(true);

    const typed = inOverlay<HTMLInputElement>('delete-confirm-login');
    if (typed) {
      typed.value = 'lurkerlou';
      typed.dispatchEvent(new Event('input'));
    }
    await harness.fixture.whenStable();
    expect(confirm?.disabled).toBe(false);
    confirm?.click();
    await harness.fixture.whenStable();

    const deletion = request(userUrl(LOU));
    expect(deletion.request.method).toBe('DELETE');
    deletion.flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/users');
    expect(overlayText()).toContain('Deleted everything the archive had of lurkerlou.');
  });
});
