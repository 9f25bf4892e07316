/** Where overlay pages get their channel's badge images, with their key in `X-Overlay-Key`. */
export const OVERLAY_BADGES_PATH = '/api/overlay/badges';

/** One badge image: `url1x` is 18 px, `url2x` 36 px and `url4x` 72 px square. */
export interface OverlayBadgeImage {
  url1x: string;
  url2x: string;
  url4x: string;
  title: string;
}

/**
 * `GET /api/overlay/badges`: the badge images of the overlay key's channel by set and version
 * (`badges.subscriber['3012']`), Twitch's global badges with the channel's own over them. Badges
 * Twitch could not be asked for are left out rather than failing: pages fall back to their own.
 */
export interface OverlayBadgeImages {
  badges: Record<string, Record<string, OverlayBadgeImage>>;
}
