import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  ADMIN_ROUTES,
  type ArchiveSettings,
  LOG_API_KEY_HEADER,
  RETENTION_MONTHS_MAX,
  type UpdateArchiveSettingsRequest,
} from '@integron/contracts';
import { type Observable, finalize, of } from 'rxjs';

import { APP_ORIGIN } from '../../core/app-origin';
import { ArchiveApiService } from '../../core/archive-api.service';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { confirmThen } from '../../shared/confirm-dialog.component';
import { CopyButtonComponent } from '../../shared/copy-button.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import {
  archiveSettingsForm,
  dropsMonths,
  resetArchiveSettingsForm,
  settingsRequest,
  syncMonthsControl,
} from './archive-settings.form';
import { KEY_HEADER_HINT, logClientUrls } from './log-client-urls.util';

/**
 * The archive's settings: how long messages are kept, whether the justlog / recent-messages APIs
 * are public or need the log API key, that key, and the URLs log clients are given.
 */
@Component({
  selector: 'app-archive-settings',
  imports: [
    CopyButtonComponent,
    LoadErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatRadioButton,
    MatRadioGroup,
    MatSuffix,
    ReactiveFormsModule,
  ],
  templateUrl: './archive-settings.component.html',
  styleUrl: './archive-settings.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArchiveSettingsComponent {
  private readonly api = inject(ArchiveApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly origin = inject(APP_ORIGIN);

  protected readonly title = ADMIN_ROUTES.archiveSettings.title;
  protected readonly monthsMax = RETENTION_MONTHS_MAX;
  protected readonly keyHeader = LOG_API_KEY_HEADER;
  protected readonly keyHeaderHint = KEY_HEADER_HINT;
  protected readonly settings = pageData(this.api.settings());
  protected readonly form = archiveSettingsForm();
  protected readonly saving = signal(false);
  protected readonly issuing = signal(false);
  /** The key just issued; it is never shown again once the page is left. */
  protected readonly issuedKey = signal<string | null>(null);

  private readonly formValue = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  protected readonly keepsMonths = computed(() => this.formValue().retention === 'months');
  /** What the form would save differs from what is saved. */
  protected readonly changed = computed(() => {
    this.formValue();
    const saved = this.settings.value();
    if (!saved) {
      return false;
    }
    const next = settingsRequest(this.form);
    return (
      next.retentionMonths !== saved.retentionMonths || next.logApiAccess !== saved.logApiAccess
    );
  });

  protected readonly clientUrls = computed(() => {
    const saved = this.settings.value();
    return logClientUrls(this.origin, {
      required: saved?.logApiAccess === 'key',
      value: this.issuedKey(),
    });
  });

  constructor() {
    // The form shows the saved settings whenever they (not the key's state) change.
    const savedRequest = computed(
      (): UpdateArchiveSettingsRequest | null => {
        const saved = this.settings.value();
        return saved
          ? { retentionMonths: saved.retentionMonths, logApiAccess: saved.logApiAccess }
          : null;
      },
      {
        equal: (a, b) =>
          a?.retentionMonths === b?.retentionMonths && a?.logApiAccess === b?.logApiAccess,
      },
    );
    effect(() => {
      savedRequest();
      const saved = untracked(() => this.settings.value());
      if (saved) {
        untracked(() => resetArchiveSettingsForm(this.form, saved));
      }
    });
    this.form.controls.retention.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => syncMonthsControl(this.form));
  }

  protected save(): void {
    const saved = this.settings.value();
    if (!saved || this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request = settingsRequest(this.form);
    this.confirmDropping(saved, request).subscribe((confirmed) => {
      if (confirmed) {
        this.put(request);
      }
    });
  }

  protected discard(): void {
    const saved = this.settings.value();
    if (saved) {
      resetArchiveSettingsForm(this.form, saved);
    }
  }

  /** Issues the first key, or (once confirmed) replaces the one in use. */
  protected issueKey(): void {
    const saved = this.settings.value();
    if (!saved || this.issuing()) {
      return;
    }
    const issue = () => {
      this.issuing.set(true);
      return this.api.issueLogApiKey().pipe(finalize(() => this.issuing.set(false)));
    };
    const issued = saved.logApiKeyIssued
      ? confirmThen(
          this.dialog,
          {
            title: 'Rotate the log API key?',
            message:
              'You get a new key, and the current one stops working at once: every log client that uses it needs the new one.',
            confirmLabel: 'Rotate',
          },
          issue,
        )
      : issue();
    issued.subscribe({
      next: ({ key }) => {
        this.issuedKey.set(key);
        this.settings.update((settings) => ({ ...settings, logApiKeyIssued: true }));
      },
      error: (error: unknown) => this.notify.failed('Could not issue a log API key', error),
    });
  }

  protected hideKey(): void {
    this.issuedKey.set(null);
  }

  private confirmDropping(
    saved: ArchiveSettings,
    request: UpdateArchiveSettingsRequest,
  ): Observable<boolean> {
    if (!dropsMonths(saved.retentionMonths, request.retentionMonths)) {
      return of(true);
    }
    return confirmThen(
      this.dialog,
      {
        title: `Keep only the last ${request.retentionMonths} months?`,
        message:
          'Archived messages of older months are deleted at once, and from then on as months pass. They cannot be brought back.',
        confirmLabel: 'Delete older months',
      },
      () => of(true),
    );
  }

  private put(request: UpdateArchiveSettingsRequest): void {
    this.saving.set(true);
    this.api
      .updateSettings(request)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (settings) => {
          this.settings.update(() => settings);
          this.notify.done('Saved the archive settings.');
        },
        error: (error: unknown) => this.notify.failed('Could not save the archive settings', error),
      });
  }
}
