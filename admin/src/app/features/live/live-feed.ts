import { computed, signal } from '@angular/core';
import { type ChatLine, type LiveModAction } from '@integron/contracts';

/** Lines the live page keeps; older ones leave the top. */
export const LIVE_FEED_LIMIT = 500;

export type LiveEntry =
  | { kind: 'line'; key: string; line: ChatLine; deletedAt: string | null }
  | { kind: 'mod_action'; key: string; action: LiveModAction }
  /** Something the page says about the feed itself (skipped lines, reconnection). */
  | { kind: 'notice'; key: string; text: string };

/**
 * What the live page shows: a bounded list of chat lines, mod actions and notices. While paused
 * (the person scrolled up to read), new entries wait out of sight, counted, so the list does not
 * move under the reader; resuming shows them. Deletions strike through shown and waiting lines.
 */
export class LiveFeed {
  private readonly shown = signal<LiveEntry[]>([]);
  private readonly waiting = signal<LiveEntry[]>([]);
  private readonly unseen = signal(0);
  private readonly isPaused = signal(false);
  private sequence = 0;

  readonly entries = this.shown.asReadonly();
  readonly paused = this.isPaused.asReadonly();
  /** Chat lines and mod actions that arrived while paused. */
  readonly newCount = this.unseen.asReadonly();
  readonly isEmpty = computed(() => this.shown().length === 0 && this.waiting().length === 0);

  constructor(private readonly limit = LIVE_FEED_LIMIT) {}

  lineEntry(line: ChatLine): LiveEntry {
    return { kind: 'line', key: line.twitchMessageId, line, deletedAt: null };
  }

  modActionEntry(action: LiveModAction): LiveEntry {
    return { kind: 'mod_action', key: `mod-${++this.sequence}`, action };
  }

  noticeEntry(text: string): LiveEntry {
    return { kind: 'notice', key: `notice-${++this.sequence}`, text };
  }

  /** Adds entries in arrival order; a line already in the feed (sent twice) is left out. */
  add(entries: readonly LiveEntry[]): void {
    if (entries.length === 0) {
      return;
    }
    const known = new Set([...this.shown(), ...this.waiting()].map((entry) => entry.key));
    const fresh = entries.filter((entry) => {
      if (known.has(entry.key)) {
        return false;
      }
      known.add(entry.key);
      return true;
    });
    if (this.isPaused()) {
      this.waiting.update((waiting) => this.bounded([...waiting, ...fresh]));
      this.unseen.update(
        (count) => count + fresh.filter((entry) => entry.kind !== 'notice').length,
      );
    } else {
      this.shown.update((shown) => this.bounded([...shown, ...fresh]));
    }
  }

  /** Strikes the line through, wherever it is. */
  markDeleted(twitchMessageId: string, deletedAt: string): void {
    const strike = (entries: LiveEntry[]): LiveEntry[] =>
      entries.some((entry) => entry.key === twitchMessageId)
        ? entries.map((entry) =>
            entry.kind === 'line' && entry.key === twitchMessageId
              ? { ...entry, deletedAt }
              : entry,
          )
        : entries;
    this.shown.update(strike);
    this.waiting.update(strike);
  }

  pause(): void {
    this.isPaused.set(true);
  }

  /** Shows what waited, and follows new entries again. */
  resume(): void {
    if (!this.isPaused()) {
      return;
    }
    const waiting = this.waiting();
    this.isPaused.set(false);
    this.waiting.set([]);
    this.unseen.set(0);
    if (waiting.length > 0) {
      this.shown.update((shown) => this.bounded([...shown, ...waiting]));
    }
  }

  clear(): void {
    this.shown.set([]);
    this.waiting.set([]);
    this.unseen.set(0);
  }

  private bounded(entries: LiveEntry[]): LiveEntry[] {
    return entries.length > this.limit ? entries.slice(entries.length - this.limit) : entries;
  }
}
