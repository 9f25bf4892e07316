import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  type MatDialogRef,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { type IssuedOverlayKey } from '@integron/contracts';
import { CopyButtonComponent } from '../../shared/copy-button.component';

export interface IssuedKeyDialogData {
  issued: IssuedOverlayKey;
  channelName: string;
  /** The key is new, or replaces one that has just stopped working. */
  reason: 'created' | 'rotated';
}

/**
 * The one time a key is shown. It closes only from its button, so a stray click or Escape does
 * not lose the key before it was copied.
 */
@Component({
  selector: 'app-issued-key-dialog',
  imports: [
    CopyButtonComponent,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatIcon,
  ],
  template: `
    <h2 mat-dialog-title>Key "{{ data.issued.name }}" {{ data.reason }}</h2>
    <mat-dialog-content data-testid="issued-key-dialog">
      <div class="app-banner app-banner--warning" role="alert">
        <mat-icon>warning</mat-icon>
        <span class="app-banner-text">
          <strong>Copy it now: you will not see this key again.</strong>
          If it gets lost, rotate the key to get a new one.
        </span>
      </div>
      <p>
        In OBS, add a browser source for {{ data.channelName }} with this overlay URL. It carries
        the key, so treat it like a password.
        @if (data.reason === 'rotated') {
          The previous key has stopped working: update every source that used it.
        }
      </p>
      <div class="secret">
        <span class="secret-label">Overlay URL</span>
        <code data-testid="issued-overlay-url">{{ data.issued.overlayUrl }}</code>
        <app-copy-button [value]="data.issued.overlayUrl" what="the overlay URL" />
      </div>
      <div class="secret">
        <span class="secret-label">Key</span>
        <code data-testid="issued-key">{{ data.issued.key }}</code>
        <app-copy-button [value]="data.issued.key" what="the key" />
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton="filled" type="button" data-testid="issued-key-close" mat-dialog-close>
        I have copied it
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .secret {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 0 8px;
      margin-top: 12px;
    }
    .secret-label {
      grid-column: 1 / -1;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    code {
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-highest);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IssuedKeyDialogComponent {
  protected readonly data = inject<IssuedKeyDialogData>(MAT_DIALOG_DATA);
}

/** Shows a key that was just issued. */
export function showIssuedKey(
  dialog: MatDialog,
  data: IssuedKeyDialogData,
): MatDialogRef<IssuedKeyDialogComponent> {
  return dialog.open<IssuedKeyDialogComponent, IssuedKeyDialogData>(IssuedKeyDialogComponent, {
    data,
    disableClose: true,
    width: '560px',
    maxWidth: 'calc(100vw - 32px)',
  });
}
