import { OVERLAY_REPLAY_MAX } from './channels.js';
import { STREAM_EVENT_TYPES } from './stream-event.js';

/** The OBS overlay pages, at `/overlay/<page>`. */
export const OVERLAY_PAGES = ['feed', 'alerts', 'chat'] as const;
export type OverlayPage = (typeof OVERLAY_PAGES)[number];

/** A whole-number URL parameter of an overlay page: its default and range. */
export interface OverlayNumberParam {
  fallback: number;
  min: number;
  max: number;
  /** Whether 0 is allowed too, meaning "never" (e.g. chat lines that never fade). */
  zeroAllowed: boolean;
}

/** What the feed shows: `chat` is chat lines, the others are stream event types. */
export const FEED_ITEM_TYPES = ['chat', ...STREAM_EVENT_TYPES] as const;
export type FeedItemType = (typeof FEED_ITEM_TYPES)[number];

export const FEED_NEWEST = ['top', 'bottom'] as const;
export const ALERT_ANIMATIONS = ['slide', 'fade', 'pop'] as const;
export type AlertAnimation = (typeof ALERT_ANIMATIONS)[number];

/** The overlay pages' URL parameters, which the pages read and the admin's URL builder writes. */
export const OVERLAY_PARAMS = {
  /** `feed?max=`: items kept on screen. */
  feedMax: { fallback: 10, min: 1, max: OVERLAY_REPLAY_MAX, zeroAllowed: false },
  /** `alerts?duration=`: milliseconds each alert is on screen, entrance and exit included. */
  alertDuration: { fallback: 5_000, min: 1_000, max: 60_000, zeroAllowed: false },
  /** `chat?max=`: lines kept on screen. */
  chatMax: { fallback: 10, min: 1, max: OVERLAY_REPLAY_MAX, zeroAllowed: false },
  /** `chat?fade=`: milliseconds before a line fades out; 0 keeps lines. */
  chatFade: { fallback: 30_000, min: 1_000, max: 3_600_000, zeroAllowed: true },
} as const satisfies Record<string, OverlayNumberParam>;
