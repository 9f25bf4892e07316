import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { ADMIN_NAV, type AdminNavEntry } from '../core/role.util';

@Component({
  selector: 'app-nav-list',
  imports: [
    MatIcon,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatNavList,
    RouterLink,
    RouterLinkActive,
  ],
  template: `
    <mat-nav-list aria-label="Pages">
      @for (route of routes(); track route.key) {
        <a
          mat-list-item
          [routerLink]="['/', route.path]"
          routerLinkActive
          #link="routerLinkActive"
          [activated]="link.isActive"
          [attr.aria-current]="link.isActive ? 'page' : null"
          [attr.data-testid]="'nav-' + route.key"
        >
          <mat-icon matListItemIcon>{{ route.icon }}</mat-icon>
          <span matListItemTitle>{{ route.title }}</span>
        </a>
      }
    </mat-nav-list>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NavListComponent {
  readonly routes = input<readonly AdminNavEntry[]>(ADMIN_NAV);
}
