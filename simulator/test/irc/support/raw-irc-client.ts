import { connect } from 'node:net';
import { WebSocket } from 'ws';

const WAIT_MS = 5_000;

interface Connection {
  write(text: string): void;
  pause(): void;
  end(): void;
}

/** A bare IRC client for tests: writes raw lines and reads exactly what the server sent. */
export class RawIrcClient {
  /** Every line received, without CRLF. */
  readonly lines: string[] = [];
  /** WebSocket only: each frame's text as it arrived. */
  readonly frames: string[] = [];
  private cursor = 0;
  private partial = '';
  private isClosed = false;
  private wake: () => void = () => undefined;

  private constructor(private readonly connection: Connection) {}

  static overTcp(host: string, port: number): Promise<RawIrcClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host);
      const client = new RawIrcClient({
        write: (text) => socket.write(text),
        pause: () => socket.pause(),
        end: () => socket.destroy(),
      });
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => client.receive(chunk));
      socket.on('close', () => client.closedByServer());
      socket.once('error', reject);
      socket.once('connect', () => resolve(client));
    });
  }

  static overWebSocket(url: string): Promise<RawIrcClient> {
    return new Promise((resolve, reject) => {
      const webSocket = new WebSocket(url, 'irc');
      const client = new RawIrcClient({
        write: (text) => webSocket.send(text),
        pause: () => webSocket.pause(),
        end: () => webSocket.terminate(),
      });
      webSocket.on('message', (data: Buffer) => {
        const text = data.toString();
        client.frames.push(text);
        client.receive(text);
      });
      webSocket.on('close', () => client.closedByServer());
      webSocket.once('error', reject);
      webSocket.once('open', () => resolve(client));
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  send(...lines: string[]): void {
    this.connection.write(lines.map((line) => `${line}\r\n`).join(''));
  }

  /** Stops reading, as a client that cannot keep up would. */
  pauseReading(): void {
    this.connection.pause();
  }

  /** The lines after the last one read, up to and including the first that `matches`. */
  async readUntil(matches: (line: string) => boolean, timeoutMs = WAIT_MS): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.lines.findIndex((line, i) => i >= this.cursor && matches(line));
      if (index !== -1) {
        const read = this.lines.slice(this.cursor, index + 1);
        this.cursor = index + 1;
        return read;
      }
      if (this.isClosed) throw new Error(`Connection closed; received:\n${this.unread()}`);
      if (Date.now() >= deadline) throw new Error(`Timed out; received:\n${this.unread()}`);
      await this.nextChange(deadline - Date.now());
    }
  }

  /** Up to the line whose command (after tags and prefix) is `command`. */
  readUntilCommand(command: string, timeoutMs?: number): Promise<string[]> {
    return this.readUntil((line) => ircCommand(line) === command, timeoutMs);
  }

  /** Resolves once the server has closed the connection; the unread lines. */
  async waitForClose(timeoutMs = WAIT_MS): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isClosed) {
      if (Date.now() >= deadline) throw new Error('The server did not close the connection');
      await this.nextChange(deadline - Date.now());
    }
    return this.lines.slice(this.cursor);
  }

  close(): void {
    this.connection.end();
  }

  private receive(text: string): void {
    const parts = (this.partial + text).split('\r\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    this.wake();
  }

  private closedByServer(): void {
    this.isClosed = true;
    this.wake();
  }

  private nextChange(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private unread(): string {
    return this.lines.slice(this.cursor).join('\n');
  }
}

export function ircCommand(line: string): string {
  const words = line.split(' ');
  let index = 0;
  if (words[index]?.startsWith('@')) index++;
  if (words[index]?.startsWith(':')) index++;
  return words[index] ?? '';
}
