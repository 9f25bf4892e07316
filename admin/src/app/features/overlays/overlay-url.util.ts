import {
  type AlertAnimation,
  type FeedItemType,
  OVERLAY_PARAMS,
  type OverlayNumberParam,
  type OverlayPage,
  STREAM_EVENT_TYPES,
  type StreamEventType,
} from '@integron/contracts';

/** The settings of each overlay page, as its URL parameters carry them. */
export interface OverlayOptions {
  feed: { max: number; types: FeedItemType[]; newest: 'top' | 'bottom' };
  alerts: { duration: number; animation: AlertAnimation; types: StreamEventType[] };
  chat: { max: number; fade: number };
}

/** What each page shows when its URL says nothing. */
export const DEFAULT_OVERLAY_OPTIONS: OverlayOptions = {
  feed: { max: OVERLAY_PARAMS.feedMax.fallback, types: [...STREAM_EVENT_TYPES], newest: 'top' },
  alerts: {
    duration: OVERLAY_PARAMS.alertDuration.fallback,
    animation: 'slide',
    types: [...STREAM_EVENT_TYPES],
  },
  chat: { max: OVERLAY_PARAMS.chatMax.fallback, fade: OVERLAY_PARAMS.chatFade.fallback },
};

/** Who the page is: an OBS source with its key, or the admin's own preview of a channel. */
export type OverlayAccess = { key: string } | { preview: string };

/**
 * The URL of an overlay page: only the settings that differ from the page's defaults, so the
 * URL stays short; the key (or preview) last, where it is easy to spot and replace.
 */
export function overlayUrl(
  origin: string,
  page: OverlayPage,
  options: OverlayOptions[OverlayPage],
  access: OverlayAccess,
): string {
  const params = new URLSearchParams();
  const defaults = DEFAULT_OVERLAY_OPTIONS[page] as Record<string, unknown>;
  for (const [name, value] of Object.entries(options as Record<string, unknown>)) {
    const text = Array.isArray(value) ? value.join(',') : String(value);
    const fallback = defaults[name];
    if (text !== (Array.isArray(fallback) ? fallback.join(',') : String(fallback)))
      params.set(name, text);
  }
  if ('key' in access) params.set('key', access.key);
  else params.set('preview', access.preview);
  // Commas read better than %2C in a URL someone pastes into OBS.
  return `${origin}/overlay/${page}?${params.toString().replaceAll('%2C', ',')}`;
}

/** Whether `value` fits a whole-number parameter of a page. */
export function fitsParam(value: number, { min, max, zeroAllowed }: OverlayNumberParam): boolean {
  return (
    Number.isInteger(value) && ((value >= min && value <= max) || (zeroAllowed && value === 0))
  );
}
