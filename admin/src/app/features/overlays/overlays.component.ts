import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  type Signal,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  ADMIN_ROUTES,
  ALERT_ANIMATIONS,
  type AlertQueueAction,
  type ChannelAlertQueue,
  FEED_ITEM_TYPES,
  FEED_NEWEST,
  type FeedItemType,
  type LoggedStreamEvent,
  OVERLAY_PARAMS,
  type OverlayNumberParam,
  type OverlayPage,
  type Page,
  STREAM_EVENT_TYPES,
} from '@integron/contracts';
import { debounceTime, finalize, map, switchMap, timer } from 'rxjs';

import { CHANNELS_LINK, EVENTS_LINK } from '../../core/admin-links';
import { APP_ORIGIN } from '../../core/app-origin';
import { ChannelsApiService, currentChannels } from '../../core/channels-api.service';
import { EventsApiService } from '../../core/events-api.service';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { ChannelSelectComponent } from '../../shared/channel-select.component';
import { CopyButtonComponent } from '../../shared/copy-button.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import {
  describeStreamEvent,
  streamEventTypeIcon,
  streamEventTypeLabel,
} from '../../shared/stream-event.util';
import { OverlayKeysApiService } from '../overlay-keys/overlay-keys-api.service';
import { AlertQueueApiService } from './alert-queue-api.service';
import {
  DEFAULT_OVERLAY_OPTIONS,
  fitsParam,
  overlayUrl,
  type OverlayOptions,
} from './overlay-url.util';

/** How often the alert queue is asked again while the page is open. */
const QUEUE_POLL_MS = 2_000;
/** Recent events offered for a replay. */
const REPLAYABLE = 10;
/** Settings typed into the forms reach the preview once typing pauses. */
const PREVIEW_DEBOUNCE_MS = 500;

const PAGE_LABELS: Record<OverlayPage, string> = {
  alerts: 'Alert box',
  feed: 'Event feed',
  chat: 'Chat',
};

function numberControl(value: number, param: OverlayNumberParam, scale = 1): FormControl<number> {
  return new FormControl(value / scale, {
    nonNullable: true,
    validators: [
      Validators.required,
      (control) =>
        fitsParam(Math.round(Number(control.value) * scale), param) ? null : { range: true },
    ],
  });
}

/**
 * Per channel: the OBS browser-source URL of each overlay with its settings and the key, a live
 * preview of each (by the admin's own session, no key needed), and the alert queue of the
 * channel's open alert boxes — pause, resume, skip, clear, and replay a recent event.
 */
