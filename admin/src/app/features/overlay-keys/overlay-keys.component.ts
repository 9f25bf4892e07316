import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import {
  ADMIN_ROUTES,
  type Channel,
  type IssuedOverlayKey,
  type OverlayKey,
  OVERLAY_KEY_NAME_MAX_LENGTH,
} from '@integron/contracts';
import { finalize, tap } from 'rxjs';

import { BusyIds } from '../../core/busy-ids';
import { CHANNELS_LINK } from '../../core/admin-links';
import { ChannelsApiService } from '../../core/channels-api.service';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { confirmThen } from '../../shared/confirm-dialog.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { showIssuedKey } from './issued-key-dialog.component';
import { OverlayKeysApiService, withoutSecret } from './overlay-keys-api.service';

/** Keys that let OBS browser sources show a channel's overlays: create, rotate, revoke. */
@Component({
  selector: 'app-overlay-keys',
  imports: [
    DatePipe,
    LoadErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    MatTooltip,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './overlay-keys.component.html',
  styleUrl: './overlay-keys.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverlayKeysComponent {
  private readonly channelsApi = inject(ChannelsApiService);
  private readonly keysApi = inject(OverlayKeysApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly createDirective = viewChild(FormGroupDirective);

  protected readonly title = ADMIN_ROUTES.overlayKeys.title;
  protected readonly channelsLink = CHANNELS_LINK;
  protected readonly columns = ['name', 'prefix', 'createdAt', 'lastUsedAt', 'actions'];
  protected readonly nameMaxLength = OVERLAY_KEY_NAME_MAX_LENGTH;

  protected readonly selectedChannelId = signal<string | null>(null);
  protected readonly keys = pageData<OverlayKey[]>();
  protected readonly channels = pageData(
    this.channelsApi.list().pipe(tap((channels) => this.keepSelection(channels))),
  );
  protected readonly selectedChannel = computed(
    () => this.channels.value()?.find((channel) => channel.id === this.selectedChannelId()) ?? null,
  );
  protected readonly busy = new BusyIds();
  protected readonly creating = signal(false);

  protected readonly createForm = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(OVERLAY_KEY_NAME_MAX_LENGTH),
      ],
    }),
  });

  protected selectChannel(channelId: string): void {
    this.selectedChannelId.set(channelId);
    this.keys.load(this.keysApi.list(channelId));
  }

  protected create(): void {
    const channel = this.selectedChannel();
    if (channel === null || this.createForm.invalid || this.creating()) {
      this.createForm.markAllAsTouched();
      return;
    }
    const name = this.createForm.getRawValue().name.trim();
    this.creating.set(true);
    this.keysApi
      .create(channel.id, { name })
      .pipe(finalize(() => this.creating.set(false)))
      .subscribe({
        next: (issued) => {
          this.showInList(issued, (keys) => [...keys, withoutSecret(issued)]);
          this.createDirective()?.resetForm();
          this.showIssued(issued, channel, 'created');
        },
        error: (error: unknown) => this.notify.failed(`Could not create the key "${name}"`, error),
      });
  }

  protected rotate(key: OverlayKey): void {
    const channel = this.selectedChannel();
    if (channel === null) {
      return;
    }
    confirmThen(
      this.dialog,
      {
        title: `Rotate "${key.name}"?`,
        message:
          'You get a new key, and the current one stops working at once: overlays using it go blank until their OBS source has the new URL.',
        confirmLabel: 'Rotate',
      },
      () => this.busy.track(key.id, this.keysApi.rotate(key.id)),
    ).subscribe({
      next: (issued) => {
        const rotated = withoutSecret(issued);
        this.showInList(issued, (keys) =>
          keys.map((each) => (each.id === key.id ? rotated : each)),
        );
        this.showIssued(issued, channel, 'rotated');
      },
      error: (error: unknown) => this.notify.failed(`Could not rotate "${key.name}"`, error),
    });
  }

  protected revoke(key: OverlayKey): void {
    confirmThen(
      this.dialog,
      {
        title: `Revoke "${key.name}"?`,
        message:
          'The key stops working at once and cannot be brought back: overlays using it go blank.',
        confirmLabel: 'Revoke',
      },
      () => this.busy.track(key.id, this.keysApi.revoke(key.id)),
    ).subscribe({
      next: () => {
        this.keys.update((keys) => keys.filter((each) => each.id !== key.id));
        this.notify.done(`Revoked "${key.name}".`);
      },
      error: (error: unknown) => this.notify.failed(`Could not revoke "${key.name}"`, error),
    });
  }

  /** Keeps the chosen channel across reloads; else picks the first active one. */
  private keepSelection(channels: Channel[]): void {
    if (channels.some((channel) => channel.id === this.selectedChannelId())) {
      return;
    }
    const first = channels.find((channel) => channel.isActive) ?? channels[0];
    if (first) {
      this.selectChannel(first.id);
    } else {
      this.selectedChannelId.set(null);
    }
  }

  /** Updates the list, unless another channel was chosen while the request was under way. */
  private showInList(issued: IssuedOverlayKey, change: (keys: OverlayKey[]) => OverlayKey[]): void {
    if (issued.channelId === this.selectedChannelId()) {
      this.keys.update(change);
    }
  }

  private showIssued(
    issued: IssuedOverlayKey,
    channel: Channel,
    reason: 'created' | 'rotated',
  ): void {
    showIssuedKey(this.dialog, { issued, channelName: channel.displayName, reason });
  }
}
