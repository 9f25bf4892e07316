import { DatePipe, DecimalPipe, formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import {
  MatAccordion,
  MatExpansionPanel,
  MatExpansionPanelContent,
  MatExpansionPanelDescription,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ADMIN_ROUTES,
  MOD_ACTION_TYPES,
  PAGE_OFFSET_MAX,
  type ModAction,
  type ModActionStats,
  type ModActionType,
  type Page,
} from '@integron/contracts';

import { userProfileLink } from '../../core/admin-links';
import { ChannelsApiService } from '../../core/channels-api.service';
import { fromLocalInput, toLocalInput } from '../../core/datetime-input.util';
import { ModActionsApiService } from '../../core/mod-actions-api.service';
import { pageData } from '../../core/page-data';
import { formatTotal } from '../../core/page-format.util';
import { CappedPaginatorIntl, provideCappedPaginator } from '../../shared/capped-paginator-intl';
import { ChartComponent, type ChartSpec, type ChartTone } from '../../shared/chart.component';
import { type ChatterPick, ChatterPickerComponent } from '../../shared/chatter-picker.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import {
  describeModAction,
  modActionTypeIcon,
  modActionTypeLabel,
  reviewStatusLabel,
} from '../../shared/mod-action.util';
import { ModActionDetailComponent } from './mod-action-detail.component';
import {
  MODERATION_PAGE_SIZE,
  type ModerationFilter,
  STATS_DEFAULT_DAYS,
  type StatusFilter,
  filterFromParams,
  filterToParams,
  listQuery,
  statsQuery,
} from './moderation-filter.util';

const TYPE_TONES: Record<ModActionType, ChartTone> = {
  ban: 'error',
  timeout: 'warning',
  delete: 'tertiary',
  clear: 'secondary',
  unban: 'success',
  untimeout: 'primary',
};

export const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'pending', label: 'To review' },
  { value: 'flagged', label: 'Flagged' },
  { value: 'ok', label: 'OK' },
  { value: 'all', label: 'All' },
];

/**
 * Moderation of the team's channels: filters, stats, and the review queue — each action with
 * what its target wrote just before it, to be marked OK or flagged with a note.
 */
