import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbar } from '@angular/material/toolbar';
import { MatTooltip } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';

import { describeHttpError } from '../core/api-error.util';
import { PRODUCT_NAME } from '../core/integron-title.strategy';
import { navFor, roleLabel } from '../core/role.util';
import { SessionService } from '../core/session.service';
import { ThemeService } from '../core/theme.service';
import { NavListComponent } from './nav-list.component';

/** Below this width the sidenav floats over the page and opens from the hamburger. */
export const NARROW_LAYOUT_QUERY = '(max-width: 839.98px)';

/** The signed-in frame: toolbar, responsive sidenav of the pages the member may open, the page. */
@Component({
  selector: 'app-shell',
  imports: [
    MatIcon,
    MatIconButton,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    MatTooltip,
    NavListComponent,
    RouterOutlet,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly productName = PRODUCT_NAME;
  protected readonly theme = inject(ThemeService);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly member = this.session.member;
  protected readonly memberRole = computed(() => {
    const member = this.member();
    return member ? roleLabel(member.role) : '';
  });
  protected readonly navRoutes = computed(() => navFor(this.member()?.role));
  protected readonly isNarrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly themeToggleLabel = computed(() =>
    this.theme.mode() === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
  );

  private readonly sidenav = viewChild.required(MatSidenav);

  constructor() {
    // On narrow screens the drawer covers the page: close it once a link has been followed.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.isNarrow()) {
          void this.sidenav().close();
        }
      });
  }

  protected signOut(): void {
    this.session.signOut().catch((error: unknown) => {
      this.snackBar.open(`Could not sign out: ${describeHttpError(error)}`, 'Dismiss');
    });
  }
}
