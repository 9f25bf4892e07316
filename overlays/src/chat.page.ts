import {
  OVERLAY_PARAMS,
  type OverlayChatMessage,
  type OverlayChatRemoval,
  removesChatMessage,
} from '@integron/contracts';
import { type BadgeImages, fetchBadgeImages } from './lib/badges';
import { chatLineParts } from './lib/chat-line';
import { OverlayParams } from './lib/overlay-params';
import { startOverlayPage } from './lib/overlay-page';
import { overlayCredentialsFrom } from './lib/overlay-socket';
import { RecentIds } from './lib/recent-ids';

/** How long a line takes to fade out in chat.css. */
const FADE_OUT_MS = 500;

interface ChatSettings {
  max: number;
  /** How long a line stays, in ms; 0: until newer lines push it out. */
  fade: number;
}

/** The last `max` chat lines, newest at the bottom; each fades out `fade` ms after it was sent. */
class ChatBox {
  private readonly shown = new RecentIds();
  private readonly lines = new WeakMap<Element, OverlayChatMessage>();
  private badgeImages: BadgeImages = {};

  constructor(
    private readonly list: HTMLElement,
    private readonly settings: ChatSettings,
  ) {}

  show(message: OverlayChatMessage, replayed: boolean): void {
    const age = Math.max(0, Date.now() - Date.parse(message.occurredAt));
    const { fade, max } = this.settings;
    // A replayed line that would have faded by now stays away.
    if (replayed && fade > 0 && age >= fade) return;
    if (!this.shown.add(message.messageId)) return;
    const line = document.createElement('li');
    line.className = message.isAction ? 'chat-line chat-line--action' : 'chat-line';
    line.append(...chatLineParts(message, 'chat', this.badgeImages));
    this.lines.set(line, message);
    this.list.append(line);
    while (this.list.children.length > max) this.list.firstElementChild?.remove();
    if (fade > 0) setTimeout(() => fadeOut(line), replayed ? fade - age : fade);
  }

  /** The channel's badge images, for the lines shown and those to come. */
  useBadgeImages(images: BadgeImages): void {
    this.badgeImages = images;
    for (const line of this.list.children) {
      const message = this.lines.get(line);
      if (message) line.replaceChildren(...chatLineParts(message, 'chat', images));
    }
  }

  remove(removal: OverlayChatRemoval): void {
    for (const line of [...this.list.children]) {
      const message = this.lines.get(line);
      if (message && removesChatMessage(removal, message)) line.remove();
    }
  }
}

function fadeOut(line: HTMLElement): void {
  line.classList.add('chat-line--fading');
  setTimeout(() => line.remove(), FADE_OUT_MS);
}

const params = new OverlayParams(window.location.search);
const settings: ChatSettings = {
  max: params.int('max', OVERLAY_PARAMS.chatMax),
  fade: params.int('fade', OVERLAY_PARAMS.chatFade),
};
const list = document.querySelector<HTMLElement>('.chat');
if (list) {
  const chat = new ChatBox(list, settings);
  const socket = startOverlayPage(params.problems, settings.max);
  socket?.on('replay', (items) => {
    for (const item of items) if (item.kind === 'chat-message') chat.show(item.message, true);
  });
  socket?.on('chat-message', (message) => chat.show(message, false));
  socket?.on('chat-removed', (removal) => chat.remove(removal));
  // After every (re)connect: the channel may have changed its badges while the page was away.
  const credentials = overlayCredentialsFrom(window.location);
  if (credentials)
    socket?.on('ready', () => {
      void fetchBadgeImages(credentials).then((images) => {
        if (images) chat.useBadgeImages(images);
      });
    });
}
