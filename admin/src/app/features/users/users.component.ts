import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  InjectionToken,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ADMIN_ROUTES, type ChatterSummary, type Page } from '@integron/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { userProfileLink } from '../../core/admin-links';
import { ChattersApiService } from '../../core/chatters-api.service';
import { pageData } from '../../core/page-data';
import { CappedPaginatorIntl, provideCappedPaginator } from '../../shared/capped-paginator-intl';
import { LoadErrorComponent } from '../../shared/load-error.component';

/** Typing pauses this long before the search runs. */
export const USER_SEARCH_DEBOUNCE_MS = new InjectionToken<number>('USER_SEARCH_DEBOUNCE_MS', {
  factory: () => 300,
});

const PAGE_SIZE = 25;

/** Chatters, the busiest first, or found by login; the search is in the URL (`?q=`). */
@Component({
  selector: 'app-users',
  imports: [
    DatePipe,
    DecimalPipe,
    LoadErrorComponent,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatTableModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideCappedPaginator()],
  template: `
    <header class="app-page-header">
      <h1 class="app-page-title">{{ title }}</h1>
    </header>
    <p class="app-page-intro">
      Everyone the archive has seen in the team's channels. Open someone to see their messages, mod
      actions, names and activity.
    </p>

    <mat-form-field class="search">
      <mat-label>Login or display name</mat-label>
      <mat-icon matPrefix>person_search</mat-icon>
      <input
        matInput
        autocomplete="off"
        spellcheck="false"
        data-testid="user-search"
        [formControl]="query"
      />
      <mat-hint>The start of the name is enough.</mat-hint>
    </mat-form-field>

    <div class="app-progress">
      @if (results.busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading chatters" />
      }
    </div>

    @if (results.error(); as error) {
      <app-load-error what="Could not load chatters" [error]="error" (retry)="results.reload()" />
    } @else if (results.value(); as page) {
      @if (page.items.length === 0) {
        <section class="app-state" data-testid="users-empty">
          <mat-icon class="app-state-icon">person_off</mat-icon>
          @if (searchedFor()) {
            <h2>No chatter matches "{{ searchedFor() }}"</h2>
          } @else {
            <h2>No chatters yet</h2>
          }
          <p>Only people who wrote in a team channel since Integron archives it are here.</p>
        </section>
      } @else {
        <h2 class="caption" data-testid="users-caption">
          {{ searchedFor() ? 'Chatters matching "' + searchedFor() + '"' : 'Busiest chatters' }}
        </h2>
        <div class="app-table-scroll">
          <table
            mat-table
            [dataSource]="page.items"
            aria-label="Chatters"
            data-testid="users-table"
          >
            <ng-container matColumnDef="user">
              <th mat-header-cell *matHeaderCellDef>Chatter</th>
              <td mat-cell *matCellDef="let chatter">
                <a class="name" [routerLink]="profileLink(chatter.user.id)">{{
                  chatter.user.displayName
                }}</a>
                <span class="app-muted"> {{ chatter.user.login }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="messages">
              <th mat-header-cell *matHeaderCellDef>Messages</th>
              <td mat-cell *matCellDef="let chatter">{{ chatter.messageCount | number }}</td>
            </ng-container>
            <ng-container matColumnDef="firstSeen">
              <th mat-header-cell *matHeaderCellDef>First seen</th>
              <td mat-cell *matCellDef="let chatter">
                {{ chatter.firstSeen | date: 'mediumDate' }}
              </td>
            </ng-container>
            <ng-container matColumnDef="lastSeen">
              <th mat-header-cell *matHeaderCellDef>Last seen</th>
              <td mat-cell *matCellDef="let chatter">{{ chatter.lastSeen | date: 'short' }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr
              mat-row
              *matRowDef="let chatter; columns: columns"
              [attr.data-login]="chatter.user.login"
            ></tr>
          </table>
        </div>
        <mat-paginator
          [length]="page.total"
          [pageSize]="page.limit"
          [pageIndex]="page.limit ? page.offset / page.limit : 0"
          [hidePageSize]="true"
          (page)="turnPage($event)"
        />
      }
    }
  `,
  styles: `
    .search {
      width: min(480px, 100%);
    }
    .caption {
      margin: 8px 0;
      font: var(--mat-sys-title-small);
    }
    .name {
      font-weight: 500;
      color: var(--mat-sys-primary);
      text-decoration: none;
      &:hover {
        text-decoration: underline;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersComponent {
  private readonly api = inject(ChattersApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly paginatorIntl = inject(CappedPaginatorIntl);

  protected readonly title = ADMIN_ROUTES.users.title;
  protected readonly columns = ['user', 'messages', 'firstSeen', 'lastSeen'];
  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly results = pageData<Page<ChatterSummary>>();
  protected readonly searchedFor = signal('');
  protected readonly profileLink = userProfileLink;

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const q = params.get('q')?.trim() ?? '';
      const offset = Number(params.get('offset')) || 0;
      if (this.query.value.trim() !== q) {
        this.query.setValue(q, { emitEvent: false });
      }
      this.searchedFor.set(q);
      this.results.load(this.api.search(q, { limit: PAGE_SIZE, offset }));
    });
    this.query.valueChanges
      .pipe(
        map((value) => value.trim()),
        debounceTime(inject(USER_SEARCH_DEBOUNCE_MS)),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.go({ q: q || null, offset: null }));
    effect(() => {
      this.paginatorIntl.capped = this.results.value()?.totalCapped ?? false;
    });
  }

  protected turnPage(event: PageEvent): void {
    this.go({ q: this.searchedFor(), offset: event.pageIndex * event.pageSize || null });
  }

  private go(queryParams: { q: string | null; offset: number | null }): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl: true });
  }
}
