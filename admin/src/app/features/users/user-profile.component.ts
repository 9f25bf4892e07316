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
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type ActivityPoint,
  type ArchivedMessage,
  type ChatterProfile,
  type ModAction,
  type NameHistoryEntry,
  type Page,
} from '@integron/contracts';
import { filter, switchMap } from 'rxjs';

import { MESSAGES_LINK, MODERATION_LINK, USERS_LINK } from '../../core/admin-links';
import { ChattersApiService } from '../../core/chatters-api.service';
import { NotifyService } from '../../core/notify.service';
import { pageData } from '../../core/page-data';
import { SessionService } from '../../core/session.service';
import { CappedPaginatorIntl, provideCappedPaginator } from '../../shared/capped-paginator-intl';
import { ChartComponent, type ChartSpec } from '../../shared/chart.component';
import { ChatMessageComponent } from '../../shared/chat-message.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { describeModAction, reviewStatusLabel } from '../../shared/mod-action.util';
import { confirmChatterDeletion } from './delete-chatter-dialog.component';
import { ExportPanelComponent } from './export-panel.component';

export const ACTIVITY_RANGES = [30, 90, 365] as const;
export const TIMELINE_PAGE_SIZE = 25;
export const MOD_ACTIONS_PAGE_SIZE = 10;

/**
 * One chatter: stats overall and per channel, name history, activity per day, their messages
 * (newest first, by channel), the mod actions against them, export, and — for admins — deleting
 * everything the archive has of them.
 */
@Component({
  selector: 'app-user-profile',
  imports: [
    ChartComponent,
    ChatMessageComponent,
    DatePipe,
    DecimalPipe,
    ExportPanelComponent,
    LoadErrorComponent,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatFormField,
    MatIcon,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    RouterLink,
  ],
  providers: [provideCappedPaginator()],
  templateUrl: './user-profile.component.html',
  styleUrl: './user-profile.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserProfileComponent {
  private readonly api = inject(ChattersApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly locale = inject(LOCALE_ID);
  private readonly paginatorIntl = inject(CappedPaginatorIntl);

  protected readonly usersLink = USERS_LINK;
  protected readonly messagesLink = MESSAGES_LINK;
  protected readonly moderationLink = MODERATION_LINK;
  protected readonly activityRanges = ACTIVITY_RANGES;
  protected readonly channelColumns = ['channel', 'messages', 'bits', 'subMonths', 'seen'];
  private readonly session = inject(SessionService);
  protected readonly mayDelete = computed(() => this.session.hasRole('admin'));

  protected readonly twitchId = signal('');
  protected readonly profile = pageData<ChatterProfile>();
  protected readonly names = pageData<NameHistoryEntry[]>();
  protected readonly activity = pageData<ActivityPoint[]>();
  protected readonly messages = pageData<Page<ArchivedMessage>>();
  protected readonly modActions = pageData<Page<ModAction>>();
  protected readonly days = signal<number>(ACTIVITY_RANGES[0]);
  protected readonly timelineChannel = signal<string>('');
  protected readonly deleting = signal(false);

  protected readonly activityChart = computed((): ChartSpec | null => {
    const points = this.activity.value();
    if (!points) {
      return null;
    }
    return {
      kind: 'bar',
      labels: points.map((point) => formatDate(point.at, 'MMM d', this.locale, 'UTC')),
      series: [
        { label: 'Messages', values: points.map((point) => point.messages), tone: 'primary' },
      ],
    };
  });
  protected readonly activityTotal = computed(
    () => this.activity.value()?.reduce((sum, point) => sum + point.messages, 0) ?? 0,
  );

  constructor() {
    this.route.paramMap
      .pipe(takeUntilDestroyed())
      .subscribe((params) => this.show(params.get('twitchId') ?? ''));
    // The timeline's paginator says "10,000+" when the server stopped counting.
    effect(() => {
      this.paginatorIntl.capped = this.messages.value()?.totalCapped ?? false;
    });
  }

  protected showDays(days: number): void {
    this.days.set(days);
    this.activity.load(this.api.activity(this.twitchId(), days));
  }

  protected filterTimeline(channelId: string): void {
    this.timelineChannel.set(channelId);
    this.loadTimeline(0);
  }

  protected turnTimeline(event: PageEvent): void {
    this.loadTimeline(event.pageIndex * event.pageSize);
  }

  protected turnModActions(event: PageEvent): void {
    this.loadModActions(event.pageIndex * event.pageSize);
  }

  protected delete(profile: ChatterProfile): void {
    const { user } = profile;
    confirmChatterDeletion(this.dialog, user)
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.deleting.set(true);
          return this.api.remove(user.id);
        }),
      )
      .subscribe({
        next: () => {
          this.deleting.set(false);
          this.notify.done(`Deleted everything the archive had of ${user.login}.`);
          void this.router.navigateByUrl(USERS_LINK);
        },
        error: (error: unknown) => {
          this.deleting.set(false);
          this.notify.failed(`Could not delete ${user.login}'s archive`, error);
        },
      });
  }

  protected modActionLabel = describeModAction;
  protected reviewLabel = reviewStatusLabel;

  protected messagesOfChannelLink(channelId: string): Record<string, string> {
    const profile = this.profile.value();
    return {
      channelId,
      userId: this.twitchId(),
      ...(profile ? { user: profile.user.login } : {}),
    };
  }

  protected moderationQuery(): Record<string, string> {
    const profile = this.profile.value();
    return { targetId: this.twitchId(), ...(profile ? { target: profile.user.login } : {}) };
  }

  private show(twitchId: string): void {
    this.twitchId.set(twitchId);
    this.timelineChannel.set('');
    this.profile.load(this.api.profile(twitchId));
    this.names.load(this.api.names(twitchId));
    this.activity.load(this.api.activity(twitchId, this.days()));
    this.loadTimeline(0);
    this.loadModActions(0);
  }

  private loadTimeline(offset: number): void {
    this.messages.load(
      this.api.messages(this.twitchId(), {
        channelId: this.timelineChannel() || undefined,
        limit: TIMELINE_PAGE_SIZE,
        offset,
      }),
    );
  }

  private loadModActions(offset: number): void {
    this.modActions.load(
      this.api.modActions(this.twitchId(), { limit: MOD_ACTIONS_PAGE_SIZE, offset }),
    );
  }
}
