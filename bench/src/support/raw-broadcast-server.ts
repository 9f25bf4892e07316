/**
 * The yardstick of the overlay fan-out benchmark: a bare Socket.io server that broadcasts what
 * `POST /fire` carries to every socket of `/overlay`, as Integron's overlays receive stream
 * events, with nothing else in between. Run as a child process; prints its port when listening.
 */
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/fire') {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    overlay.emit('stream-event', JSON.parse(Buffer.concat(chunks).toString()) as unknown);
    response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
  });
});
const io = new Server(http, { transports: ['websocket'] });
const overlay = io.of('/overlay');
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(http.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => {
  void io.close();
  http.close(() => process.exit(0));
});
