import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
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
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import {
  ADMIN_ROUTES,
  type Channel,
  type LiveChannelState,
  TWITCH_LOGIN_PATTERN,
} from '@integron/contracts';
import { finalize } from 'rxjs';

import { LIVE_LINK, MESSAGES_LINK } from '../../core/admin-links';
import { apiErrorMessage, fieldErrorsOf, isApiErrorBody } from '../../core/api-error.util';
import { BusyIds } from '../../core/busy-ids';
import { ChannelsApiService } from '../../core/channels-api.service';
import { LiveClient } from '../../core/live-client';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { confirmThen } from '../../shared/confirm-dialog.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { showChannelStats } from './channel-stats-dialog.component';
import { type ChannelStateView, channelStateView } from './channel-state.util';

export interface ChannelRow {
  channel: Channel;
  state: ChannelStateView;
  /** The chip's tooltip: what is wrong, or since when all is well. */
  stateDetail: string;
  removed: boolean;
}

/**
 * The team's channels (admins): add by Twitch login, activate or deactivate (join or leave the
 * chat), rejoin, remove (the archive stays) and add again. Connection states follow the live feed.
 */
@Component({
  selector: 'app-channels',
  imports: [
    DatePipe,
    DecimalPipe,
    LoadErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatSlideToggle,
    MatTableModule,
    MatTooltip,
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [LiveClient],
  templateUrl: './channels.component.html',
  styleUrl: './channels.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelsComponent {
  private readonly api = inject(ChannelsApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly live = inject(LiveClient);
  private readonly addDirective = viewChild.required(FormGroupDirective);

  protected readonly title = ADMIN_ROUTES.channels.title;
  protected readonly messagesLink = MESSAGES_LINK;
  protected readonly liveLink = LIVE_LINK;
  protected readonly columns = ['channel', 'state', 'readingAs', 'messages', 'active', 'actions'];
  protected readonly channels = pageData(this.api.list());
  protected readonly busy = new BusyIds();
  protected readonly adding = signal(false);
  protected readonly showRemoved = signal(false);

  protected readonly allRows = computed((): ChannelRow[] | null => {
    return (
      this.channels.value()?.map((channel) => {
        const removed = channel.removedAt !== null;
        return {
          channel,
          state: channelStateView(channel.connection.state),
          stateDetail:
            channel.connection.detail ??
            `Since ${new Date(channel.connection.since).toLocaleString()}`,
          removed,
        };
      }) ?? null
    );
  });
  protected readonly currentRows = computed(
    () => this.allRows()?.filter((row) => !row.removed) ?? null,
  );
  protected readonly removedRows = computed(
    () => this.allRows()?.filter((row) => row.removed) ?? [],
  );

  protected readonly addForm = new FormGroup({
    login: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(TWITCH_LOGIN_PATTERN)],
    }),
  });

  constructor() {
    this.live.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      switch (event.type) {
        case 'channel_state':
          this.showState(event.state);
          return;
        case 'reconnected':
          // States may have changed while the feed was away.
          this.channels.reload();
          return;
        case 'message':
        case 'mod_action':
        case 'message_deleted':
        case 'dropped':
          return;
      }
    });
    this.live.follow({ all: true });
  }

  protected add(): void {
    if (this.addForm.invalid || this.adding()) {
      this.addForm.markAllAsTouched();
      return;
    }
    const login = this.addForm.getRawValue().login.trim().toLowerCase();
    this.adding.set(true);
    this.api
      .add({ login })
      .pipe(finalize(() => this.adding.set(false)))
      .subscribe({
        next: (added) => {
          this.showChannel(added);
          this.addDirective().resetForm();
          this.notify.done(`Added ${added.displayName}: joining its chat.`);
        },
        error: (error: unknown) => {
          const problem = loginProblem(error);
          if (problem) {
            this.addForm.controls.login.setErrors({ server: problem });
            this.addForm.controls.login.markAsTouched();
            return;
          }
          this.notify.failed(`Could not add ${login}`, error);
        },
      });
  }

  /** `toggle` goes back to the saved state when the server refuses. */
  protected setActive(row: ChannelRow, isActive: boolean, toggle: MatSlideToggle): void {
    const { channel } = row;
    this.busy.track(channel.id, this.api.update(channel.id, { isActive })).subscribe({
      next: (updated) => {
        this.showChannel(updated);
        this.notify.done(
          isActive
            ? `Activated ${updated.displayName}: joining its chat.`
            : `Deactivated ${updated.displayName}: Integron left its chat.`,
        );
      },
      error: (error: unknown) => {
        toggle.checked = channel.isActive;
        this.notify.failed(
          `Could not ${isActive ? 'activate' : 'deactivate'} ${channel.displayName}`,
          error,
        );
      },
    });
  }

  protected rejoin(row: ChannelRow): void {
    const { channel } = row;
    this.busy.track(channel.id, this.api.rejoin(channel.id)).subscribe({
      next: () => this.notify.done(`Rejoining ${channel.displayName}'s chat.`),
      error: (error: unknown) =>
        this.notify.failed(`Could not rejoin ${channel.displayName}`, error),
    });
  }

  protected remove(row: ChannelRow): void {
    const { channel } = row;
    confirmThen(
      this.dialog,
      {
        title: `Remove ${channel.displayName}?`,
        message: `Integron leaves ${channel.displayName}'s chat and stops archiving it. Its archived messages and mod actions are kept, and adding it again brings it back.`,
        confirmLabel: 'Remove',
      },
      () => this.busy.track(channel.id, this.api.remove(channel.id)),
    ).subscribe({
      next: () => {
        const now = new Date().toISOString();
        this.showChannel({
          ...channel,
          isActive: false,
          removedAt: now,
          connection: { ...channel.connection, state: 'parted', detail: null, since: now },
        });
        this.notify.done(`Removed ${channel.displayName}. Its history is kept.`);
      },
      error: (error: unknown) =>
        this.notify.failed(`Could not remove ${channel.displayName}`, error),
    });
  }

  protected addAgain(row: ChannelRow): void {
    const { channel } = row;
    this.busy.track(channel.id, this.api.add({ login: channel.login })).subscribe({
      next: (added) => {
        this.showChannel(added);
        this.notify.done(`Added ${added.displayName} again: joining its chat.`);
      },
      error: (error: unknown) =>
        this.notify.failed(`Could not add ${channel.displayName} again`, error),
    });
  }

  protected openStats(row: ChannelRow): void {
    showChannelStats(this.dialog, row.channel);
  }

  protected toggleRemoved(): void {
    this.showRemoved.update((shown) => !shown);
  }

  /** Puts `channel` in place of its old self; moved to the end of its group when it was (re)moved. */
  private showChannel(channel: Channel): void {
    this.channels.update((channels) => {
      const old = channels.find((each) => each.id === channel.id);
      if (old && (old.removedAt === null) === (channel.removedAt === null)) {
        return channels.map((each) => (each.id === channel.id ? channel : each));
      }
      const rest = channels.filter((each) => each.id !== channel.id);
      const current = rest.filter((each) => each.removedAt === null);
      const removed = rest.filter((each) => each.removedAt !== null);
      return channel.removedAt === null
        ? [...current, channel, ...removed]
        : [...current, ...removed, channel];
    });
  }

  private showState({ channelId, connection }: LiveChannelState): void {
    this.channels.update((channels) =>
      channels.map((channel) => (channel.id === channelId ? { ...channel, connection } : channel)),
    );
  }
}

/** What to say under the login field: no such Twitch account (404), already a channel (409). */
function loginProblem(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const field = fieldErrorsOf(error).find((problem) => problem.field === 'login');
  if (field) {
    return sentence(field.message);
  }
  const expected =
    error.status === (HttpStatusCode.NotFound as number) ||
    error.status === (HttpStatusCode.Conflict as number);
  return expected && isApiErrorBody(error.error) ? apiErrorMessage(error.error) : null;
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.!]$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}
