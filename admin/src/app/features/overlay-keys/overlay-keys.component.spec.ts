import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type Channel, type OverlayKey } from '@integron/contracts';

import {
  ALERTS_KEY,
  CAPTAIN_CHANNEL,
  ISSUED_CHAT_KEY,
  RETIRED_CHANNEL,
} from '../../../testing/channels.fixtures';
import { INTERNAL_ERROR_BODY } from '../../../testing/health.fixtures';
import {
  buttonNamed,
  byTestId,
  inOverlay,
  overlayElement,
  overlayText,
} from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { CHANNELS_URL } from '../../core/channels-api.service';
import {
  channelOverlayKeysUrl,
  overlayKeyUrl,
  rotateOverlayKeyUrl,
} from './overlay-keys-api.service';
import { OverlayKeysComponent } from './overlay-keys.component';

describe(OverlayKeysComponent.name, () => {
  let fixture: ComponentFixture<OverlayKeysComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [OverlayKeysComponent],
      providers: [...pageTestProviders()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  /** The page once the server listed `channels`, and the keys of the one it picked. */
  async function render(channels: Channel[], keys?: OverlayKey[]): Promise<void> {
    fixture = TestBed.createComponent(OverlayKeysComponent);
    fixture.detectChanges();
    http.expectOne(CHANNELS_URL).flush(channels);
    if (keys) {
      http.expectOne(channelOverlayKeysUrl(CAPTAIN_CHANNEL.id)).flush(keys);
    }
    await fixture.whenStable();
  }

  function page(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function keyNames(): string[] {
    return [...page().querySelectorAll('tr[mat-row] .name')].map((cell) => cell.textContent.trim());
  }

  async function typeName(name: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(page(), 'key-name');
    if (input) {
      input.value = name;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  it('points to adding a channel when there are none', async () => {
    await render([]);

    const empty = byTestId(page(), 'channels-empty');
    expect(empty?.textContent).toContain('No channels yet — add one first');
    expect(empty?.querySelector('a')?.getAttribute('href')).toBe('/team-channels');
  });

  it('says why the channels could not be loaded, and loads them again on Retry', async () => {
    fixture = TestBed.createComponent(OverlayKeysComponent);
    fixture.detectChanges();
    http
      .expectOne(CHANNELS_URL)
      .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();
    expect(byTestId(page(), 'load-error')?.textContent).toContain('Could not load the channels');

    buttonNamed(page(), 'Retry')?.click();
    http.expectOne(CHANNELS_URL).flush([CAPTAIN_CHANNEL]);
    http.expectOne(channelOverlayKeysUrl(CAPTAIN_CHANNEL.id)).flush([]);
    await fixture.whenStable();

    expect(byTestId(page(), 'keys-empty')?.textContent).toContain(
      'No overlay keys for TeamCaptain yet',
    );
  });

  it('lists the keys of the first active channel: name, prefix, when created and last used', async () => {
    await render([RETIRED_CHANNEL, CAPTAIN_CHANNEL], [ALERTS_KEY]);

    expect(byTestId(page(), 'channel-select')?.textContent).toContain('TeamCaptain');
    expect(keyNames()).toEqual(['Main scene alerts']);
    expect(byTestId(page(), 'key-prefix')?.textContent.trim()).toBe('ovk_3fZq9a…');
    const times = [...page().querySelectorAll('tr[mat-row] time')].map((time) =>
      time.getAttribute('datetime'),
    );
    expect(times).toEqual([ALERTS_KEY.createdAt, ALERTS_KEY.lastUsedAt]);
  });

  it('loads the keys of another channel when it is chosen', async () => {
    await render([RETIRED_CHANNEL, CAPTAIN_CHANNEL], [ALERTS_KEY]);

    byTestId(page(), 'channel-select')
      ?.querySelector<HTMLElement>('.mat-mdc-select-trigger')
      ?.click();
    await fixture.whenStable();
    [...overlayElement().querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => option.textContent.includes('OldShow'))
      ?.click();
    http.expectOne(channelOverlayKeysUrl(RETIRED_CHANNEL.id)).flush([]);
    await fixture.whenStable();

    expect(byTestId(page(), 'keys-empty')?.textContent).toContain(
      'No overlay keys for OldShow yet',
    );
  });

  it('creates a key and shows it, with its overlay URL, once', async () => {
    await render([CAPTAIN_CHANNEL], [ALERTS_KEY]);

    await typeName('  Chat box ');
    byTestId(page(), 'create-key')?.click();
    const request = http.expectOne(channelOverlayKeysUrl(CAPTAIN_CHANNEL.id));
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'Chat box' });
    request.flush(ISSUED_CHAT_KEY);
    await fixture.whenStable();

    expect(inOverlay('issued-key')?.textContent.trim()).toBe(ISSUED_CHAT_KEY.key);
    expect(inOverlay('issued-overlay-url')?.textContent.trim()).toBe(ISSUED_CHAT_KEY.overlayUrl);
    expect(overlayText()).toContain('you will not see this key again');
    expect(overlayElement().querySelectorAll('app-copy-button')).toHaveLength(2);

    inOverlay('issued-key-close')?.click();
    await fixture.whenStable();

    expect(inOverlay('issued-key-dialog')).toBeNull();
    expect(keyNames()).toEqual(['Main scene alerts', 'Chat box']);
    expect(document.body.textContent).not.toContain(ISSUED_CHAT_KEY.key);
    expect(page().textContent).toContain('ovk_Hx81Lm…');
  });

  it('does not close the key dialog on Escape, so the key is not lost by accident', async () => {
    await render([CAPTAIN_CHANNEL], []);

    await typeName('Chat box');
    byTestId(page(), 'create-key')?.click();
    http.expectOne(channelOverlayKeysUrl(CAPTAIN_CHANNEL.id)).flush(ISSUED_CHAT_KEY);
    await fixture.whenStable();
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }),
    );
    await fixture.whenStable();

    expect(inOverlay('issued-key')?.textContent.trim()).toBe(ISSUED_CHAT_KEY.key);
  });

  it("shows the server's reason when a key cannot be created", async () => {
    await render([CAPTAIN_CHANNEL], []);

    await typeName('Chat box');
    byTestId(page(), 'create-key')?.click();
    http
      .expectOne(channelOverlayKeysUrl(CAPTAIN_CHANNEL.id))
      .flush(INTERNAL_ERROR_BODY, { status: 500, statusText: 'Internal Server Error' });
    await fixture.whenStable();

    expect(inOverlay('issued-key-dialog')).toBeNull();
    expect(overlayText()).toContain(
      'Could not create the key "Chat box": Something broke inside Integron.',
    );
  });

  it('rotates a key once confirmed and shows the new one once', async () => {
    await render([CAPTAIN_CHANNEL], [ALERTS_KEY]);

    byTestId(page(), `rotate-${ALERTS_KEY.id}`)?.click();
    await fixture.whenStable();
    expect(overlayText()).toContain('Rotate "Main scene alerts"?');
    inOverlay('confirm')?.click();
    await fixture.whenStable();

    const request = http.expectOne(rotateOverlayKeyUrl(ALERTS_KEY.id));
    expect(request.request.method).toBe('POST');
    request.flush({ ...ISSUED_CHAT_KEY, id: ALERTS_KEY.id, name: ALERTS_KEY.name });
    await fixture.whenStable();

    expect(overlayText()).toContain('Key "Main scene alerts" rotated');
    expect(inOverlay('issued-key')?.textContent.trim()).toBe(ISSUED_CHAT_KEY.key);
    inOverlay('issued-key-close')?.click();
    await fixture.whenStable();
    expect(keyNames()).toEqual(['Main scene alerts']);
    expect(byTestId(page(), 'key-prefix')?.textContent.trim()).toBe('ovk_Hx81Lm…');
  });

  it('revokes a key only once confirmed', async () => {
    await render([CAPTAIN_CHANNEL], [ALERTS_KEY]);

    byTestId(page(), `revoke-${ALERTS_KEY.id}`)?.click();
    await fixture.whenStable();
    buttonNamed(overlayElement(), 'Cancel')?.click();
    await fixture.whenStable();
    http.expectNone(overlayKeyUrl(ALERTS_KEY.id));

    byTestId(page(), `revoke-${ALERTS_KEY.id}`)?.click();
    await fixture.whenStable();
    inOverlay('confirm')?.click();
    await fixture.whenStable();
    const request = http.expectOne(overlayKeyUrl(ALERTS_KEY.id));
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(byTestId(page(), 'keys-empty')).not.toBeNull();
    expect(overlayText()).toContain('Revoked "Main scene alerts".');
  });
});
