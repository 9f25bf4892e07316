import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type UserRef } from '@integron/contracts';
import { type Observable, map } from 'rxjs';

/**
 * Asks before deleting everything the archive has of a chatter. Confirming takes typing their
 * login, so it is never a slip of the mouse.
 */
@Component({
  selector: 'app-delete-chatter-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatInput,
    MatLabel,
  ],
  template: `
    <h2 mat-dialog-title>Delete {{ user.displayName }}'s archive?</h2>
    <mat-dialog-content>
      <p>
        Every archived message of {{ user.login }}, the mod actions against them, their stats and
        their name history are deleted for good, in every channel. This cannot be undone; the
        deletion is written to the audit log.
      </p>
      <mat-form-field class="confirm-field">
        <mat-label>Type {{ user.login }} to confirm</mat-label>
        <input
          #typed
          matInput
          autocomplete="off"
          spellcheck="false"
          data-testid="delete-confirm-login"
          (input)="typedLogin.set(typed.value)"
        />
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="false">Cancel</button>
      <button
        matButton="filled"
        type="button"
        class="app-danger-button"
        data-testid="confirm"
        [disabled]="typedLogin().trim().toLowerCase() !== user.login"
        [mat-dialog-close]="true"
      >
        Delete for good
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .confirm-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeleteChatterDialogComponent {
  protected readonly user = inject<UserRef>(MAT_DIALOG_DATA);
  protected readonly typedLogin = signal('');
}

/** Emits once, `true` when the login was typed and the deletion confirmed. */
export function confirmChatterDeletion(dialog: MatDialog, user: UserRef): Observable<boolean> {
  return dialog
    .open<DeleteChatterDialogComponent, UserRef, boolean>(DeleteChatterDialogComponent, {
      data: user,
      width: '480px',
      maxWidth: 'calc(100vw - 32px)',
    })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
