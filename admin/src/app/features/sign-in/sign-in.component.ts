import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ActivatedRoute, Router } from '@angular/router';
import { ADMIN_ROUTES, SIGN_IN_ERRORS, type SignInError } from '@integron/contracts';
import { map } from 'rxjs';

import { FULL_PAGE_NAVIGATION } from '../../core/full-page-navigation';
import { PRODUCT_NAME } from '../../core/integron-title.strategy';
import { SIGN_IN_URL, SessionService } from '../../core/session.service';

function isSignInError(value: string | null): value is SignInError {
  return (SIGN_IN_ERRORS as readonly (string | null)[]).includes(value);
}

/** What the sign-in page says after Twitch's callback sent the person back with `?error=`. */
export function signInErrorMessage(error: SignInError): string {
  switch (error) {
    case 'denied':
      return 'You cancelled signing in on Twitch. Sign in again whenever you are ready.';
    case 'failed':
      return 'Signing in with Twitch did not work. Try again; if it keeps failing, the server log says why.';
  }
}

/** The public front door: one button that leaves for Twitch (or the demo's simulated Twitch). */
@Component({
  selector: 'app-sign-in',
  imports: [MatButton, MatIcon],
  template: `
    <main class="app-public-page">
      <section class="app-public-card">
        <mat-icon class="app-public-logo">hub</mat-icon>
        <h1>{{ productName }}</h1>
        <p class="app-muted">The control room of your streamer team.</p>

        @if (errorMessage(); as message) {
          <p class="app-banner app-banner--error" role="alert" data-testid="sign-in-error">
            <mat-icon>error</mat-icon>
            <span class="app-banner-text">{{ message }}</span>
          </p>
        }
        @if (unavailableReason(); as reason) {
          <div class="app-banner app-banner--warning" role="alert" data-testid="server-unavailable">
            <mat-icon>cloud_off</mat-icon>
            <div class="app-banner-text">
              <strong>Integron is not available right now</strong>
              <span>{{ reason }}</span>
            </div>
            <button matButton type="button" [disabled]="checking()" (click)="checkAgain()">
              Check again
            </button>
          </div>
        }

        <button
          matButton="filled"
          type="button"
          class="sign-in-button"
          data-testid="sign-in-button"
          (click)="signIn()"
        >
          <mat-icon>login</mat-icon>
          Sign in with Twitch
        </button>
        <p class="app-muted">
          Only people on the team can sign in. An owner or admin adds you by your Twitch login.
        </p>
      </section>
    </main>
  `,
  styles: `
    .sign-in-button {
      align-self: stretch;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInComponent {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly navigate = inject(FULL_PAGE_NAVIGATION);

  /** `?error=` from Twitch's callback. */
  private readonly error = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('error'))),
    { initialValue: null },
  );

  protected readonly productName = PRODUCT_NAME;
  protected readonly checking = signal(false);
  protected readonly errorMessage = computed(() => {
    const error = this.error();
    return isSignInError(error) ? signInErrorMessage(error) : null;
  });
  protected readonly unavailableReason = computed(() => {
    const state = this.session.state();
    return state.kind === 'unavailable' ? state.reason : null;
  });

  protected signIn(): void {
    this.navigate(SIGN_IN_URL);
  }

  /** The server may be back, and may know this browser's session. */
  protected async checkAgain(): Promise<void> {
    this.checking.set(true);
    const state = await this.session.refresh();
    this.checking.set(false);
    if (state.kind === 'signed_in') {
      await this.router.navigateByUrl(`/${ADMIN_ROUTES.dashboard.path}`);
    }
  }
}
