import { type SimUser } from '../world/twitch-world.js';
import { Delivery } from './delivery.js';
import { type IrcTransport, type TransportKind } from './irc-transport.js';

/** Who a connection logged in as: a user by token, or an anonymous `justinfan…` reader. */
export type ChatIdentity =
  | { kind: 'user'; nick: string; user: SimUser; scopes: readonly string[] }
  | { kind: 'anonymous'; nick: string };

/** One connected chat client: what it negotiated, who it is, and what it has yet to be sent. */
export class IrcConnection {
  /** Bits of `Capability`. */
  capabilities = 0;
  password: string | null = null;
  /** Set once the client has logged in. */
  identity: ChatIdentity | null = null;
  /** Channel logins; kept by `ChatRooms`. */
  readonly channels = new Set<string>();
  private unsent: string[] = [];
  private unsentLength = 0;
  private flushScheduled = false;
  private open = true;

  constructor(
    private readonly transport: IrcTransport,
    private readonly maxUnsentBytes: number,
  ) {}

  get nick(): string | null {
    return this.identity?.nick ?? null;
  }

  get transportKind(): TransportKind {
    return this.transport.kind;
  }

  /** Tagged lines, shaped by this connection's capabilities. */
  send(lines: readonly string[]): void {
    this.sendText(new Delivery(lines).textFor(this.capabilities));
  }

  /** Wire text, CRLF-terminated; batched into one write per event-loop turn. */
  sendText(text: string): void {
    if (!this.open || text === '') return;
    this.unsent.push(text);
    this.unsentLength += text.length;
    if (this.unsentLength + this.transport.bufferedBytes > this.maxUnsentBytes) {
      // Twitch disconnects readers that fall behind rather than buffer for them.
      this.drop();
      return;
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Sends what is queued, then closes. */
  close(): void {
    this.flush();
    this.open = false;
    this.transport.end();
  }

  /** Closes without a word, dropping what is queued. */
  drop(): void {
    this.open = false;
    this.unsent = [];
    this.transport.destroy();
  }

  private flush(): void {
    this.flushScheduled = false;
    if (!this.open || this.unsent.length === 0) return;
    const text = this.unsent.join('');
    this.unsent = [];
    this.unsentLength = 0;
    this.transport.write(text);
  }
}
