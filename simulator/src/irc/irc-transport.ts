import { type Socket } from 'node:net';
import { type RawData, type WebSocket } from 'ws';

export type TransportKind = 'tcp' | 'websocket';

/** A client's connection, TCP or WebSocket, reduced to what the chat server needs. */
export interface IrcTransport {
  readonly kind: TransportKind;
  /** Bytes written that have not been handed to the operating system yet. */
  readonly bufferedBytes: number;
  write(text: string): void;
  /** Closes once everything written has been sent. */
  end(): void;
  /** Closes at once, dropping anything unsent. */
  destroy(): void;
  /** Starts reading from the client. */
  listen(listener: TransportListener): void;
}

export interface TransportListener {
  /** One line the client sent, without its line ending. */
  line(line: string): void;
  closed(): void;
}

export function tcpTransport(socket: Socket): IrcTransport {
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  return {
    kind: 'tcp',
    get bufferedBytes() {
      return socket.writableLength;
    },
    write: (text) => socket.write(text),
    end: () => socket.end(),
    destroy: () => socket.destroy(),
    listen(listener) {
      let partial = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        emitLines(lines, listener);
      });
      socket.on('close', () => listener.closed());
    },
  };
}

/** One frame may carry several lines, in both directions (PROTOCOL C1). */
export function webSocketTransport(webSocket: WebSocket): IrcTransport {
  webSocket.on('error', () => webSocket.terminate());
  return {
    kind: 'websocket',
    get bufferedBytes() {
      return webSocket.bufferedAmount;
    },
    write: (text) => webSocket.send(text),
    end: () => webSocket.close(),
    destroy: () => webSocket.terminate(),
    listen(listener) {
      webSocket.on('message', (data) => emitLines(textOf(data).split('\n'), listener));
      webSocket.on('close', () => listener.closed());
    },
  };
}

function emitLines(lines: readonly string[], listener: TransportListener): void {
  for (const line of lines) {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (trimmed !== '') listener.line(trimmed);
  }
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  return data instanceof ArrayBuffer ? Buffer.from(data).toString() : data.toString();
}
