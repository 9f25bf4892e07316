import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { type ExportFormat } from '@integron/contracts';
import { type Subscription } from 'rxjs';

import { describeHttpError } from '../../core/api-error.util';
import { fromLocalInput, toLocalInput } from '../../core/datetime-input.util';
import { NotifyService } from '../../core/notify.service';
import { type ExportProgress, MessageExportService } from './message-export.service';

/** The range an export starts with: the last 30 days. */
const DEFAULT_DAYS = 30;

/** Downloads a chatter's messages of a time range as CSV or NDJSON, with a progress bar. */
@Component({
  selector: 'app-export-panel',
  imports: [
    DecimalPipe,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ReactiveFormsModule,
  ],
  template: `
    <form class="app-form-row" data-testid="export-form" [formGroup]="form" (ngSubmit)="start()">
      <mat-form-field>
        <mat-label>Since</mat-label>
        <input matInput type="datetime-local" formControlName="since" data-testid="export-since" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Until</mat-label>
        <input matInput type="datetime-local" formControlName="until" data-testid="export-until" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>Format</mat-label>
        <mat-select formControlName="format" data-testid="export-format">
          <mat-option value="csv">CSV (spreadsheets)</mat-option>
          <mat-option value="ndjson">NDJSON (one JSON object a line)</mat-option>
        </mat-select>
      </mat-form-field>
      @if (progress(); as progress) {
        <button matButton type="button" data-testid="export-cancel" (click)="cancel()">
          Cancel
        </button>
      } @else {
        <button matButton="filled" type="submit" data-testid="export-start">
          <mat-icon>download</mat-icon>
          Export
        </button>
      }
    </form>
    @if (progress(); as progress) {
      <div class="progress" data-testid="export-progress" role="status">
        <mat-progress-bar
          [mode]="percent() === null ? 'indeterminate' : 'determinate'"
          [value]="percent() ?? 0"
          aria-label="Export progress"
        />
        <span class="app-muted" data-testid="export-progress-text">
          {{ progress.rows | number }}
          @if (progress.total !== null) {
            of {{ progress.total | number }}
          }
          rows
        </span>
      </div>
    }
    @if (problem(); as problem) {
      <p class="problem" role="alert" data-testid="export-error">{{ problem }}</p>
    }
  `,
  styles: `
    .progress {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 8px;
    }
    .problem {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportPanelComponent {
  readonly userId = input.required<string>();
  readonly login = input.required<string>();

  private readonly exports = inject(MessageExportService);
  private readonly notify = inject(NotifyService);
  private running: Subscription | null = null;

  protected readonly progress = signal<ExportProgress | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly percent = computed(() => {
    const progress = this.progress();
    const total = progress?.total ?? null;
    if (progress === null || total === null) {
      return null;
    }
    return total === 0 ? 100 : Math.min(100, (progress.rows / total) * 100);
  });

  protected readonly form = new FormGroup({
    since: new FormControl(
      toLocalInput(new Date(Date.now() - DEFAULT_DAYS * 86_400_000).toISOString()),
      {
        nonNullable: true,
        validators: [Validators.required],
      },
    ),
    until: new FormControl(toLocalInput(new Date(Date.now() + 60_000).toISOString()), {
      nonNullable: true,
      validators: [Validators.required],
    }),
    format: new FormControl<ExportFormat>('csv', { nonNullable: true }),
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected start(): void {
    const value = this.form.getRawValue();
    const since = fromLocalInput(value.since);
    const until = fromLocalInput(value.until);
    if (since === undefined || until === undefined) {
      this.problem.set('Choose when the export starts and ends.');
      return;
    }
    if (since >= until) {
      this.problem.set('The export must end after it starts.');
      return;
    }
    this.problem.set(null);
    const login = this.login();
    const filename = `${login}-messages-${since.slice(0, 10)}-${until.slice(0, 10)}.${value.format}`;
    this.progress.set({ rows: 0, total: null, done: false });
    this.running = this.exports
      .run({ userId: this.userId(), since, until, format: value.format }, filename)
      .subscribe({
        next: (progress) => {
          this.progress.set(progress);
          if (progress.done) {
            this.running = null;
            this.progress.set(null);
            this.notify.done(`Exported ${progress.rows} messages of ${login} to ${filename}.`);
          }
        },
        error: (error: unknown) => {
          this.running = null;
          this.progress.set(null);
          this.problem.set(`Could not export: ${describeHttpError(error)}`);
        },
      });
  }

  protected cancel(): void {
    this.running?.unsubscribe();
    this.running = null;
    this.progress.set(null);
  }
}
