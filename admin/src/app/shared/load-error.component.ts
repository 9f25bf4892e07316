import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

import { NO_ACCESS_MESSAGE } from '../core/api-error.util';
import { type LoadError } from '../core/load-state';
import { ForbiddenComponent } from './forbidden.component';

/** The error state of a page's data: no-access for a 403, else the reason and a Retry button. */
@Component({
  selector: 'app-load-error',
  imports: [ForbiddenComponent, MatButton, MatIcon],
  template: `
    @if (error().forbidden) {
      <app-forbidden [message]="noAccess" [showHomeLink]="false" />
    } @else {
      <section class="app-banner app-banner--error" role="alert" data-testid="load-error">
        <mat-icon>error</mat-icon>
        <div class="app-banner-text">
          <strong>{{ what() }}</strong>
          <span>{{ error().message }}</span>
        </div>
        <button matButton="filled" type="button" (click)="retry.emit()">Retry</button>
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadErrorComponent {
  readonly error = input.required<LoadError>();
  /** What could not be loaded, e.g. "Could not load the team". */
  readonly what = input.required<string>();
  readonly retry = output();

  protected readonly noAccess = NO_ACCESS_MESSAGE.replace(/\.$/, '');
}
