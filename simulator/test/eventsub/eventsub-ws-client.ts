import { WebSocket } from 'ws';

const WAIT_MS = 5_000;

export interface ReceivedWsMessage {
  metadata: {
    message_id: string;
    message_type: string;
    message_timestamp: string;
    subscription_type?: string;
    subscription_version?: string;
  };
  payload: {
    session?: Record<string, unknown> & { id: string; reconnect_url: string | null };
    subscription?: Record<string, unknown> & { id: string; status: string };
    event?: Record<string, unknown>;
  };
}

export interface CloseFrame {
  code: number;
  reason: string;
}

/** A bare EventSub WebSocket client for tests: records every message and how the server closed. */
export class EventSubWsClient {
  readonly messages: ReceivedWsMessage[] = [];
  readonly closed: Promise<CloseFrame>;
  private readonly waiting = new Set<() => void>();

  private constructor(readonly webSocket: WebSocket) {
    webSocket.on('message', (data: Buffer) => {
      this.messages.push(JSON.parse(data.toString()) as ReceivedWsMessage);
      for (const wake of this.waiting) wake();
    });
    this.closed = new Promise((resolve) => {
      webSocket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  /** Resolves once connected; rejects when the upgrade is refused. */
  static connect(url: string, { answerPings = true } = {}): Promise<EventSubWsClient> {
    return new Promise((resolve, reject) => {
      const webSocket = new WebSocket(url, { autoPong: answerPings });
      const client = new EventSubWsClient(webSocket);
      webSocket.once('error', reject);
      webSocket.once('open', () => resolve(client));
    });
  }

  /** Connects and waits for the welcome; resolves with the client and its session id. */
  static async welcomed(
    url: string,
    options?: { answerPings?: boolean },
  ): Promise<{ client: EventSubWsClient; sessionId: string }> {
    const client = await EventSubWsClient.connect(url, options);
    const welcome = await client.received('session_welcome');
    return { client, sessionId: welcome.payload.session?.id ?? '' };
  }

  ofType(type: string): ReceivedWsMessage[] {
    return this.messages.filter((m) => m.metadata.message_type === type);
  }

  /** The `nth` message of `type` (counting from the first ever received), once it is here. */
  async received(type: string, nth = 1, timeoutMs = WAIT_MS): Promise<ReceivedWsMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.ofType(type)[nth - 1];
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`Saw ${this.ofType(type).length} of ${nth} ${type} in ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiting.add(wake);
      });
    }
  }

  close(): Promise<CloseFrame> {
    this.webSocket.close();
    return this.closed;
  }
}
