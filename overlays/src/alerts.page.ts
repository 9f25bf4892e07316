import {
  ALERT_ANIMATIONS,
  ALERT_HEADLINE_MAX_LENGTH,
  type AlertAnimation,
  ALERT_QUEUE_MAX_WAITING,
  type AlertCommand,
  type AlertQueueEntry,
  type AlertQueueReport,
  OVERLAY_PARAMS,
  STREAM_EVENT_TYPES,
  type StreamEvent,
  type StreamEventType,
} from '@integron/contracts';
import { chatTextNodes } from './lib/chat-text';
import { cssName } from './lib/css-name';
import { OverlayParams } from './lib/overlay-params';
import { startOverlayPage } from './lib/overlay-page';
import { RecentIds } from './lib/recent-ids';
import { describeStreamEvent, headlineNodes, headlineText } from './lib/stream-event-text';

/** How long the entrance and the exit animations of alerts.css take. */
const TRANSITION_MS = 400;
/** Asked on every connect, to show what a reconnect missed. */
const REPLAY = 50;

interface AlertSettings {
  /** How long each alert is on screen, its entrance and exit included. */
  duration: number;
  animation: AlertAnimation;
  types: ReadonlySet<StreamEventType>;
}

/** An alert on screen, with what is left of its time. */
interface Showing {
  event: StreamEvent;
  element: HTMLElement;
  timers: ReturnType<typeof setTimeout>[];
}

/**
 * One alert at a time, in the order the events came; the next enters when one has left. The
 * admin can pause it (the alert on screen finishes, the next waits), skip the alert on screen,
 * clear the waiting ones and replay a past event; every change is reported.
 */
class AlertQueue {
  private readonly seen = new RecentIds();
  private readonly waiting: StreamEvent[] = [];
  private showing: Showing | null = null;
  private paused = false;

  constructor(
    private readonly stage: HTMLElement,
    private readonly settings: AlertSettings,
    private readonly report: (queue: AlertQueueReport) => void,
  ) {}

  add(event: StreamEvent): void {
    if (!this.seen.add(event.eventId)) return;
    this.enqueue(event);
  }

  /** Events shown before this page opened are not alerted, but must not be later either. */
  skip(event: StreamEvent): void {
    this.seen.add(event.eventId);
  }

  command(command: AlertCommand): void {
    switch (command.kind) {
      case 'pause':
        this.paused = true;
        break;
      case 'resume':
        this.paused = false;
        break;
      case 'skip':
        this.leaveNow();
        break;
      case 'clear':
        this.waiting.length = 0;
        break;
      case 'replay':
        this.seen.add(command.event.eventId);
        this.enqueue(command.event);
        return;
    }
    this.next();
    this.sendReport();
  }

  sendReport(): void {
    this.report({
      paused: this.paused,
      showing: this.showing && queueEntry(this.showing.event),
      waiting: this.waiting.map(queueEntry),
    });
  }

  private enqueue(event: StreamEvent): void {
    if (!this.settings.types.has(event.type) || this.waiting.length >= ALERT_QUEUE_MAX_WAITING)
      return;
    this.waiting.push(event);
    this.next();
    this.sendReport();
  }

  private next(): void {
    if (this.showing || this.paused) return;
    const event = this.waiting.shift();
    if (event === undefined) return;
    const element = alertElement(event, this.settings.animation);
    this.stage.append(element);
    const { duration } = this.settings;
    this.showing = {
      event,
      element,
      timers: [
        setTimeout(
          () => element.classList.replace('alert--entering', 'alert--showing'),
          TRANSITION_MS,
        ),
        setTimeout(() => this.leaveNow(), duration - TRANSITION_MS),
      ],
    };
  }

  /** The alert on screen plays its exit now; the next enters once it is gone. */
  private leaveNow(): void {
    const showing = this.showing;
    if (!showing || showing.element.classList.contains('alert--leaving')) return;
    showing.timers.forEach(clearTimeout);
    showing.element.classList.remove('alert--entering', 'alert--showing');
    showing.element.classList.add('alert--leaving');
    showing.timers = [
      setTimeout(() => {
        showing.element.remove();
        this.showing = null;
        this.next();
        this.sendReport();
      }, TRANSITION_MS),
    ];
  }
}

function queueEntry(event: StreamEvent): AlertQueueEntry {
  const headline = headlineText(describeStreamEvent(event));
  return {
    eventId: event.eventId,
    type: event.type,
    headline: headline.slice(0, ALERT_HEADLINE_MAX_LENGTH),
  };
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
  duration: params.int('duration', OVERLAY_PARAMS.alertDuration),
  animation: params.choice('animation', ALERT_ANIMATIONS, 'slide'),
  types: params.list('types', STREAM_EVENT_TYPES, STREAM_EVENT_TYPES),
};
const stage = document.querySelector<HTMLElement>('.alerts');
if (stage) {
  const socket = startOverlayPage(params.problems, REPLAY);
  const alerts = new AlertQueue(stage, settings, (queue) => socket?.emit('alert-queue', queue));
  let firstReplay = true;
  socket?.on('ready', () => alerts.sendReport());
  socket?.on('replay', (items) => {
    for (const item of items) {
      if (item.kind !== 'stream-event') continue;
      if (firstReplay) alerts.skip(item.event);
      else alerts.add(item.event);
    }
    firstReplay = false;
  });
  socket?.on('stream-event', (event) => alerts.add(event));
  socket?.on('alert-command', (command) => alerts.command(command));
}
