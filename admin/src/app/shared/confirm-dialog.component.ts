import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { type Observable, filter, map, switchMap } from 'rxjs';

export interface ConfirmDialogData {
  title: string;
  message: string;
  /** Names the action, e.g. "Remove"; never just "OK". */
  confirmLabel: string;
}

/** Asks before something that cannot be undone. Closes with `true` only on the confirm button. */
@Component({
  selector: 'app-confirm-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="false">Cancel</button>
      <button
        matButton="filled"
        type="button"
        class="app-danger-button"
        data-testid="confirm"
        [mat-dialog-close]="true"
      >
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Opens the confirm dialog; emits once, `true` when confirmed. */
export function confirmAction(dialog: MatDialog, data: ConfirmDialogData): Observable<boolean> {
  return dialog
    .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '440px',
      maxWidth: 'calc(100vw - 32px)',
    })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}

/** Runs `action` only once the person confirms; emits what it emits. */
export function confirmThen<T>(
  dialog: MatDialog,
  data: ConfirmDialogData,
  action: () => Observable<T>,
): Observable<T> {
  return confirmAction(dialog, data).pipe(filter(Boolean), switchMap(action));
}
