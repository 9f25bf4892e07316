import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  InjectionToken,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ADMIN_ROUTES, PAGE_OFFSET_MAX, type Page, type Viewer } from '@integron/contracts';
import { debounceTime, distinctUntilChanged, filter, map, switchMap } from 'rxjs';

import { userProfileLink } from '../../core/admin-links';
import { BusyIds } from '../../core/busy-ids';
import { ChannelsApiService } from '../../core/channels-api.service';
import { ChattersApiService } from '../../core/chatters-api.service';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { formatTotal } from '../../core/page-format.util';
import { SessionService } from '../../core/session.service';
import { CappedPaginatorIntl, provideCappedPaginator } from '../../shared/capped-paginator-intl';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { confirmChatterDeletion } from '../users/delete-chatter-dialog.component';
import { ViewersApiService } from './viewers-api.service';
import {
  DEFAULT_VIEWERS_VIEW,
  type ViewersView,
  isViewerSort,
  viewFromParams,
  viewToParams,
  viewersQuery,
} from './viewers-query.util';

/** Typing pauses this long before the search runs. */
export const VIEWER_SEARCH_DEBOUNCE_MS = new InjectionToken<number>('VIEWER_SEARCH_DEBOUNCE_MS', {
  factory: () => 300,
});

/**
 * Each chatter's standing per channel — messages, bits, sub months, first and last seen — sorted
 * by the server, searched by name, in the URL. A row opens the chatter's profile; admins can
 * delete a chatter's archive from here.
 */
@Component({
  selector: 'app-viewers',
  imports: [
    DatePipe,
    DecimalPipe,
    LoadErrorComponent,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatSort,
    MatSortHeader,
    MatTableModule,
    MatTooltip,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideCappedPaginator()],
  templateUrl: './viewers.component.html',
  styleUrl: './viewers.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ViewersComponent {
  private readonly api = inject(ViewersApiService);
  private readonly chattersApi = inject(ChattersApiService);
  private readonly channelsApi = inject(ChannelsApiService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly paginatorIntl = inject(CappedPaginatorIntl);

  protected readonly title = ADMIN_ROUTES.viewers.title;
  protected readonly channels = pageData(this.channelsApi.list());
  protected readonly viewers = pageData<Page<Viewer>>();
  protected readonly view = signal<ViewersView>(DEFAULT_VIEWERS_VIEW);
  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly channelId = new FormControl('', { nonNullable: true });
  protected readonly mayDelete = computed(() => this.session.hasRole('admin'));
  protected readonly deleting = new BusyIds();
  /** Profile images that did not load: their initial shows instead. */
  protected readonly brokenImages = signal<ReadonlySet<string>>(new Set());
  protected readonly profileLink = userProfileLink;

  protected readonly columns = computed(() => [
    'viewer',
    ...(this.view().channelId ? [] : ['channel']),
    'messages',
    'bits',
    'subMonths',
    'firstSeen',
    'lastSeen',
    ...(this.mayDelete() ? ['actions'] : []),
  ]);

  protected readonly totalLabel = computed(() => {
    const page = this.viewers.value();
    return page ? formatTotal(page) : '';
  });

  /** The paginator stops where the server stops serving pages. */
  protected readonly pageLength = computed(() => {
    const page = this.viewers.value();
    return page ? Math.min(page.total, PAGE_OFFSET_MAX + page.limit) : 0;
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const view = viewFromParams(params);
      this.view.set(view);
      if (this.query.value.trim() !== (view.q ?? '')) {
        this.query.setValue(view.q ?? '', { emitEvent: false });
      }
      this.channelId.setValue(view.channelId ?? '', { emitEvent: false });
      this.viewers.load(this.api.list(viewersQuery(view)));
    });
    this.query.valueChanges
      .pipe(
        map((value) => value.trim()),
        debounceTime(inject(VIEWER_SEARCH_DEBOUNCE_MS)),
        distinctUntilChanged(),
        filter((q) => q !== (this.view().q ?? '')),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.go({ ...this.view(), q: q || undefined, offset: 0 }, true));
    this.channelId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((channelId) =>
        this.go({ ...this.view(), channelId: channelId || undefined, offset: 0 }),
      );
    effect(() => {
      this.paginatorIntl.capped = this.viewers.value()?.totalCapped ?? false;
    });
  }

  protected sortBy(sort: Sort): void {
    if (!isViewerSort(sort.active)) {
      return;
    }
    this.go({
      ...this.view(),
      sort: sort.active,
      order: sort.direction === 'asc' ? 'asc' : 'desc',
      offset: 0,
    });
  }

  protected turnPage(event: PageEvent): void {
    this.go({ ...this.view(), offset: event.pageIndex * event.pageSize });
  }

  protected open(viewer: Viewer): void {
    void this.router.navigate(userProfileLink(viewer.user.id));
  }

  protected remove(viewer: Viewer, event: Event): void {
    event.stopPropagation();
    const { user } = viewer;
    confirmChatterDeletion(this.dialog, user)
      .pipe(
        filter(Boolean),
        switchMap(() => this.deleting.track(user.id, this.chattersApi.remove(user.id))),
      )
      .subscribe({
        next: () => {
          this.notify.done(`Deleted everything the archive had of ${user.login}.`);
          this.viewers.reload();
        },
        error: (error: unknown) =>
          this.notify.failed(`Could not delete ${user.login}'s archive`, error),
      });
  }

  protected pageIndex(page: Page<unknown>): number {
    return page.limit ? Math.floor(page.offset / page.limit) : 0;
  }

  protected rowKey(viewer: Viewer): string {
    return `${viewer.channel.id}:${viewer.user.id}`;
  }

  protected imageFailed(url: string): void {
    this.brokenImages.update((urls) => new Set(urls).add(url));
  }

  protected initial(viewer: Viewer): string {
    return Array.from(viewer.user.displayName || viewer.user.login)[0]?.toUpperCase() ?? '?';
  }

  private go(view: ViewersView, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: viewToParams(view),
      replaceUrl,
    });
  }
}
