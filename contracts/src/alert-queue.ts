import { type StreamEvent, type StreamEventType } from './stream-event.js';

/** An alert as an alerts overlay holds it: showing, or waiting its turn. */
export interface AlertQueueEntry {
  eventId: string;
  type: StreamEventType;
  /** The alert's headline as the overlay shows it, e.g. "ana gifted 5 subs". */
  headline: string;
}

/** The most alerts an alerts overlay keeps waiting; later ones are dropped. */
export const ALERT_QUEUE_MAX_WAITING = 100;
/** The longest headline an overlay may report. */
export const ALERT_HEADLINE_MAX_LENGTH = 500;

/** What an alerts overlay reports (`alert-queue`) on connect and after every change. */
export interface AlertQueueReport {
  paused: boolean;
  showing: AlertQueueEntry | null;
  /** In the order they will be shown. */
  waiting: AlertQueueEntry[];
}

/** What the admin can do to a channel's alerts overlays, all at once. */
export const ALERT_QUEUE_ACTIONS = ['pause', 'resume', 'skip', 'clear'] as const;
export type AlertQueueAction = (typeof ALERT_QUEUE_ACTIONS)[number];

/**
 * What a channel's alerts overlays are told (`alert-command`): pause (the alert on screen
 * finishes, the next waits), resume, skip (the alert on screen leaves now), clear (the waiting
 * ones go), or show a past event again.
 */
export type AlertCommand = { kind: AlertQueueAction } | { kind: 'replay'; event: StreamEvent };

/** `POST /api/channels/:id/alerts/actions`. */
export interface AlertQueueActionRequest {
  action: AlertQueueAction;
}

/** `POST /api/channels/:id/alerts/replay`: an event of the channel's log, alerted again. */
export interface AlertReplayRequest {
  /** The events log's id of it (`LoggedStreamEvent.id`). */
  logId: string;
}

/** One alerts overlay open on a channel, as it last reported. */
export interface AlertOverlayState {
  /** The overlay's connection; changes when it reconnects. */
  id: string;
  /** The overlay key's name, or "Admin preview" for a signed-in member's preview. */
  source: string;
  preview: boolean;
  connectedAt: string;
  queue: AlertQueueReport;
}

/** `GET /api/channels/:id/alerts`: whether the channel's alerts are paused, and each overlay. */
export interface ChannelAlertQueue {
  channelId: string;
  paused: boolean;
  overlays: AlertOverlayState[];
}
