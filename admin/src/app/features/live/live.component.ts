import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  InjectionToken,
  afterRenderEffect,
  computed,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ADMIN_ROUTES, LIVE_MAX_CHANNELS, type LiveSubscription } from '@integron/contracts';

import { userProfileLink } from '../../core/admin-links';
import { ChannelsApiService, currentChannels } from '../../core/channels-api.service';
import { type LiveEvent, LiveClient } from '../../core/live-client';
import { pageData } from '../../core/page-data';
import { ChatMessageComponent } from '../../shared/chat-message.component';
import { LoadErrorComponent } from '../../shared/load-error.component';
import { modActionSentence, modActionTypeIcon } from '../../shared/mod-action.util';
import { LiveFeed, type LiveEntry } from './live-feed';

/** Events are shown in batches this often, so a busy chat does not re-render per line. */
export const LIVE_FLUSH_MS = new InjectionToken<number>('LIVE_FLUSH_MS', { factory: () => 100 });

/** Within this distance of the bottom the feed counts as "at the bottom" and keeps following. */
const AT_BOTTOM_PX = 48;

/** The URL's `?channel=` ids (repeatable); none: all channels. */
export const LIVE_CHANNEL_PARAM = 'channel';

/**
 * Chat as it happens in the chosen channels (or all): follows the newest line until the reader
 * scrolls up, then waits with a "n new messages" button. Mod actions are highlighted inline and
 * deleted lines struck through.
 */
@Component({
  selector: 'app-live',
  imports: [
    ChatMessageComponent,
    DatePipe,
    LoadErrorComponent,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatTooltip,
    RouterLink,
  ],
  providers: [LiveClient],
  templateUrl: './live.component.html',
  styleUrl: './live.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveComponent {
  private readonly channelsApi = inject(ChannelsApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly flushMs = inject(LIVE_FLUSH_MS);
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  protected readonly live = inject(LiveClient);

  protected readonly title = ADMIN_ROUTES.live.title;
  protected readonly feed = new LiveFeed();
  protected readonly channels = pageData(this.channelsApi.list());
  protected readonly channelOptions = computed(() => currentChannels(this.channels.value() ?? []));
  protected readonly selected = signal<string[]>(
    this.route.snapshot.queryParamMap.getAll(LIVE_CHANNEL_PARAM).slice(0, LIVE_MAX_CHANNELS),
  );
  protected readonly filter = signal('');
  protected readonly droppedTotal = signal(0);

  protected readonly visible = computed(() => {
    const needle = this.filter().trim().toLowerCase();
    const entries = this.feed.entries();
    return needle === '' ? entries : entries.filter((entry) => matches(entry, needle));
  });
  protected readonly showChannel = computed(() => this.selected().length !== 1);

  private queue: LiveEntry[] = [];
  private deletions: { id: string; at: string }[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.live.events.pipe(takeUntilDestroyed()).subscribe((event) => this.receive(event));
    this.live.follow(subscriptionOf(this.selected()));
    inject(DestroyRef).onDestroy(() => clearTimeout(this.flushTimer));

    // Follow the newest line unless the reader is reading further up.
    afterRenderEffect(() => {
      this.visible();
      if (!this.feed.paused()) {
        untracked(() => this.scrollToBottom());
      }
    });
  }

  protected choose(channelIds: string[]): void {
    this.selected.set(channelIds);
    this.live.follow(subscriptionOf(channelIds));
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [LIVE_CHANNEL_PARAM]: channelIds.length > 0 ? channelIds : null },
      replaceUrl: true,
    });
  }

  protected setFilter(value: string): void {
    this.filter.set(value);
  }

  protected onScroll(): void {
    const element = this.scroller().nativeElement;
    const atBottom =
      element.scrollHeight - element.scrollTop - element.clientHeight <= AT_BOTTOM_PX;
    if (atBottom) {
      this.feed.resume();
    } else {
      this.feed.pause();
    }
  }

  /** Scrolling up by wheel pauses at once, before a batch could pull the view back down. */
  protected onWheel(event: WheelEvent): void {
    if (event.deltaY < 0) {
      this.feed.pause();
    }
  }

  protected togglePause(): void {
    if (this.feed.paused()) {
      this.resume();
    } else {
      this.feed.pause();
    }
  }

  protected resume(): void {
    this.feed.resume();
    this.scrollToBottom();
  }

  protected clear(): void {
    this.feed.clear();
    this.droppedTotal.set(0);
  }

  protected profileLink = userProfileLink;
  protected modIcon = modActionTypeIcon;
  protected modSentence = modActionSentence;

  private receive(event: LiveEvent): void {
    switch (event.type) {
      case 'message':
        this.enqueue(this.feed.lineEntry(event.line));
        return;
      case 'mod_action':
        this.enqueue(this.feed.modActionEntry(event.action));
        return;
      case 'message_deleted':
        this.deletions.push({ id: event.deleted.twitchMessageId, at: event.deleted.deletedAt });
        this.scheduleFlush();
        return;
      case 'dropped':
        this.droppedTotal.update((total) => total + event.count);
        this.enqueue(
          this.feed.noticeEntry(
            `Skipped ${event.count} ${event.count === 1 ? 'line' : 'lines'}: this browser could not keep up. The archive has them all.`,
          ),
        );
        return;
      case 'reconnected':
        this.enqueue(
          this.feed.noticeEntry(
            'Reconnected. Lines sent while the feed was away are in the archive, not here.',
          ),
        );
        return;
      case 'channel_state':
        return;
    }
  }

  private enqueue(entry: LiveEntry): void {
    this.queue.push(entry);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const entries = this.queue;
    const deletions = this.deletions;
    this.queue = [];
    this.deletions = [];
    this.feed.add(entries);
    for (const deletion of deletions) {
      this.feed.markDeleted(deletion.id, deletion.at);
    }
  }

  private scrollToBottom(): void {
    const element = this.scroller().nativeElement;
    element.scrollTop = element.scrollHeight;
  }
}

function subscriptionOf(channelIds: string[]): LiveSubscription {
  return channelIds.length > 0 ? { channelIds } : { all: true };
}

function matches(entry: LiveEntry, needle: string): boolean {
  switch (entry.kind) {
    case 'line': {
      const { line } = entry;
      return (
        line.text.toLowerCase().includes(needle) ||
        (line.user?.login.includes(needle) ?? false) ||
        (line.user?.displayName.toLowerCase().includes(needle) ?? false)
      );
    }
    case 'mod_action':
      return (
        (entry.action.target?.login.includes(needle) ?? false) ||
        (entry.action.moderator?.login.includes(needle) ?? false)
      );
    case 'notice':
      return true;
  }
}
