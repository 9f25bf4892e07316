import { type EmoteRange } from '@integron/contracts';

/** Twitch's emote CDN; `dark` because overlays sit on a stream rather than a light page. */
export function emoteUrl(id: string): string {
  return `https://static-cdn.jtvnw.net/emoticons/v2/${encodeURIComponent(id)}/default/dark/1.0`;
}

/**
 * The nodes of a chat text with its emotes as `<img class="emote">`: text as text nodes, never
 * parsed as HTML. Twitch's emote ranges count code points (inclusive), not UTF-16 units; ranges
 * that overlap or run past the text are ignored.
 */
export function chatTextNodes(text: string, emotes: readonly EmoteRange[]): Node[] {
  const codePoints = Array.from(text);
  const nodes: Node[] = [];
  let next = 0;
  const sorted = [...emotes].sort((a, b) => a.start - b.start);
  for (const emote of sorted) {
    if (emote.start < next || emote.end < emote.start || emote.end >= codePoints.length) continue;
    if (emote.start > next)
      nodes.push(document.createTextNode(codePoints.slice(next, emote.start).join('')));
    nodes.push(emoteImage(emote.id, codePoints.slice(emote.start, emote.end + 1).join('')));
    next = emote.end + 1;
  }
  if (next < codePoints.length)
    nodes.push(document.createTextNode(codePoints.slice(next).join('')));
  return nodes;
}

function emoteImage(id: string, code: string): HTMLImageElement {
  const image = document.createElement('img');
  image.className = 'emote';
  image.src = emoteUrl(id);
  image.alt = code;
  image.title = code;
  image.dataset.emoteId = id;
  return image;
}
