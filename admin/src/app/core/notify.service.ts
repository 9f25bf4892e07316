import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

import { describeHttpError } from './api-error.util';

/** How long a confirmation stays. */
export const DONE_SNACKBAR_MS = 4_000;
/** Problems stay longer, so there is time to read the reason (or dismiss it sooner). */
export const PROBLEM_SNACKBAR_MS = 12_000;

/** Tells the person how an action they started ended, in a snackbar. */
@Injectable({ providedIn: 'root' })
export class NotifyService {
  private readonly snackBar = inject(MatSnackBar);

  done(message: string): void {
    this.snackBar.open(message, undefined, { duration: DONE_SNACKBAR_MS });
  }

  /** `action` says what failed, e.g. "Could not remove nightowl"; the server's reason follows. */
  failed(action: string, error: unknown): void {
    this.problem(`${action}: ${describeHttpError(error)}`);
  }

  problem(message: string): void {
    this.snackBar.open(message, 'Dismiss', {
      duration: PROBLEM_SNACKBAR_MS,
      politeness: 'assertive',
    });
  }
}
