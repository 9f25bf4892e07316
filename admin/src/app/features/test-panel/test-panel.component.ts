import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  ADMIN_ROUTES,
  type FieldError,
  STREAM_EVENT_TYPES,
  type StreamEvent,
  type StreamEventType,
  type TestFireTarget,
} from '@integron/contracts';
import { finalize, startWith } from 'rxjs';

import { CHANNELS_LINK, EVENTS_LINK } from '../../core/admin-links';
import { fieldErrorsOf } from '../../core/api-error.util';
import { ChannelsApiService, currentChannels } from '../../core/channels-api.service';
import { EventsApiService, type SampleEvent } from '../../core/events-api.service';
import { DONE_SNACKBAR_MS, NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { LoadErrorComponent } from '../../shared/load-error.component';
import {
  describeStreamEvent,
  streamEventDetail,
  streamEventTypeIcon,
  streamEventTypeLabel,
} from '../../shared/stream-event.util';
import { checkPayloadJson, payloadField } from './payload-json.util';

/** What the panel fired last, to show what went out. */
interface SentEvent {
  event: StreamEvent;
  target: TestFireTarget;
  channelId: string;
}

/** The preview's stand-ins for what the server fills in when it fires. */
const PREVIEW_FIELDS = { eventId: 'preview', source: 'test' } as const;

/** A payload missing fields, or with values of the wrong kind, reads like this. */
const INCOMPLETE_LINE = /\b(undefined|NaN)\b|\[object Object\]/;

/**
 * Fires stream events marked as tests: pick a channel and a type, edit the generated payload
 * (checked as JSON here, field by field by the server), see how the alert will read, then send it
 * to the overlays only or through the whole pipeline (the events log keeps it as a test).
 */
@Component({
  selector: 'app-test-panel',
  imports: [
    DatePipe,
    LoadErrorComponent,
    MatButton,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './test-panel.component.html',
  styleUrl: './test-panel.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TestPanelComponent {
  private readonly api = inject(EventsApiService);
  private readonly channelsApi = inject(ChannelsApiService);
  private readonly notify = inject(NotifyService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  protected readonly title = ADMIN_ROUTES.testPanel.title;
  protected readonly eventsLink = EVENTS_LINK;
  protected readonly channelsLink = CHANNELS_LINK;
  protected readonly types = STREAM_EVENT_TYPES;
  protected readonly channels = pageData(this.channelsApi.list());
  protected readonly channelOptions = computed(() => currentChannels(this.channels.value() ?? []));
  protected readonly channelId = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly type = signal<StreamEventType>(STREAM_EVENT_TYPES[0]);
  protected readonly sample = pageData<SampleEvent>();
  protected readonly payload = new FormControl('', { nonNullable: true });
  protected readonly sending = signal<TestFireTarget | null>(null);
  /** What the server refused in the last payload sent. */
  protected readonly fieldErrors = signal<FieldError[]>([]);
  protected readonly lastSent = signal<SentEvent | null>(null);

  private readonly payloadText = toSignal(this.payload.valueChanges.pipe(startWith('')), {
    initialValue: '',
  });
  private readonly chosenChannel = toSignal(this.channelId.valueChanges, { initialValue: '' });
  protected readonly check = computed(() => checkPayloadJson(this.payloadText()));

  /** How the alert will read, once the editor holds the type's fields. */
  protected readonly preview = computed(() => {
    const check = this.check();
    if (!check.ok) {
      return null;
    }
    const channel = this.channelOptions().find((each) => each.id === this.chosenChannel());
    const event = {
      ...check.payload,
      ...PREVIEW_FIELDS,
      type: this.type(),
      channel: channel
        ? { id: channel.twitchId, login: channel.login, displayName: channel.displayName }
        : { id: '0', login: 'channel', displayName: 'Channel' },
      occurredAt: new Date().toISOString(),
    } as StreamEvent;
    // Fields missing or of the wrong kind: no preview; the server's check says which.
    try {
      const line = describeStreamEvent(event);
      const detail = streamEventDetail(event);
      return INCOMPLETE_LINE.test(`${line} ${detail ?? ''}`) ? null : { line, detail };
    } catch {
      return null;
    }
  });

  protected readonly canSend = computed(
    () => this.check().ok && this.chosenChannel() !== '' && this.sending() === null,
  );

  constructor() {
    this.chooseType(this.type());
    // The first of the team's channels, once they are known and none is chosen.
    effect(() => {
      const [first] = this.channelOptions();
      if (first && untracked(() => this.channelId.value === '')) {
        this.channelId.setValue(first.id);
      }
    });
    // A fresh sample replaces what the editor holds.
    effect(() => {
      const sample = this.sample.value();
      if (sample) {
        untracked(() => this.payload.setValue(JSON.stringify(sample.payload, null, 2)));
      }
    });
  }

  protected chooseType(type: StreamEventType): void {
    this.type.set(type);
    this.fieldErrors.set([]);
    this.sample.load(this.api.sample(type));
  }

  protected newSample(): void {
    this.fieldErrors.set([]);
    this.sample.reload();
  }

  protected format(): void {
    const check = this.check();
    if (check.ok) {
      this.payload.setValue(JSON.stringify(check.payload, null, 2));
    }
  }

  protected send(target: TestFireTarget): void {
    const check = this.check();
    const channelId = this.channelId.value;
    if (!check.ok || channelId === '' || this.sending() !== null) {
      return;
    }
    this.sending.set(target);
    this.api
      .fire({ channelId, type: this.type(), payload: check.payload, target })
      .pipe(finalize(() => this.sending.set(null)))
      .subscribe({
        next: ({ event }) => {
          this.fieldErrors.set([]);
          this.lastSent.set({ event, target, channelId });
          this.announce(event, target, channelId);
        },
        error: (error: unknown) => {
          const fields = fieldErrorsOf(error);
          this.fieldErrors.set(fields);
          if (fields.length === 0) {
            this.notify.failed('Could not send the test event', error);
          }
        },
      });
  }

  protected typeLabel = streamEventTypeLabel;
  protected typeIcon = streamEventTypeIcon;
  protected describe = describeStreamEvent;
  protected fieldName = payloadField;

  protected eventsQuery(sent: SentEvent): Record<string, string> {
    return { channelId: sent.channelId, types: sent.event.type };
  }

  /** Says what went out; an event that went through the pipeline links to the events log. */
  private announce(event: StreamEvent, target: TestFireTarget, channelId: string): void {
    const line = describeStreamEvent(event);
    if (target === 'overlays') {
      this.notify.done(`Shown on the overlays, not logged: ${line}.`);
      return;
    }
    this.snackBar
      .open(`Sent through the pipeline, logged as a test: ${line}.`, 'Open in Events', {
        duration: DONE_SNACKBAR_MS * 2,
      })
      .onAction()
      .subscribe(() => {
        void this.router.navigate([EVENTS_LINK], {
          queryParams: { channelId, types: event.type },
        });
      });
  }
}
