import { type EventSource } from '@integron/contracts';
import { RecentMap } from '../common/recent-map.js';

/** How far apart chat and EventSub may tell the same moderation (as the archive judges it). */
const SAME_REMOVAL_WINDOW_MS = 2 * 60_000;
const REMEMBERED_REMOVALS = 10_000;

/**
 * Chat and EventSub both tell of a deletion, a ban, a timeout or a clear, neither with the
 * other's id. The second telling must not reach the overlays: a second "clear" would take away
 * the lines written since the first.
 */
export class RepeatedRemovals {
  private readonly told = new RecentMap<{ source: EventSource; at: number }>(REMEMBERED_REMOVALS);

  /** Whether the other source already told of this removal (`key`: channel, kind and target). */
  isRepeat(key: string, source: EventSource, occurredAt: string): boolean {
    const at = Date.parse(occurredAt);
    const earlier = this.told.get(key);
    if (earlier && earlier.source !== source && Math.abs(earlier.at - at) <= SAME_REMOVAL_WINDOW_MS)
      return true;
    this.told.set(key, { source, at });
    return false;
  }
}
