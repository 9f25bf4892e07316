import { randomBytes } from 'node:crypto';
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import { type Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { WEBSOCKET_CLOSE_REASONS, type WebSocketCloseCode } from './eventsub-ws-close.js';
import { type SessionStatus, WebSocketSession } from './eventsub-ws-session.js';

export interface EventSubWebSocketOptions {
  /**
   * How long one second of `keepalive_timeout_seconds` lasts; 1000 (the default) but in tests
   * that cannot wait Twitch's 10 s minimum for a keepalive or a 4003.
   */
  secondMs?: number;
  /** How long a session told to reconnect keeps its connection before 4004; Twitch gives 30 s. */
  reconnectGraceMs?: number;
}

export interface SessionListener {
  /** The client reconnected: what was `from`'s is `to`'s now. */
  handedOver(from: WebSocketSession, to: WebSocketSession): void;
  /** The session's connection ended, closed by either side. */
  closed(session: WebSocketSession): void;
}

/** A session as tests see it. */
export interface WebSocketSessionSnapshot {
  id: string;
  status: SessionStatus;
  keepaliveTimeoutSeconds: number;
  connectedAt: string;
  /** The application and user that subscribed on it first; `null` before anyone did. */
  owner: { clientId: string; userId: string } | null;
}

export const WEBSOCKET_PATH = '/ws';
const KEEPALIVE_SECONDS = { least: 10, most: 600, otherwise: 10 };
const RECONNECT_GRACE_MS = 30_000;

/**
 * EventSub's WebSocket server (`wss://eventsub.wss.twitch.tv/ws`): sessions, and reconnects from
 * one session to the next. What is delivered on a session is `EventSubService`'s business.
 */
export class EventSubWebSocketServer {
  private readonly upgrader = new WebSocketServer({ noServer: true, clientTracking: false });
  private readonly live = new Map<string, WebSocketSession>();
  /** Reconnect ids handed out, each for the session the client should leave. */
  private readonly reconnects = new Map<string, WebSocketSession>();
  private readonly secondMs: number;
  private readonly reconnectGraceMs: number;

  constructor(
    private readonly listener: SessionListener,
    options: EventSubWebSocketOptions = {},
  ) {
    this.secondMs = options.secondMs ?? 1000;
    this.reconnectGraceMs = options.reconnectGraceMs ?? RECONNECT_GRACE_MS;
  }

  /**
   * Takes an HTTP upgrade request for `/ws` (anything else gets a 404). A fresh connection may ask
   * for `keepalive_timeout_seconds`; one that follows a `session_reconnect` carries its
   * `reconnect_id`.
   */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'ws://localhost');
    if (url.pathname !== WEBSOCKET_PATH) {
      refuse(socket, 404);
      return;
    }
    const host = request.headers.host ?? 'localhost';
    const reconnectId = url.searchParams.get('reconnect_id');
    if (reconnectId !== null) {
      this.upgrader.handleUpgrade(request, socket, head, (webSocket) =>
        this.resume(webSocket, reconnectId, host),
      );
      return;
    }
    const keepaliveSeconds = keepaliveFrom(url.searchParams.get('keepalive_timeout_seconds'));
    if (keepaliveSeconds === null) {
      refuse(socket, 400);
      return;
    }
    this.upgrader.handleUpgrade(request, socket, head, (webSocket) =>
      this.open(webSocket, keepaliveSeconds, host).welcome(),
    );
  }

  /** The session, while its connection is open. */
  session(id: string): WebSocketSession | undefined {
    return this.live.get(id);
  }

  sessions(): WebSocketSessionSnapshot[] {
    return [...this.live.values()].map((session) => ({
      id: session.id,
      status: session.status,
      keepaliveTimeoutSeconds: session.keepaliveSeconds,
      connectedAt: session.connectedAt,
      owner: session.owner,
    }));
  }

  /**
   * Sends `session_reconnect`, as Twitch does before it moves a connection to another edge
   * server; returns the reconnect URL. The session keeps receiving notifications until the
   * client connects there.
   */
  reconnect(sessionId: string, graceMs = this.reconnectGraceMs): string {
    const session = this.find(sessionId);
    if (session.status !== 'connected') {
      throw new Error(`Session ${sessionId} is ${session.status}, not connected`);
    }
    const reconnectId = randomBytes(18).toString('base64url');
    this.reconnects.set(reconnectId, session);
    const reconnectUrl = `ws://${session.host}${WEBSOCKET_PATH}?reconnect_id=${reconnectId}`;
    session.reconnectTo(reconnectUrl, graceMs);
    return reconnectUrl;
  }

  /** Closes a session's connection with `code`, e.g. 4000 for an internal error. */
  drop(sessionId: string, code: WebSocketCloseCode = 4000): void {
    this.find(sessionId).close(code);
  }

  private open(webSocket: WebSocket, keepaliveSeconds: number, host: string): WebSocketSession {
    const session = new WebSocketSession(webSocket, {
      keepaliveSeconds,
      secondMs: this.secondMs,
      host,
      onClosed: (closed) => this.forget(closed),
    });
    this.live.set(session.id, session);
    return session;
  }

  /** A reconnect id works once, and only while the session it leaves is still open. */
  private resume(webSocket: WebSocket, reconnectId: string, host: string): void {
    const previous = this.reconnects.get(reconnectId);
    this.reconnects.delete(reconnectId);
    if (previous?.status !== 'reconnecting') {
      webSocket.on('error', () => webSocket.terminate());
      webSocket.close(4007, WEBSOCKET_CLOSE_REASONS[4007]);
      return;
    }
    const next = this.open(webSocket, previous.keepaliveSeconds, host);
    next.continues(previous);
    next.welcome();
    this.listener.handedOver(previous, next);
  }

  private forget(session: WebSocketSession): void {
    this.live.delete(session.id);
    for (const [reconnectId, leaving] of this.reconnects) {
      if (leaving === session) this.reconnects.delete(reconnectId);
    }
    this.listener.closed(session);
  }

  private find(sessionId: string): WebSocketSession {
    const session = this.live.get(sessionId);
    if (!session) throw new Error(`No open EventSub WebSocket session ${sessionId}`);
    return session;
  }
}

/**
 * Twitch takes whole seconds from 10 to 600 and answers any other number with the nearest it
 * accepts; `null` for something that is not a number.
 */
function keepaliveFrom(value: string | null): number | null {
  if (value === null) return KEEPALIVE_SECONDS.otherwise;
  if (!/^\s*[-+]?\d+(?:\.\d+)?\s*$/.test(value)) return null;
  const { least, most } = KEEPALIVE_SECONDS;
  return Math.min(most, Math.max(least, Math.round(Number(value))));
}

function refuse(socket: Duplex, status: number): void {
  socket.on('error', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}
