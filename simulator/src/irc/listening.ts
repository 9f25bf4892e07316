import {
  createServer as createHttpServer,
  STATUS_CODES,
  type Server as HttpServer,
} from 'node:http';
import { type Server } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** Resolves with the port taken, which matters when asked for port 0. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** Resolves once the port is free; connections must be gone by then. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * An HTTP server that only upgrades to WebSocket. It echoes the `irc` subprotocol tmi.js asks
 * for, without which the `ws` client gives up (PROTOCOL C1).
 */
export function webSocketEndpoint(onConnection: (webSocket: WebSocket) => void): HttpServer {
  const server = createHttpServer((_, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain' });
    response.end(STATUS_CODES[426]);
  });
  new WebSocketServer({
    server,
    clientTracking: false,
    handleProtocols: (protocols) => (protocols.has('irc') ? 'irc' : false),
  }).on('connection', onConnection);
  return server;
}
