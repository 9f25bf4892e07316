import { type Badge } from '@integron/contracts';
import { cssName } from './css-name';

/**
 * Image ids of Twitch's global badges that are the same everywhere. Every other badge
 * (subscriber and bits badges are each channel's own, and seasonal ones come and go) needs a
 * Helix look-up, so it is shown as a styled label with its name instead.
 */
const GLOBAL_BADGE_IMAGES: Readonly<Record<string, string>> = {
  'broadcaster/1': '5527c58c-fb7d-422d-b71b-f309dcb85cc1',
  'moderator/1': '3267646d-33f0-4b17-b3df-f923a41db1d0',
  'vip/1': 'b817aba4-fad8-49e2-b88a-7cc744dfa6ec',
  'partner/1': 'd12a2e27-16f6-41d0-ab77-b780518f00a3',
  'turbo/1': 'bd444ec6-8f34-4bf9-91f4-af1e3428d80f',
};

/** `<img class="badge">` where the image is known, else `<span class="badge badge--label">`. */
export function badgeElement(badge: Badge): HTMLElement {
  const name = `${badge.setId}/${badge.version}`;
  const imageId = GLOBAL_BADGE_IMAGES[name];
  const label = badgeLabel(badge);
  if (imageId === undefined) return label;
  const image = document.createElement('img');
  image.className = `badge badge--${cssName(badge.setId)}`;
  image.src = `https://static-cdn.jtvnw.net/badges/v1/${imageId}/1`;
  image.alt = badge.setId;
  image.title = badge.setId;
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
