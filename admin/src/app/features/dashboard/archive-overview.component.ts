import { DatePipe, DecimalPipe, formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';

import {
  CHANNELS_LINK,
  MESSAGES_LINK,
  MODERATION_LINK,
  userProfileLink,
} from '../../core/admin-links';
import { ArchiveApiService } from '../../core/archive-api.service';
import { pageData } from '../../core/page-data';
import { ChartComponent, type ChartSpec } from '../../shared/chart.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import {
  modActionSentence,
  modActionTypeIcon,
  reviewStatusLabel,
} from '../../shared/mod-action.util';

/**
 * What the archive holds: totals, messages per hour over the last day, recent mod actions, and
 * the busiest channels and chatters. Loaded once; Refresh asks again.
 */
@Component({
  selector: 'app-archive-overview',
  imports: [
    ChartComponent,
    DatePipe,
    DecimalPipe,
    LoadErrorComponent,
    MatButton,
    MatIcon,
    MatIconButton,
    MatProgressBar,
    MatTooltip,
    RouterLink,
  ],
  templateUrl: './archive-overview.component.html',
  styleUrl: './archive-overview.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArchiveOverviewComponent {
  private readonly api = inject(ArchiveApiService);
  private readonly locale = inject(LOCALE_ID);

  protected readonly overview = pageData(this.api.overview());
  protected readonly messagesLink = MESSAGES_LINK;
  protected readonly moderationLink = MODERATION_LINK;
  protected readonly channelsLink = CHANNELS_LINK;

  protected readonly chart = computed((): ChartSpec | null => {
    const overview = this.overview.value();
    if (!overview || overview.messagesPerHour.length === 0) {
      return null;
    }
    return {
      kind: 'line',
      labels: overview.messagesPerHour.map((point) => formatDate(point.at, 'HH:mm', this.locale)),
      series: [
        {
          label: 'Messages',
          values: overview.messagesPerHour.map((point) => point.messages),
          tone: 'primary',
        },
      ],
    };
  });

  protected profileLink = userProfileLink;
  protected sentence = modActionSentence;
  protected typeIcon = modActionTypeIcon;
  protected statusLabel = reviewStatusLabel;
}
