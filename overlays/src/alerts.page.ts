import { STREAM_EVENT_TYPES, type StreamEvent, type StreamEventType } from '@integron/contracts';
import { chatTextNodes } from './lib/chat-text';
import { cssName } from './lib/css-name';
import { OverlayParams } from './lib/overlay-params';
import { startOverlayPage } from './lib/overlay-page';
import { RecentIds } from './lib/recent-ids';
import { describeStreamEvent, headlineNodes } from './lib/stream-event-text';

const ANIMATIONS = ['slide', 'fade', 'pop'] as const;
/** How long the entrance and the exit animations of alerts.css take. */
const TRANSITION_MS = 400;
/** Alerts waiting their turn beyond which new ones are dropped (a flood would take hours). */
const MAX_WAITING = 100;
/** Asked on every connect, to show what a reconnect missed. */
const REPLAY = 50;

interface AlertSettings {
  /** How long each alert is on screen, its entrance and exit included. */
  duration: number;
  animation: (typeof ANIMATIONS)[number];
  types: ReadonlySet<StreamEventType>;
}

/** One alert at a time, in the order the events came; the next enters when one has left. */
class AlertQueue {
  private readonly seen = new RecentIds();
  private readonly waiting: StreamEvent[] = [];
  private showing = false;

  constructor(
    private readonly stage: HTMLElement,
    private readonly settings: AlertSettings,
  ) {}

  add(event: StreamEvent): void {
    if (!this.settings.types.has(event.type) || !this.seen.add(event.eventId)) return;
    if (this.waiting.length >= MAX_WAITING) return;
    this.waiting.push(event);
    this.next();
  }

  /** Events shown before this page opened are not alerted, but must not be later either. */
  skip(event: StreamEvent): void {
    this.seen.add(event.eventId);
  }

  private next(): void {
    const event = this.showing ? undefined : this.waiting.shift();
    if (event === undefined) return;
    this.showing = true;
    const alert = alertElement(event, this.settings.animation);
    this.stage.append(alert);
    const { duration } = this.settings;
    setTimeout(() => alert.classList.replace('alert--entering', 'alert--showing'), TRANSITION_MS);
    setTimeout(
      () => alert.classList.replace('alert--showing', 'alert--leaving'),
      duration - TRANSITION_MS,
    );
    setTimeout(() => {
      alert.remove();
      this.showing = false;
      this.next();
    }, duration);
  }
}

function alertElement(event: StreamEvent, animation: AlertSettings['animation']): HTMLElement {
  const text = describeStreamEvent(event);
  const alert = document.createElement('div');
  alert.className = `alert alert--${cssName(event.type)} alert--${animation} alert--entering`;
  alert.dataset.type = event.type;
  alert.setAttribute('role', 'status');
  const headline = document.createElement('p');
  headline.className = 'alert-headline';
  headline.append(...headlineNodes(text, 'alert'));
  alert.append(headline);
  if (text.message !== null && text.message.text !== '') {
    const message = document.createElement('p');
    message.className = 'alert-message';
    message.append(...chatTextNodes(text.message.text, text.message.emotes));
    alert.append(message);
  }
  return alert;
}

const params = new OverlayParams(window.location.search);
const settings: AlertSettings = {
  duration: params.int('duration', 5_000, 1_000, 60_000),
  animation: params.choice('animation', ANIMATIONS, 'slide'),
  types: params.list('types', STREAM_EVENT_TYPES, STREAM_EVENT_TYPES),
};
const stage = document.querySelector<HTMLElement>('.alerts');
if (stage) {
  const alerts = new AlertQueue(stage, settings);
  const socket = startOverlayPage(params.problems, REPLAY);
  let firstReplay = true;
  socket?.on('replay', (items) => {
    for (const item of items) {
      if (item.kind !== 'stream-event') continue;
      if (firstReplay) alerts.skip(item.event);
      else alerts.add(item.event);
    }
    firstReplay = false;
  });
  socket?.on('stream-event', (event) => alerts.add(event));
}
