import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { ADMIN_ROUTES } from '@integron/contracts';

import { NOT_FOUND_TITLE } from './not-found.constant';

@Component({
  selector: 'app-not-found',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <section class="not-found">
      <mat-icon class="icon">explore_off</mat-icon>
      <h1>{{ title }}</h1>
      <p>
        Nothing lives at <code>{{ url }}</code>. The link may be old or mistyped.
      </p>
      <a matButton="filled" [routerLink]="dashboardLink">Back to the {{ dashboardTitle }}</a>
    </section>
  `,
  styles: `
    .not-found {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 48px 16px;
      text-align: center;
    }
    .icon {
      width: 64px;
      height: 64px;
      font-size: 64px;
      color: var(--mat-sys-on-surface-variant);
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 8px 0 0;
    }
    p {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundComponent {
  protected readonly title = NOT_FOUND_TITLE;
  protected readonly url = inject(Router).url;
  protected readonly dashboardLink = `/${ADMIN_ROUTES.dashboard.path}`;
  protected readonly dashboardTitle = ADMIN_ROUTES.dashboard.title.toLowerCase();
}
