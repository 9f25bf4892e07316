import { randomBytes, randomInt } from 'node:crypto';
import { type WebSocket } from 'ws';
import { rfc3339Nanos } from '../world/clock.js';
import { WEBSOCKET_CLOSE_REASONS, type WebSocketCloseCode } from './eventsub-ws-close.js';
import { type WebSocketMessage, webSocketMessage } from './eventsub-ws-message.js';

export type SessionStatus = 'connected' | 'reconnecting' | 'closed';

export interface SessionOptions {
  keepaliveSeconds: number;
  /** How long one of those seconds lasts. */
  secondMs: number;
  /** `host[:port]` the client reached this server at; reconnect URLs point there. */
  host: string;
  onClosed: (session: WebSocketSession) => void;
}

/**
 * One connection to EventSub's WebSocket server: it welcomes the client, keeps the connection
 * alive while nothing else is sent, pings it once a keepalive window, closes it when the client
 * talks (4001), leaves a ping unanswered until the next (4002) or never subscribes (4003), and
 * carries the notifications of the subscriptions made for it.
 */
export class WebSocketSession {
  readonly id = randomBytes(16).toString('base64url');
  /** RFC 3339, on the wall clock like every transport time. */
  readonly connectedAt = rfc3339Nanos(Date.now(), randomInt(1_000_000));
  readonly keepaliveSeconds: number;
  readonly host: string;
  status: SessionStatus = 'connected';
  /** Whose session this is: the application and user of the first subscription on it. */
  owner: { clientId: string; userId: string } | null = null;
  /** The server's close code; `null` until it closes the connection (or when the client did). */
  closedWith: WebSocketCloseCode | null = null;
  private subscribed = false;
  private keepaliveTimer: NodeJS.Timeout | null = null;
  private unusedTimer: NodeJS.Timeout | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private awaitingPong = false;
  private readonly windowMs: number;
  private readonly onClosed: (session: WebSocketSession) => void;

  constructor(
    private readonly webSocket: WebSocket,
    options: SessionOptions,
  ) {
    this.keepaliveSeconds = options.keepaliveSeconds;
    this.host = options.host;
    this.windowMs = options.keepaliveSeconds * options.secondMs;
    this.onClosed = options.onClosed;
    webSocket.on('error', () => webSocket.terminate());
    // The server takes no messages at all; WebSocket pings and pongs never reach this handler.
    webSocket.on('message', () => this.close(4001));
    webSocket.on('pong', () => (this.awaitingPong = false));
    webSocket.on('close', () => this.end());
  }

  /** The first message; the client then has one keepalive window to subscribe (PROTOCOL H). */
  welcome(): void {
    this.send(webSocketMessage('session_welcome', { session: this.json('connected', null) }));
    if (!this.subscribed) {
      this.unusedTimer = setTimeout(() => this.close(4003), this.windowMs);
    }
    this.pingTimer = setInterval(() => this.ping(), this.windowMs);
  }

  /** Someone subscribed on this session: it is theirs from now on. */
  subscribedBy(owner: { clientId: string; userId: string }): void {
    this.owner ??= owner;
    this.subscribed = true;
    if (this.unusedTimer) clearTimeout(this.unusedTimer);
  }

  /** Takes on what `previous` had, when the client reconnected from it to here. */
  continues(previous: WebSocketSession): void {
    this.owner = previous.owner;
    this.subscribed = previous.subscribed;
  }

  /**
   * Tells the client to connect to `reconnectUrl`. The connection stays open for `graceMs`: the
   * client should close it once welcomed on the new one; if it has not by then, it is closed
   * with 4004, whether the client came or not.
   */
  reconnectTo(reconnectUrl: string, graceMs: number): void {
    this.status = 'reconnecting';
    if (this.unusedTimer) clearTimeout(this.unusedTimer);
    this.send(
      webSocketMessage('session_reconnect', { session: this.json('reconnecting', reconnectUrl) }),
    );
    this.graceTimer = setTimeout(() => this.close(4004), graceMs);
  }

  /** Sends `message` unless the connection is closing; `false` when it could not. */
  send(message: WebSocketMessage): boolean {
    if (this.status === 'closed' || this.webSocket.readyState !== this.webSocket.OPEN) {
      return false;
    }
    this.webSocket.send(JSON.stringify(message));
    this.keepAlive();
    return true;
  }

  /**
   * Closes with one of EventSub's codes, after whatever was sent before. The session ends at
   * once, without waiting for the client to answer the close.
   */
  close(code: WebSocketCloseCode): void {
    if (this.status === 'closed') return;
    this.closedWith = code;
    this.end();
    this.webSocket.close(code, WEBSOCKET_CLOSE_REASONS[code]);
  }

  private end(): void {
    if (this.status === 'closed') return;
    this.status = 'closed';
    for (const timer of [this.keepaliveTimer, this.unusedTimer, this.graceTimer]) {
      if (timer) clearTimeout(timer);
    }
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.onClosed(this);
  }

  private ping(): void {
    if (this.webSocket.readyState !== this.webSocket.OPEN) return;
    if (this.awaitingPong) {
      this.close(4002);
      return;
    }
    this.awaitingPong = true;
    this.webSocket.ping();
  }

  private keepAlive(): void {
    if (this.keepaliveTimer) clearTimeout(this.keepaliveTimer);
    this.keepaliveTimer = setTimeout(
      () => this.send(webSocketMessage('session_keepalive', {})),
      this.windowMs,
    );
  }

  private json(status: 'connected' | 'reconnecting', reconnectUrl: string | null) {
    return {
      id: this.id,
      status,
      connected_at: this.connectedAt,
      keepalive_timeout_seconds: status === 'connected' ? this.keepaliveSeconds : null,
      reconnect_url: reconnectUrl,
      recovery_url: null,
    };
  }
}