@Component({
  selector: 'app-moderation',
  imports: [
    ChartComponent,
    ChatterPickerComponent,
    DatePipe,
    DecimalPipe,
    LoadErrorComponent,
    MatAccordion,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatExpansionPanel,
    MatExpansionPanelContent,
    MatExpansionPanelDescription,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    ModActionDetailComponent,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [provideCappedPaginator()],
  templateUrl: './moderation.component.html',
  styleUrl: './moderation.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModerationComponent {
  private readonly api = inject(ModActionsApiService);
  private readonly channelsApi = inject(ChannelsApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly locale = inject(LOCALE_ID);
  private readonly paginatorIntl = inject(CappedPaginatorIntl);

  protected readonly title = ADMIN_ROUTES.moderation.title;
  protected readonly types = MOD_ACTION_TYPES;
  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly channels = pageData(this.channelsApi.list());
  protected readonly actions = pageData<Page<ModAction>>();
  protected readonly stats = pageData<ModActionStats>();
  protected readonly filter = signal<ModerationFilter>({ status: 'pending', offset: 0 });
  protected readonly moderator = signal<ChatterPick | null>(null);
  protected readonly target = signal<ChatterPick | null>(null);
  protected readonly pageSize = MODERATION_PAGE_SIZE;

  protected readonly form = new FormGroup({
    type: new FormControl<ModActionType | ''>('', { nonNullable: true }),
    channelId: new FormControl('', { nonNullable: true }),
    since: new FormControl('', { nonNullable: true }),
    until: new FormControl('', { nonNullable: true }),
  });

  protected readonly totalLabel = computed(() => {
    const page = this.actions.value();
    return page ? formatTotal(page) : '';
  });

  /** The paginator stops where the server stops serving pages. */
  protected readonly pageLength = computed(() => {
    const page = this.actions.value();
    return page ? Math.min(page.total, PAGE_OFFSET_MAX + page.limit) : 0;
  });

  private readonly hourly = computed(() => statsQuery(this.filter(), new Date()).bucket === 'hour');
  protected readonly chartLabel = computed(
    () => `Mod actions per ${this.hourly() ? 'hour' : 'day'}, by type`,
  );

  /** Stats follow the channel and time range only, not the other filters. */
  protected readonly statsScope = computed(() => {
    const filter = this.filter();
    const channel = filter.channelId
      ? (this.channels.value()?.find((each) => each.id === filter.channelId)?.displayName ??
        'The chosen channel')
      : 'All channels';
    const range =
      filter.since || filter.until
        ? 'in the chosen time range'
        : `over the last ${STATS_DEFAULT_DAYS} days`;
    return `${channel}, ${range}.`;
  });

  protected readonly chart = computed((): ChartSpec | null => {
    const stats = this.stats.value();
    if (!stats || stats.series.length === 0) {
      return null;
    }
    const hourly = this.hourly();
    const used = MOD_ACTION_TYPES.filter((type) => stats.byType[type] > 0);
    return {
      kind: 'bar',
      stacked: true,
      labels: stats.series.map((point) =>
        formatDate(point.at, hourly ? 'MMM d, HH:mm' : 'MMM d', this.locale),
      ),
      series: (used.length > 0 ? used : MOD_ACTION_TYPES).map((type) => ({
        label: modActionTypeLabel(type),
        values: stats.series.map((point) => point.counts[type]),
        tone: TYPE_TONES[type],
      })),
    };
  });
  protected readonly statsTotal = computed(() => {
    const stats = this.stats.value();
    return stats ? MOD_ACTION_TYPES.reduce((sum, type) => sum + stats.byType[type], 0) : 0;
  });

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const filter = filterFromParams(params);
      this.filter.set(filter);
      this.form.setValue({
        type: filter.type ?? '',
        channelId: filter.channelId ?? '',
        since: toLocalInput(filter.since),
        until: toLocalInput(filter.until),
      });
      this.moderator.set(pick(filter.moderatorId, filter.moderator));
      this.target.set(pick(filter.targetId, filter.target));
      this.actions.load(this.api.list(listQuery(filter)));
      this.stats.load(this.api.stats(statsQuery(filter, new Date())));
    });
    // The paginator's "of 10,000+" follows the page on screen.
    effect(() => {
      this.paginatorIntl.capped = this.actions.value()?.totalCapped ?? false;
    });
  }

  protected applyFilters(): void {
    const value = this.form.getRawValue();
    const moderator = this.moderator();
    const target = this.target();
    this.go({
      status: this.filter().status,
      type: value.type || undefined,
      channelId: value.channelId || undefined,
      moderatorId: moderator?.id,
      moderator: moderator?.login,
      targetId: target?.id,
      target: target?.login,
      since: fromLocalInput(value.since),
      until: fromLocalInput(value.until),
      offset: 0,
    });
  }

  protected clearFilters(): void {
    this.go({ status: this.filter().status, offset: 0 });
  }

  protected showStatus(status: StatusFilter): void {
    this.go({ ...this.filter(), status, offset: 0 });
  }

  protected turnPage(event: PageEvent): void {
    this.go({ ...this.filter(), offset: event.pageIndex * event.pageSize });
  }

  protected showReviewed(updated: ModAction): void {
    this.actions.update((page) => ({
      ...page,
      items: page.items.map((each) => (each.id === updated.id ? updated : each)),
    }));
  }

  protected hasFilters(): boolean {
    const { type, channelId, moderatorId, targetId, since, until } = this.filter();
    return [type, channelId, moderatorId, targetId, since, until].some(
      (value) => value !== undefined && value !== '',
    );
  }

  protected typeLabel = modActionTypeLabel;
  protected typeIcon = modActionTypeIcon;
  protected describe = describeModAction;
  protected statusLabel = reviewStatusLabel;
  protected profileLink = userProfileLink;

  private go(filter: ModerationFilter): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: filterToParams(filter) });
  }
}

function pick(id: string | undefined, login: string | undefined): ChatterPick | null {
  return id ? { id, login: login ?? id } : null;
}
