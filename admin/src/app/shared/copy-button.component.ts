import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';

import { NotifyService } from '../core/notify.service';

/** How long the button shows a tick after copying. */
const COPIED_FEEDBACK_MS = 2_000;

/** An icon button that copies `value` to the clipboard and says so. */
@Component({
  selector: 'app-copy-button',
  imports: [CdkCopyToClipboard, MatIcon, MatIconButton, MatTooltip],
  template: `
    <button
      matIconButton
      type="button"
      [cdkCopyToClipboard]="value()"
      (cdkCopyToClipboardCopied)="onCopied($event)"
      [attr.aria-label]="label()"
      [matTooltip]="label()"
    >
      <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
    </button>
  `,
  styles: `
    :host {
      display: inline-block;
      vertical-align: middle;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyButtonComponent {
  readonly value = input.required<string>();
  /** What is copied, e.g. "the overlay URL". */
  readonly what = input.required<string>();

  private readonly announcer = inject(LiveAnnouncer);
  private readonly notify = inject(NotifyService);
  private resetTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly copied = signal(false);
  protected readonly label = computed(() => `Copy ${this.what()}`);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.resetTimer));
  }

  protected onCopied(succeeded: boolean): void {
    if (!succeeded) {
      this.notify.problem(`Could not copy ${this.what()}: select it and copy it by hand.`);
      return;
    }
    void this.announcer.announce(`Copied ${this.what()}.`);
    this.copied.set(true);
    clearTimeout(this.resetTimer);
    this.resetTimer = setTimeout(() => this.copied.set(false), COPIED_FEEDBACK_MS);
  }
}
