import { type Badge, OVERLAY_BADGES_PATH, type OverlayBadgeImages } from '@integron/contracts';
import { cssName } from './css-name';
import { type OverlayCredentials } from './overlay-socket';

/** A channel's badge images by set and version, as `GET /api/overlay/badges` gives them. */
export type BadgeImages = OverlayBadgeImages['badges'];

/**
 * Image ids of Twitch's global badges that are the same everywhere, for when the channel's
 * badge images could not be had. Subscriber and bits badges are each channel's own, so without
 * those they are shown as a styled label with their name.
 */
const GLOBAL_BADGE_IMAGES: Readonly<Record<string, string>> = {
  'broadcaster/1': '5527c58c-fb7d-422d-b71b-f309dcb85cc1',
  'moderator/1': '3267646d-33f0-4b17-b3df-f923a41db1d0',
  'vip/1': 'b817aba4-fad8-49e2-b88a-7cc744dfa6ec',
  'partner/1': 'd12a2e27-16f6-41d0-ab77-b780518f00a3',
  'turbo/1': 'bd444ec6-8f34-4bf9-91f4-af1e3428d80f',
};

/** The channel's badge images for the page's key (or preview), or `null` when the server cannot say. */
export async function fetchBadgeImages(
  credentials: OverlayCredentials,
): Promise<BadgeImages | null> {
  const request =
    'key' in credentials
      ? fetch(OVERLAY_BADGES_PATH, { headers: { 'X-Overlay-Key': credentials.key } })
      : fetch(`${OVERLAY_BADGES_PATH}?${new URLSearchParams({ preview: credentials.preview })}`);
  try {
    const response = await request;
    return response.ok ? ((await response.json()) as OverlayBadgeImages).badges : null;
  } catch {
    return null;
  }
}

/**
 * `<img class="badge">` with the channel's image, else Twitch's global one, else
 * `<span class="badge badge--label">`.
 */
export function badgeElement(badge: Badge, images: BadgeImages = {}): HTMLElement {
  const name = `${badge.setId}/${badge.version}`;
  const channelImage = images[badge.setId]?.[badge.version];
  const globalId = GLOBAL_BADGE_IMAGES[name];
  const src =
    channelImage?.url1x ??
    (globalId === undefined ? undefined : `https://static-cdn.jtvnw.net/badges/v1/${globalId}/1`);
  const label = badgeLabel(badge);
  if (src === undefined) return label;
  const image = document.createElement('img');
  image.className = `badge badge--${cssName(badge.setId)}`;
  image.src = src;
  image.alt = badge.setId;
  image.title = channelImage?.title ?? badge.setId;
  image.dataset.badge = name;
  // Offline, or should Twitch retire the image: the label, not a broken image.
  image.addEventListener('error', () => image.replaceWith(label), { once: true });
  return image;
}

function badgeLabel(badge: Badge): HTMLElement {
  const label = document.createElement('span');
  label.className = `badge badge--label badge--${cssName(badge.setId)}`;
  label.textContent = badge.setId;
  label.title = `${badge.setId} ${badge.version}`;
  label.dataset.badge = `${badge.setId}/${badge.version}`;
  return label;
}
