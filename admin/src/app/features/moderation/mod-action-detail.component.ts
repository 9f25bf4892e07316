import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  type ModAction,
  type ModActionContext,
  REVIEW_NOTE_MAX_LENGTH,
  type ReviewStatus,
} from '@integron/contracts';
import { finalize } from 'rxjs';

import { messageContextQuery, MESSAGES_LINK } from '../../core/admin-links';
import { ModActionsApiService } from '../../core/mod-actions-api.service';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { ChatMessageComponent } from '../../shared/chat-message.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { reviewStatusLabel } from '../../shared/mod-action.util';

/**
 * The inside of one mod action: what the target wrote just before it (from the archive), and its
 * review — OK or flagged, with a note.
 */
@Component({
  selector: 'app-mod-action-detail',
  imports: [
    ChatMessageComponent,
    DatePipe,
    LoadErrorComponent,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
    RouterLink,
  ],
  template: `
    <div class="layout">
      <section class="context" aria-label="Before the action" data-testid="action-context">
        <h3>Before the action</h3>
        @if (context.busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading what came before" />
        }
        @if (context.error(); as error) {
          <app-load-error
            what="Could not load what came before"
            [error]="error"
            (retry)="context.reload()"
          />
        } @else if (context.value(); as context) {
          @if (context.messages.length === 0) {
            <p class="app-muted" data-testid="context-empty">
              @if (action().target) {
                The archive has no messages of {{ action().target?.displayName }} before it.
              } @else {
                The whole chat was cleared.
              }
            </p>
          } @else {
            <ol class="lines">
              @for (message of context.messages; track message.twitchMessageId) {
                <li>
                  <app-chat-message
                    timeFormat="MMM d, HH:mm:ss"
                    [line]="message"
                    [deletedAt]="message.deletedAt"
                    [deletedBy]="message.deletedBy"
                  />
                </li>
              }
            </ol>
            @if (lastMessage(context); as last) {
              <a matButton [routerLink]="messagesLink" [queryParams]="contextQuery(last)">
                <mat-icon>unfold_more</mat-icon>
                The whole chat around it
              </a>
            }
          }
        }
      </section>

      <section class="review" aria-label="Review" data-testid="action-review">
        <h3>Review</h3>
        @if (action().review.reviewer; as reviewer) {
          <p class="app-muted" data-testid="reviewed-by">
            {{ statusLabel(action().review.status) }} by {{ reviewer.login }},
            {{ action().review.reviewedAt | date: 'short' }}
          </p>
        }
        <mat-button-toggle-group
          aria-label="Review status"
          data-testid="review-status"
          [value]="status()"
          (change)="status.set($event.value)"
        >
          <mat-button-toggle value="ok" data-testid="review-ok">
            <mat-icon>thumb_up</mat-icon>
            OK
          </mat-button-toggle>
          <mat-button-toggle value="flagged" data-testid="review-flagged">
            <mat-icon>flag</mat-icon>
            Flag
          </mat-button-toggle>
        </mat-button-toggle-group>
        <mat-form-field class="note">
          <mat-label>Note</mat-label>
          <textarea
            matInput
            rows="3"
            data-testid="review-note"
            [formControl]="note"
            [maxlength]="noteMaxLength"
          ></textarea>
          @if (note.hasError('maxlength')) {
            <mat-error>At most {{ noteMaxLength }} characters.</mat-error>
          } @else {
            <mat-hint>Why it was right, or what should be looked at.</mat-hint>
          }
        </mat-form-field>
        <div class="review-actions">
          @if (action().review.status !== 'pending') {
            <button
              matButton
              type="button"
              data-testid="review-reset"
              [disabled]="saving()"
              (click)="save('pending')"
            >
              Back to pending
            </button>
          }
          <button
            matButton="filled"
            type="button"
            data-testid="review-save"
            [disabled]="saving() || status() === 'pending'"
            (click)="save(status())"
          >
            Save review
          </button>
        </div>
      </section>
    </div>
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(240px, 2fr);
      gap: 16px 24px;
    }
    @media (max-width: 839.98px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .lines {
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
    }
    .note {
      width: 100%;
      margin-top: 12px;
    }
    .review-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModActionDetailComponent {
  readonly action = input.required<ModAction>();
  readonly reviewed = output<ModAction>();

  private readonly api = inject(ModActionsApiService);
  private readonly notify = inject(NotifyService);

  protected readonly messagesLink = MESSAGES_LINK;
  protected readonly noteMaxLength = REVIEW_NOTE_MAX_LENGTH;
  protected readonly context = pageData<ModActionContext>();
  protected readonly status = signal<ReviewStatus>('pending');
  protected readonly saving = signal(false);
  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(REVIEW_NOTE_MAX_LENGTH)],
  });

  constructor() {
    // The context of the action shown; loaded once per action, not on every review change.
    let loadedFor: string | null = null;
    effect(() => {
      const { id, review } = this.action();
      untracked(() => {
        if (loadedFor !== id) {
          loadedFor = id;
          this.context.load(this.api.context(id));
        }
        this.status.set(review.status);
        this.note.setValue(review.note ?? '');
      });
    });
  }

  protected save(status: ReviewStatus): void {
    if (this.note.invalid) {
      this.note.markAsTouched();
      return;
    }
    const action = this.action();
    const note = this.note.value.trim() || null;
    this.saving.set(true);
    this.api
      .review(action.id, { status, note })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (updated) => {
          this.reviewed.emit(updated);
          this.notify.done(
            status === 'pending'
              ? 'Back in the review queue.'
              : `Marked ${reviewStatusLabel(status)}.`,
          );
        },
        error: (error: unknown) => this.notify.failed('Could not save the review', error),
      });
  }

  protected statusLabel = reviewStatusLabel;
  protected contextQuery = messageContextQuery;

  protected lastMessage(context: ModActionContext) {
    return context.messages.at(-1) ?? null;
  }
}
