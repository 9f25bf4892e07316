import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type ArchiveSettings } from '@integron/contracts';

import { KEEP_FOREVER_SETTINGS } from '../../../testing/archive.fixtures';
import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import { buttonNamed, byTestId, inOverlay, overlayText } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { APP_ORIGIN } from '../../core/app-origin';
import { ARCHIVE_SETTINGS_URL, LOG_API_KEY_URL } from '../../core/archive-api.service';
import { ArchiveSettingsComponent } from './archive-settings.component';

const ORIGIN = 'https://integron.example.org';

const KEYED_SETTINGS: ArchiveSettings = {
  retentionMonths: 6,
  logApiAccess: 'key',
  logApiKeyIssued: true,
};

describe(ArchiveSettingsComponent.name, () => {
  let fixture: ComponentFixture<ArchiveSettingsComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ArchiveSettingsComponent],
      providers: [...pageTestProviders(), { provide: APP_ORIGIN, useValue: ORIGIN }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  async function render(settings?: ArchiveSettings): Promise<void> {
    fixture = TestBed.createComponent(ArchiveSettingsComponent);
    fixture.detectChanges();
    if (settings) {
      http.expectOne(ARCHIVE_SETTINGS_URL).flush(settings);
      await fixture.whenStable();
    }
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function radio(testId: string): HTMLInputElement | null {
    return byTestId(page(), testId)?.querySelector('input[type="radio"]') ?? null;
  }

  async function choose(testId: string): Promise<void> {
    radio(testId)?.click();
    await fixture.whenStable();
  }

  async function typeMonths(value: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(page(), 'retention-months-input');
    if (input) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  function saveButton(): HTMLButtonElement | null {
    return byTestId<HTMLButtonElement>(page(), 'settings-save');
  }

  it('shows a progress bar, then the settings as saved, and the client URLs', async () => {
    await render();
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();

    http.expectOne(ARCHIVE_SETTINGS_URL).flush(KEEP_FOREVER_SETTINGS);
    await fixture.whenStable();

    expect(page().querySelector('mat-progress-bar')).toBeNull();
    expect(radio('retention-forever')?.checked).toBe(true);
    expect(byTestId(page(), 'retention-months-input')).toBeNull();
    expect(byTestId(page(), 'retention-current')?.textContent).toContain('every message is kept');
    expect(radio('access-public')?.checked).toBe(true);
    expect(radio('access-key')?.disabled).toBe(true);
    expect(byTestId(page(), 'access-key-needs-key')).not.toBeNull();
    expect(byTestId(page(), 'key-state')?.textContent).toContain('No key has been issued yet');
    expect(byTestId(page(), 'justlog-url')?.textContent.trim()).toBe(ORIGIN);
    expect(byTestId(page(), 'recent-messages-url')?.textContent.trim()).toBe(
      `${ORIGIN}/api/v2/recent-messages/%1`,
    );
    expect(saveButton()?.disabled).toBe(true);
  });

  it('says why the settings could not be loaded, and loads them again on Retry', async () => {
    await render();
    http
      .expectOne(ARCHIVE_SETTINGS_URL)
      .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();
    expect(byTestId(page(), 'load-error')?.textContent).toContain(
      'Could not load the archive settings',
    );

    buttonNamed(page(), 'Retry')?.click();
    http.expectOne(ARCHIVE_SETTINGS_URL).flush(KEYED_SETTINGS);
    await fixture.whenStable();

    expect(radio('retention-months')?.checked).toBe(true);
    expect(byTestId<HTMLInputElement>(page(), 'retention-months-input')?.value).toBe('6');
  });

  it('keeps only the last months once it is confirmed that older ones are deleted', async () => {
    await render(KEEP_FOREVER_SETTINGS);

    await choose('retention-months');
    await typeMonths('3');
    expect(saveButton()?.disabled).toBe(false);
    saveButton()?.click();
    await fixture.whenStable();
    expect(overlayText()).toContain('Keep only the last 3 months?');
    http.expectNone(ARCHIVE_SETTINGS_URL);

    inOverlay('confirm')?.click();
    await fixture.whenStable();
    const request = http.expectOne(ARCHIVE_SETTINGS_URL);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ retentionMonths: 3, logApiAccess: 'public' });
    request.flush({ ...KEEP_FOREVER_SETTINGS, retentionMonths: 3 });
    await fixture.whenStable();

    expect(byTestId(page(), 'retention-current')?.textContent).toContain(
      'the last 3 months are kept',
    );
    expect(overlayText()).toContain('Saved the archive settings.');
    expect(saveButton()?.disabled).toBe(true);
  });

  it('saves a longer retention, or none, without asking', async () => {
    await render(KEYED_SETTINGS);

    await choose('retention-forever');
    saveButton()?.click();
    await fixture.whenStable();

    const request = http.expectOne(ARCHIVE_SETTINGS_URL);
    expect(request.request.body).toEqual({ retentionMonths: null, logApiAccess: 'key' });
    request.flush({ ...KEYED_SETTINGS, retentionMonths: null });
    await fixture.whenStable();
    expect(byTestId(page(), 'retention-current')?.textContent).toContain('every message is kept');
  });

  it('refuses a retention that is not a whole number of months in range', async () => {
    await render(KEEP_FOREVER_SETTINGS);
    await choose('retention-months');

    await typeMonths('121');
    saveButton()?.click();
    await fixture.whenStable();

    expect(page().querySelector('mat-error')?.textContent).toContain(
      'A whole number of months from 1 to 120.',
    );
    http.expectNone(ARCHIVE_SETTINGS_URL);
  });

  it('puts the form back as saved on Discard', async () => {
    await render(KEYED_SETTINGS);
    await choose('access-public');
    expect(radio('access-public')?.checked).toBe(true);

    byTestId(page(), 'settings-discard')?.click();
    await fixture.whenStable();

    expect(radio('access-key')?.checked).toBe(true);
    expect(byTestId(page(), 'settings-discard')).toBeNull();
  });

  it('tells when the settings could not be saved, and keeps the change in the form', async () => {
    await render(KEYED_SETTINGS);
    await choose('access-public');

    saveButton()?.click();
    http.expectOne(ARCHIVE_SETTINGS_URL).flush(
      {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'Issue a log API key first.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();

    expect(overlayText()).toContain(
      'Could not save the archive settings: Issue a log API key first.',
    );
    expect(radio('access-public')?.checked).toBe(true);
  });

  it('issues the first key, shows it once, and lets access need it', async () => {
    await render(KEEP_FOREVER_SETTINGS);

    byTestId(page(), 'issue-log-key')?.click();
    const request = http.expectOne(LOG_API_KEY_URL);
    expect(request.request.method).toBe('POST');
    request.flush({ key: 'ilk_fresh-key' });
    await fixture.whenStable();

    expect(byTestId(page(), 'issued-log-key')?.textContent.trim()).toBe('ilk_fresh-key');
    expect(page().textContent).toContain('you will not see this key again');
    expect(page().querySelector('button[aria-label="Copy the log API key"]')).not.toBeNull();
    expect(radio('access-key')?.disabled).toBe(false);

    await choose('access-key');
    saveButton()?.click();
    const save = http.expectOne(ARCHIVE_SETTINGS_URL);
    expect(save.request.body).toEqual({ retentionMonths: null, logApiAccess: 'key' });
    save.flush({ ...KEEP_FOREVER_SETTINGS, logApiAccess: 'key', logApiKeyIssued: true });
    await fixture.whenStable();

    expect(byTestId(page(), 'justlog-url')?.textContent.trim()).toBe(`${ORIGIN}?key=ilk_fresh-key`);
    expect(byTestId(page(), 'recent-messages-url')?.textContent.trim()).toBe(
      `${ORIGIN}/api/v2/recent-messages/%1?key=ilk_fresh-key`,
    );

    byTestId(page(), 'hide-log-key')?.click();
    await fixture.whenStable();
    expect(byTestId(page(), 'issued-log-key')).toBeNull();
    expect(byTestId(page(), 'justlog-url')?.textContent.trim()).toBe(`${ORIGIN}?key=YOUR_KEY`);
  });

  it('rotates the key only once confirmed, saying the old one stops working', async () => {
    await render(KEYED_SETTINGS);
    expect(byTestId(page(), 'key-state')?.textContent).toContain('A key has been issued');

    byTestId(page(), 'issue-log-key')?.click();
    await fixture.whenStable();
    expect(overlayText()).toContain('Rotate the log API key?');
    expect(overlayText()).toContain('the current one stops working at once');
    http.expectNone(LOG_API_KEY_URL);

    inOverlay('confirm')?.click();
    await fixture.whenStable();
    http.expectOne(LOG_API_KEY_URL).flush({ key: 'ilk_rotated' });
    await fixture.whenStable();

    expect(byTestId(page(), 'issued-log-key')?.textContent.trim()).toBe('ilk_rotated');
  });

  it('tells when no key could be issued', async () => {
    await render(KEEP_FOREVER_SETTINGS);

    byTestId(page(), 'issue-log-key')?.click();
    http
      .expectOne(LOG_API_KEY_URL)
      .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();

    expect(overlayText()).toContain(
      'Could not issue a log API key: Something broke inside Integron',
    );
    expect(byTestId(page(), 'issued-log-key')).toBeNull();
  });
});