@Component({
  selector: 'app-overlays',
  imports: [
    ChannelSelectComponent,
    CopyButtonComponent,
    DatePipe,
    LoadErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatTab,
    MatTabGroup,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './overlays.component.html',
  styleUrl: './overlays.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverlaysComponent {
  private readonly channelsApi = inject(ChannelsApiService);
  private readonly keysApi = inject(OverlayKeysApiService);
  private readonly alertsApi = inject(AlertQueueApiService);
  private readonly eventsApi = inject(EventsApiService);
  private readonly notify = inject(NotifyService);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly origin = inject(APP_ORIGIN);

  protected readonly title = ADMIN_ROUTES.overlays.title;
  protected readonly channelsLink = CHANNELS_LINK;
  protected readonly eventsLink = EVENTS_LINK;
  protected readonly overlayKeysLink = `/${ADMIN_ROUTES.overlayKeys.path}`;
  protected readonly pages: readonly OverlayPage[] = ['alerts', 'feed', 'chat'];
  protected readonly pageLabels = PAGE_LABELS;
  protected readonly animations = ALERT_ANIMATIONS;
  protected readonly newestChoices = FEED_NEWEST;
  protected readonly eventTypes = STREAM_EVENT_TYPES;
  protected readonly feedTypes = FEED_ITEM_TYPES;
  protected readonly params = OVERLAY_PARAMS;
  protected readonly typeLabel = streamEventTypeLabel;
  protected readonly typeIcon = streamEventTypeIcon;
  protected readonly describe = describeStreamEvent;

  protected readonly channels = pageData(this.channelsApi.list());
  protected readonly channelOptions = computed(() => currentChannels(this.channels.value() ?? []));
  protected readonly channelId = signal<string | null>(null);
  protected readonly channel = computed(
    () => this.channelOptions().find((each) => each.id === this.channelId()) ?? null,
  );

  /** The key OBS sources use: pasted, or created here; kept only while the page is open. */
  protected readonly key = new FormControl('', { nonNullable: true });
  private readonly keyText = toSignal(this.key.valueChanges.pipe(map((key) => key.trim())), {
    initialValue: '',
  });
  protected readonly creatingKey = signal(false);

  protected readonly forms = {
    alerts: new FormGroup({
      duration: numberControl(
        DEFAULT_OVERLAY_OPTIONS.alerts.duration,
        OVERLAY_PARAMS.alertDuration,
        1_000,
      ),
      animation: new FormControl(DEFAULT_OVERLAY_OPTIONS.alerts.animation, { nonNullable: true }),
      types: new FormControl([...DEFAULT_OVERLAY_OPTIONS.alerts.types], {
        nonNullable: true,
        validators: [Validators.required],
      }),
    }),
    feed: new FormGroup({
      max: numberControl(DEFAULT_OVERLAY_OPTIONS.feed.max, OVERLAY_PARAMS.feedMax),
      newest: new FormControl(DEFAULT_OVERLAY_OPTIONS.feed.newest, { nonNullable: true }),
      types: new FormControl<FeedItemType[]>([...DEFAULT_OVERLAY_OPTIONS.feed.types], {
        nonNullable: true,
        validators: [Validators.required],
      }),
    }),
    chat: new FormGroup({
      max: numberControl(DEFAULT_OVERLAY_OPTIONS.chat.max, OVERLAY_PARAMS.chatMax),
      fade: numberControl(DEFAULT_OVERLAY_OPTIONS.chat.fade, OVERLAY_PARAMS.chatFade, 1_000),
    }),
  };

  /** Each page's settings as its URL carries them; `null` while the form holds a mistake. */
  protected readonly options: { [P in OverlayPage]: Signal<OverlayOptions[P] | null> } = {
    alerts: this.whileValid(this.forms.alerts, () => {
      const { duration, animation, types } = this.forms.alerts.getRawValue();
      return { duration: Math.round(duration * 1_000), animation, types };
    }),
    feed: this.whileValid(this.forms.feed, () => this.forms.feed.getRawValue()),
    chat: this.whileValid(this.forms.chat, () => {
      const { max, fade } = this.forms.chat.getRawValue();
      return { max, fade: Math.round(fade * 1_000) };
    }),
  };
  private readonly previewOptions = {
    alerts: this.debounced(this.options.alerts),
    feed: this.debounced(this.options.feed),
    chat: this.debounced(this.options.chat),
  };

  /**
   * The same pages, shown here by the admin's session. Kept as signals: a new URL object would
   * make the frame load again (and its overlay reconnect).
   */
  protected readonly previewUrls = {
    alerts: this.framed(computed(() => this.previewUrl('alerts'))),
    feed: this.framed(computed(() => this.previewUrl('feed'))),
    chat: this.framed(computed(() => this.previewUrl('chat'))),
  };

  protected readonly queue = pageData<ChannelAlertQueue>();
  protected readonly acting = signal<AlertQueueAction | null>(null);
  protected readonly recent = pageData<Page<LoggedStreamEvent>>();
  protected readonly replaying = signal<string | null>(null);

  constructor() {
    effect(() => {
      const [first] = this.channelOptions();
      if (first && untracked(() => this.channelId() === null)) this.channelId.set(first.id);
    });
    effect(() => {
      const channelId = this.channelId();
      if (channelId === null) return;
      untracked(() => {
        this.queue.load(
          timer(0, QUEUE_POLL_MS).pipe(switchMap(() => this.alertsApi.queue(channelId))),
        );
        this.loadRecent(channelId);
      });
    });
  }

  /** The URL to paste into an OBS browser source; `null` without a key or with a mistake. */
  protected obsUrl(page: OverlayPage): string | null {
    const options = this.options[page]();
    const key = this.keyText();
    if (options === null || key === '') return null;
    return overlayUrl(this.origin, page, options, { key });
  }

  protected createKey(): void {
    const channel = this.channel();
    if (channel === null || this.creatingKey()) return;
    this.creatingKey.set(true);
    this.keysApi
      .create(channel.id, { name: `OBS (${new Date().toLocaleDateString()})` })
      .pipe(finalize(() => this.creatingKey.set(false)))
      .subscribe({
        next: (issued) => {
          this.key.setValue(issued.key);
          this.notify.done(
            `Key "${issued.name}" created. Copy the URLs now: the key is not shown again once you leave this page.`,
          );
        },
        error: (error: unknown) => this.notify.failed('Could not create an overlay key', error),
      });
  }

  protected act(action: AlertQueueAction): void {
    const channelId = this.channelId();
    if (channelId === null || this.acting() !== null) return;
    this.acting.set(action);
    this.alertsApi
      .act(channelId, action)
      .pipe(finalize(() => this.acting.set(null)))
      .subscribe({
        next: (queue) => this.queue.update(() => queue),
        error: (error: unknown) => this.notify.failed(`Could not ${action} the alerts`, error),
      });
  }

  protected replay(logged: LoggedStreamEvent): void {
    const channelId = this.channelId();
    if (channelId === null || this.replaying() !== null) return;
    this.replaying.set(logged.id);
    this.alertsApi
      .replay(channelId, logged.id)
      .pipe(finalize(() => this.replaying.set(null)))
      .subscribe({
        next: () => this.notify.done(`Replaying: ${describeStreamEvent(logged.event)}`),
        error: (error: unknown) => this.notify.failed('Could not replay the alert', error),
      });
  }

  private previewUrl(page: OverlayPage): string | null {
    const options = this.previewOptions[page]();
    const channelId = this.channelId();
    return options === null || channelId === null
      ? null
      : overlayUrl(this.origin, page, options, { preview: channelId });
  }

  /** Our own overlay page, at our own origin: safe to frame. */
  private framed(url: Signal<string | null>): Signal<SafeResourceUrl | null> {
    return computed(() => {
      const src = url();
      return src === null ? null : this.sanitizer.bypassSecurityTrustResourceUrl(src);
    });
  }

  protected loadRecent(channelId: string): void {
    this.recent.load(this.eventsApi.list({ channelId, limit: REPLAYABLE }));
  }

  private whileValid<T>(form: AbstractControl, read: () => T): Signal<T | null> {
    const current = () => (form.valid ? read() : null);
    return toSignal(form.valueChanges.pipe(map(current)), { initialValue: current() });
  }

  private debounced<T>(source: Signal<T>): Signal<T> {
    return toSignal(toObservable(source).pipe(debounceTime(PREVIEW_DEBOUNCE_MS)), {
      initialValue: source(),
    });
  }
}
