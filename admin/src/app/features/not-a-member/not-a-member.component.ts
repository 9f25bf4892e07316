import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { PUBLIC_ADMIN_PATHS } from '@integron/contracts';
import { map } from 'rxjs';

import { NOT_A_MEMBER_TITLE } from './not-a-member.constant';

/** Where Twitch's callback sends someone who proved who they are but is not on the team. */
@Component({
  selector: 'app-not-a-member',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <main class="app-public-page">
      <section class="app-public-card" data-testid="not-a-member">
        <mat-icon class="app-public-logo">person_off</mat-icon>
        <h1>{{ title }}</h1>
        <p>
          @if (login(); as login) {
            <strong>{{ login }}</strong> is not on this team.
          } @else {
            Your Twitch account is not on this team.
          }
          Ask an owner or admin of the team to add you by your Twitch login, then sign in again.
        </p>
        <a matButton="filled" [routerLink]="signInLink">Sign in as someone else</a>
        <p class="app-muted">
          To use another Twitch account, sign out of Twitch in this browser first.
        </p>
      </section>
    </main>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotAMemberComponent {
  /** `?login=` from Twitch's callback. */
  protected readonly login = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('login'))),
    { initialValue: null },
  );

  protected readonly title = NOT_A_MEMBER_TITLE;
  protected readonly signInLink = `/${PUBLIC_ADMIN_PATHS.signIn}`;
}
