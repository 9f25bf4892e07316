import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ADMIN_ROUTES,
  type ArchivedMessage,
  PAGE_OFFSET_MAX,
  type Page,
} from '@integron/contracts';

import { messageContextQuery } from '../../core/admin-links';
import { ChannelsApiService } from '../../core/channels-api.service';
import { fromLocalInput, toLocalInput } from '../../core/datetime-input.util';
import { pageData } from '../../core/page-data';
import { formatTotal } from '../../core/page-format.util';
import { CappedPaginatorIntl, provideCappedPaginator } from '../../shared/capped-paginator-intl';
import { ChatMessageComponent } from '../../shared/chat-message.component';
import { type ChatterPick, ChatterPickerComponent } from '../../shared/chatter-picker.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { MessagesApiService } from './messages-api.service';
import {
  type MessageSearch,
  PAGE_SIZES,
  apiQuery,
  isFiltered,
  searchFromParams,
  searchToParams,
} from './message-search.util';

/**
 * Search the archive: full text, channel, chatter, time range, with or without deleted lines.
 * The search lives in the URL, so it can be shared, bookmarked and gone back to.
 */
@Component({
  selector: 'app-messages',
  imports: [
    ChatMessageComponent,
    ChatterPickerComponent,
    DatePipe,
    LoadErrorComponent,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    MatTooltip,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideCappedPaginator()],
  templateUrl: './messages.component.html',
  styleUrl: './messages.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessagesComponent {
  private readonly api = inject(MessagesApiService);
  private readonly channelsApi = inject(ChannelsApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly paginatorIntl = inject(CappedPaginatorIntl);

  protected readonly title = ADMIN_ROUTES.messages.title;
  protected readonly columns = ['sentAt', 'channel', 'message', 'actions'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly channels = pageData(this.channelsApi.list());
  protected readonly messages = pageData<Page<ArchivedMessage>>();
  protected readonly search = signal<MessageSearch>({});
  protected readonly user = signal<ChatterPick | null>(null);
  protected readonly filtered = computed(() => isFiltered(this.search()));
  protected readonly totalLabel = computed(() => {
    const page = this.messages.value();
    return page ? formatTotal(page) : '';
  });
  /** The paginator stops where the server stops serving pages. */
  protected readonly pageLength = computed(() => {
    const page = this.messages.value();
    return page ? Math.min(page.total, PAGE_OFFSET_MAX + page.limit) : 0;
  });

  protected readonly form = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    channelId: new FormControl('', { nonNullable: true }),
    since: new FormControl('', { nonNullable: true }),
    until: new FormControl('', { nonNullable: true }),
    includeDeleted: new FormControl(true, { nonNullable: true }),
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const search = searchFromParams(params);
      this.search.set(search);
      this.form.setValue({
        q: search.q ?? '',
        channelId: search.channelId ?? '',
        since: toLocalInput(search.since),
        until: toLocalInput(search.until),
        includeDeleted: search.includeDeleted !== false,
      });
      this.user.set(
        search.userId ? { id: search.userId, login: search.user ?? search.userId } : null,
      );
      this.messages.load(this.api.list(apiQuery(search)));
    });
    // The paginator's "of 10,000+" follows the page on screen.
    effect(() => {
      this.paginatorIntl.capped = this.messages.value()?.totalCapped ?? false;
    });
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const user = this.user();
    this.go({
      q: value.q.trim() || undefined,
      channelId: value.channelId || undefined,
      userId: user?.id,
      user: user?.login,
      since: fromLocalInput(value.since),
      until: fromLocalInput(value.until),
      includeDeleted: value.includeDeleted,
      limit: this.search().limit,
      offset: 0,
    });
  }

  protected reset(): void {
    this.go({ limit: this.search().limit });
  }

  protected turnPage(event: PageEvent): void {
    this.go({ ...this.search(), limit: event.pageSize, offset: event.pageIndex * event.pageSize });
  }

  protected pageIndex(): number {
    const { offset = 0, limit = 1 } = this.search();
    return Math.floor(offset / limit);
  }

  protected contextQuery = messageContextQuery;

  protected isHighlighted(message: ArchivedMessage): boolean {
    return message.twitchMessageId === this.search().highlight;
  }

  private go(search: MessageSearch): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: searchToParams(search) });
  }
}
