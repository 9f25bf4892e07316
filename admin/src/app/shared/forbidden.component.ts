import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ADMIN_ROUTES } from '@integron/contracts';

export const FORBIDDEN_TITLE = 'No access';
export const FORBIDDEN_PAGE_MESSAGE = "You don't have access to this page";

/**
 * The no-access state: the routed page for a member whose role is too low, and what a page shows
 * when the API answers 403 to its data.
 */
@Component({
  selector: 'app-forbidden',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <section class="app-state" data-testid="forbidden" role="alert">
      <mat-icon class="app-state-icon">lock</mat-icon>
      <h2>{{ message() }}</h2>
      <p>
        Your role on the team does not include it. An owner or admin of the team can change that.
      </p>
      @if (showHomeLink()) {
        <a matButton="tonal" [routerLink]="dashboardLink">Back to the {{ dashboardTitle }}</a>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenComponent {
  readonly message = input(FORBIDDEN_PAGE_MESSAGE);
  readonly showHomeLink = input(true);

  protected readonly dashboardLink = `/${ADMIN_ROUTES.dashboard.path}`;
  protected readonly dashboardTitle = ADMIN_ROUTES.dashboard.title.toLowerCase();
}
