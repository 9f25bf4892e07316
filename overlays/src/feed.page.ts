import {
  FEED_ITEM_TYPES,
  FEED_NEWEST,
  type FeedItemType,
  OVERLAY_PARAMS,
  type OverlayChatMessage,
  type OverlayChatRemoval,
  type OverlayItem,
  removesChatMessage,
  STREAM_EVENT_TYPES,
  type StreamEvent,
} from '@integron/contracts';
import { chatLineParts } from './lib/chat-line';
import { chatTextNodes } from './lib/chat-text';
import { cssName } from './lib/css-name';
import { OverlayParams } from './lib/overlay-params';
import { startOverlayPage } from './lib/overlay-page';
import { RecentIds } from './lib/recent-ids';
import { describeStreamEvent, headlineNodes } from './lib/stream-event-text';

interface FeedSettings {
  max: number;
  types: ReadonlySet<FeedItemType>;
  newest: 'top' | 'bottom';
}

/** The event feed: the last `max` items of the chosen types, the newest at the top (or bottom). */
class EventFeed {
  private readonly shown = new RecentIds();
  private readonly chatLines = new WeakMap<Element, OverlayChatMessage>();

  constructor(
    private readonly list: HTMLElement,
    private readonly settings: FeedSettings,
  ) {}

  show(item: OverlayItem): void {
    const type = item.kind === 'chat-message' ? 'chat' : item.event.type;
    const id = item.kind === 'chat-message' ? item.message.messageId : item.event.eventId;
    if (!this.settings.types.has(type) || !this.shown.add(id)) return;
    const entry = document.createElement('li');
    entry.className = `feed-item feed-item--${cssName(type)}`;
    entry.dataset.type = type;
    if (item.kind === 'chat-message') {
      entry.append(...chatLineParts(item.message, 'feed'));
      this.chatLines.set(entry, item.message);
    } else {
      entry.append(...eventParts(item.event));
    }
    const newestFirst = this.settings.newest === 'top';
    if (newestFirst) this.list.prepend(entry);
    else this.list.append(entry);
    while (this.list.children.length > this.settings.max)
      (newestFirst ? this.list.lastElementChild : this.list.firstElementChild)?.remove();
  }

  remove(removal: OverlayChatRemoval): void {
    for (const entry of [...this.list.children]) {
      const message = this.chatLines.get(entry);
      if (message && removesChatMessage(removal, message)) entry.remove();
    }
  }
}

function eventParts(event: StreamEvent): HTMLElement[] {
  const text = describeStreamEvent(event);
  const headline = document.createElement('span');
  headline.className = 'feed-headline';
  headline.append(...headlineNodes(text, 'feed'));
  if (text.message === null || text.message.text === '') return [headline];
  const message = document.createElement('span');
  message.className = 'feed-message';
  message.append(...chatTextNodes(text.message.text, text.message.emotes));
  return [headline, message];
}

const params = new OverlayParams(window.location.search);
const settings: FeedSettings = {
  max: params.int('max', OVERLAY_PARAMS.feedMax),
  types: params.list('types', FEED_ITEM_TYPES, STREAM_EVENT_TYPES),
  newest: params.choice('newest', FEED_NEWEST, 'top'),
};
const list = document.querySelector<HTMLElement>('.feed');
if (list) {
  list.classList.add(`feed--newest-${settings.newest}`);
  const feed = new EventFeed(list, settings);
  const socket = startOverlayPage(params.problems, settings.max);
  // A replay after a reconnect brings what was missed; what is already shown is skipped.
  socket?.on('replay', (items) => items.forEach((item) => feed.show(item)));
  socket?.on('stream-event', (event) => feed.show({ kind: 'stream-event', event }));
  socket?.on('chat-message', (message) => feed.show({ kind: 'chat-message', message }));
  socket?.on('chat-removed', (removal) => feed.remove(removal));
}
