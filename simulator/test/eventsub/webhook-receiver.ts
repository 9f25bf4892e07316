import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface ReceivedMessage {
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as it arrived. */
  body: string;
  json: {
    subscription: Record<string, unknown>;
    event?: Record<string, unknown>;
    challenge?: string;
  };
}

/**
 * A webhook endpoint for tests: records every message, answers challenges (rightly unless told
 * otherwise) and acknowledges the rest, or fails on request.
 */
export class WebhookReceiver {
  readonly received: ReceivedMessage[] = [];
  /** How challenges are answered. */
  answerChallenge: (challenge: string) => string = (challenge) => challenge;
  private failures: number[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        const json = JSON.parse(body) as ReceivedMessage['json'];
        receiver.received.push({ headers: req.headers, body, json });
        const failure = receiver.failures.shift();
        if (failure !== undefined) {
          res.writeHead(failure).end();
        } else if (json.challenge !== undefined) {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end(receiver.answerChallenge(json.challenge));
        } else {
          res.writeHead(204).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `times` messages are answered with `status`. */
  failNext(status: number, times = 1): void {
    this.failures.push(...Array<number>(times).fill(status));
  }

  notifications(): ReceivedMessage[] {
    return this.ofType('notification');
  }

  ofType(type: string): ReceivedMessage[] {
    return this.received.filter((m) => m.headers['twitch-eventsub-message-type'] === type);
  }

  clear(): void {
    this.received.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }
}
