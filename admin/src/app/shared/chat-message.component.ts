import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { type ChatLine, type UserRef } from '@integron/contracts';

import { userProfileLink } from '../core/admin-links';
import { badgeView, chatFragments } from './chat-text.util';

/**
 * One chat line as Twitch shows it: badges, the author in their colour (a link to their profile),
 * the text with emotes as images (their text when an image does not load), and marks for `/me`,
 * bits, replies, first messages and deletion.
 */
@Component({
  selector: 'app-chat-message',
  imports: [DatePipe, MatIcon, MatTooltip, RouterLink],
  template: `
    <span
      class="line"
      [class.line--deleted]="deletedAt() !== null"
      [class.line--notice]="isNotice()"
    >
      @if (showTime()) {
        <time
          class="time"
          [attr.datetime]="line().sentAt"
          [matTooltip]="line().sentAt | date: 'medium'"
        >
          {{ line().sentAt | date: timeFormat() }}
        </time>
      }
      @if (showChannel()) {
        <span class="channel" data-testid="line-channel">#{{ line().channel.login }}</span>
      }
      @if (isNotice()) {
        <span class="system" data-testid="line-system">
          <mat-icon class="inline-icon" aria-hidden="true">campaign</mat-icon>
          {{ line().systemText || line().noticeType }}
        </span>
      }
      @if (line().user; as user) {
        @for (badge of badges(); track badge.setId) {
          <mat-icon
            class="badge"
            [attr.data-badge]="badge.setId"
            [matTooltip]="badge.label"
            [attr.aria-label]="badge.label"
            >{{ badge.icon }}</mat-icon
          >
        }
        <a
          class="author"
          data-testid="line-author"
          [routerLink]="profileLink(user)"
          [style.--user-color]="line().color"
          [class.author--coloured]="line().color !== null"
          >{{ authorName(user) }}</a
        >
        @if (!line().isAction) {
          <span class="colon" aria-hidden="true">:</span>
        }
      }
      @if (line().replyParentId) {
        <mat-icon class="inline-icon mark" matTooltip="A reply" aria-label="A reply"
          >reply</mat-icon
        >
      }
      <span
        class="text"
        data-testid="line-text"
        [class.text--action]="line().isAction"
        [style.--user-color]="line().color"
      >
        @for (fragment of fragments(); track $index) {
          @if (fragment.kind === 'text') {
            {{ fragment.text }}
          } @else if (brokenEmotes().has(fragment.id)) {
            <span class="emote-text" [attr.data-emote]="fragment.id">{{ fragment.name }}</span>
          } @else {
            <img
              class="emote"
              [src]="fragment.url"
              [alt]="fragment.name"
              [attr.data-emote]="fragment.id"
              [matTooltip]="fragment.name"
              (error)="emoteFailed(fragment.id)"
            />
          }
        }
      </span>
      @if (line().bits > 0) {
        <span class="chip chip--bits" data-testid="line-bits">{{ line().bits }} bits</span>
      }
      @if (line().isFirstMessage) {
        <span class="chip" data-testid="line-first">First message</span>
      }
      @if (deletedAt(); as deletedAt) {
        <span class="chip chip--deleted" data-testid="line-deleted">
          Deleted {{ deletedAt | date: 'mediumTime' }}
          @if (deletedBy(); as deletedBy) {
            by {{ deletedBy.displayName }}
          }
        </span>
      }
    </span>
  `,
  styles: `
    :host {
      display: block;
      overflow-wrap: anywhere;
    }
    .line {
      line-height: 1.6;
    }
    .time,
    .channel {
      margin-right: 6px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
      font-variant-numeric: tabular-nums;
    }
    .badge,
    .inline-icon {
      width: 16px;
      height: 16px;
      margin-right: 2px;
      font-size: 16px;
      vertical-align: -3px;
      color: var(--mat-sys-on-surface-variant);
    }
    .author {
      font-weight: 500;
      text-decoration: none;
      color: var(--mat-sys-primary);
      &:hover {
        text-decoration: underline;
      }
    }
    // Twitch colours are chosen for Twitch's background: mixed towards the text colour, they
    // stay readable on either theme.
    .author--coloured,
    .text--action {
      color: color-mix(
        in oklab,
        var(--user-color, var(--mat-sys-on-surface)) 70%,
        var(--mat-sys-on-surface)
      );
    }
    .colon {
      margin-right: 4px;
    }
    .text--action {
      margin-left: 4px;
      font-style: italic;
    }
    .emote {
      height: 28px;
      vertical-align: middle;
    }
    .emote-text {
      font-weight: 500;
    }
    .system {
      margin-right: 6px;
      font-weight: 500;
      color: var(--mat-sys-tertiary);
    }
    .chip {
      display: inline-block;
      margin-left: 6px;
      padding: 0 8px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-small);
      vertical-align: 1px;
    }
    .chip--bits {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .chip--deleted {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .line--deleted .text {
      text-decoration: line-through;
      opacity: 0.7;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatMessageComponent {
  readonly line = input.required<ChatLine>();
  /** Set once a moderator deleted it: the text is struck through. */
  readonly deletedAt = input<string | null>(null);
  readonly deletedBy = input<UserRef | null>(null);
  readonly showChannel = input(false);
  readonly showTime = input(true);
  /** DatePipe format of the time in front. */
  readonly timeFormat = input('HH:mm:ss');

  protected readonly brokenEmotes = signal<ReadonlySet<string>>(new Set());
  protected readonly isNotice = computed(() => this.line().kind === 'notice');
  protected readonly badges = computed(() => this.line().badges.map(badgeView));
  protected readonly fragments = computed(() =>
    chatFragments(this.line().text, this.line().emotes),
  );

  protected profileLink(user: UserRef): string[] {
    return userProfileLink(user.id);
  }

  /** `DisplayName`, or `DisplayName (login)` when they differ beyond case (e.g. CJK names). */
  protected authorName(user: UserRef): string {
    return user.displayName.toLowerCase() === user.login
      ? user.displayName
      : `${user.displayName} (${user.login})`;
  }

  protected emoteFailed(id: string): void {
    this.brokenEmotes.update((ids) => new Set(ids).add(id));
  }
}
