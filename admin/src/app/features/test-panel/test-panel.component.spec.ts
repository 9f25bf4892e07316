import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type ApiErrorBody, type StreamEventType } from '@integron/contracts';

import {
  BANNED_CHANNEL,
  CAPTAIN_CHANNEL,
  CHANNELS,
  REMOVED_CHANNEL,
} from '../../../testing/channels.fixtures';
import { byTestId, overlayElement, overlayText } from '../../../testing/overlay.testing';
import { pageTestProviders } from '../../../testing/page.testing';
import { GIFT_BOMB, PIXELWOLF } from '../../../testing/stream-events.fixtures';
import { CHANNELS_URL } from '../../core/channels-api.service';
import { TEST_FIRE_URL, TEST_SAMPLE_URL } from '../../core/events-api.service';
import { TestPanelComponent } from './test-panel.component';

const FOLLOW_SAMPLE = { user: PIXELWOLF };
const GIFT_SAMPLE = {
  gifter: PIXELWOLF,
  plan: '1000',
  count: 5,
  recipients: GIFT_BOMB.recipients,
  gifterTotal: 25,
};

const BAD_USER_ID: ApiErrorBody = {
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: 'The payload is not a valid follow event: payload.user.id: Expected string.',
  details: [{ field: 'payload.user.id', message: 'Expected string, received number' }],
};

describe(TestPanelComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: pageTestProviders([
        { path: 'test-panel', component: TestPanelComponent },
        { path: 'events', children: [] },
      ]),
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

  function sampleRequest(type: StreamEventType): TestRequest {
    return http.expectOne(
      (request) => request.url === TEST_SAMPLE_URL && request.params.get('type') === type,
    );
  }

  /** Opens the panel; the server answers the channels and the first type's sample. */
  async function open(): Promise<void> {
    await harness.navigateByUrl('/test-panel');
    http.expectOne(CHANNELS_URL).flush(CHANNELS);
    sampleRequest('follow').flush({ type: 'follow', payload: FOLLOW_SAMPLE });
    await stable();
  }

  function editor(): HTMLTextAreaElement | null {
    return byTestId<HTMLTextAreaElement>(page(), 'payload-editor');
  }

  async function type(text: string): Promise<void> {
    const field = editor();
    if (field) {
      field.value = text;
      field.dispatchEvent(new Event('input'));
    }
    await stable();
  }

  function button(testId: string): HTMLButtonElement | null {
    return byTestId<HTMLButtonElement>(page(), testId);
  }

  it('starts with the first channel and a sample follow, and previews the alert', async () => {
    await open();

    expect(JSON.parse(editor()?.value ?? '')).toEqual(FOLLOW_SAMPLE);
    expect(byTestId(page(), 'test-channel')?.textContent).toContain(CAPTAIN_CHANNEL.displayName);
    expect(byTestId(page(), 'preview-line')?.textContent.trim()).toBe('PixelWolf followed');
    expect(button('test-type-follow')?.getAttribute('aria-pressed')).toBe('true');
    expect(button('send-pipeline')?.disabled).toBe(false);
  });

  it('offers only the channels still on the team', async () => {
    await open();

    byTestId(page(), 'test-channel')?.click();
    await stable();

    const options = [...overlayElement().querySelectorAll('mat-option')].map((option) =>
      option.textContent.trim(),
    );
    expect(options).toContain(BANNED_CHANNEL.displayName);
    expect(options).not.toContain(REMOVED_CHANNEL.displayName);
  });

  it('loads the sample of the type chosen', async () => {
    await open();

    button('test-type-gift')?.click();
    sampleRequest('gift').flush({ type: 'gift', payload: GIFT_SAMPLE });
    await stable();

    expect(JSON.parse(editor()?.value ?? '')).toEqual(GIFT_SAMPLE);
    expect(byTestId(page(), 'preview-line')?.textContent.trim()).toBe(
      'PixelWolf gifted 5 Tier 1 subs',
    );
    expect(button('test-type-gift')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('checks the JSON before sending, and says where it is wrong', async () => {
    await open();

    await type('{\n  "user": {\n    "id": "1"\n  ,\n}');

    expect(byTestId(page(), 'json-error')?.textContent).toMatch(
      /Not valid JSON at line 5, column 1: /,
    );
    expect(byTestId(page(), 'preview-unavailable')).not.toBeNull();
    expect(button('send-pipeline')?.disabled).toBe(true);
    expect(button('send-overlays')?.disabled).toBe(true);
    expect(button('payload-format')?.disabled).toBe(true);
  });

  it('sends through the pipeline, says so with a link to the events log, and shows what was sent', async () => {
    await open();

    button('send-pipeline')?.click();
    const request = http.expectOne(TEST_FIRE_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      channelId: CAPTAIN_CHANNEL.id,
      type: 'follow',
      payload: FOLLOW_SAMPLE,
      target: 'pipeline',
    });
    request.flush({
      event: {
        ...FOLLOW_SAMPLE,
        type: 'follow',
        eventId: 'test:7f3a',
        channel: GIFT_BOMB.channel,
        occurredAt: '2026-11-22T12:00:00.000Z',
        source: 'test',
      },
    });
    await stable();

    expect(overlayText()).toContain(
      'Sent through the pipeline, logged as a test: PixelWolf followed.',
    );
    expect(byTestId(page(), 'last-sent-line')?.textContent.trim()).toBe('PixelWolf followed');
    expect(byTestId(page(), 'last-sent')?.textContent).toContain('test:7f3a');
    expect(byTestId(page(), 'last-sent-events-link')?.getAttribute('href')).toBe(
      '/events?channelId=42&types=follow',
    );

    [...overlayElement().querySelectorAll('button')]
      .find((each) => each.textContent.trim() === 'Open in Events')
      ?.click();
    await stable();
    expect(TestBed.inject(Router).url).toBe('/events?channelId=42&types=follow');
  });

  it('shows the fields the server refused next to the editor', async () => {
    await open();
    await type('{ "user": { "id": 7, "login": "x", "displayName": "X" } }');

    button('send-overlays')?.click();
    const request = http.expectOne(TEST_FIRE_URL);
    expect(request.request.body).toMatchObject({ target: 'overlays' });
    request.flush(BAD_USER_ID, { status: 400, statusText: 'Bad Request' });
    await stable();

    const errors = byTestId(page(), 'field-errors');
    expect(errors?.querySelector('li')?.getAttribute('data-field')).toBe('payload.user.id');
    expect(errors?.textContent).toContain('user.id');
    expect(errors?.textContent).toContain('Expected string, received number');
    expect(byTestId(page(), 'last-sent')).toBeNull();
  });

  it('previews nothing while the payload lacks the type’s fields', async () => {
    await open();

    await type('{ "user": { "id": "1" } }');

    expect(byTestId(page(), 'json-error')).toBeNull();
    expect(byTestId(page(), 'preview-line')).toBeNull();
    expect(byTestId(page(), 'preview-unavailable')).not.toBeNull();
  });

  it('sends to the overlays only, which the log does not keep', async () => {
    await open();

    button('send-overlays')?.click();
    http.expectOne(TEST_FIRE_URL).flush({
      event: {
        ...FOLLOW_SAMPLE,
        type: 'follow',
        eventId: 'test:1',
        channel: GIFT_BOMB.channel,
        occurredAt: '2026-11-22T12:00:00.000Z',
        source: 'test',
      },
    });
    await stable();

    expect(overlayText()).toContain('Shown on the overlays, not logged: PixelWolf followed.');
    expect(byTestId(page(), 'last-sent-target')?.textContent).toContain('not logged');
    expect(byTestId(page(), 'last-sent-events-link')).toBeNull();
  });

  it('explains that a test event needs a channel when the team has none', async () => {
    await harness.navigateByUrl('/test-panel');
    http.expectOne(CHANNELS_URL).flush([REMOVED_CHANNEL]);
    sampleRequest('follow').flush({ type: 'follow', payload: FOLLOW_SAMPLE });
    await stable();

    expect(byTestId(page(), 'test-panel-no-channels')?.textContent).toContain(
      'No channel to fire for',
    );
    expect(button('send-pipeline')).toBeNull();
  });
});
