import { IoAdapter } from '@nestjs/platform-socket.io';
import { type Server, type ServerOptions } from 'socket.io';

/** The refusal a client of the root namespace sees as `connect_error`. */
export const ROOT_NAMESPACE_REFUSED = 'Nothing is served on the root namespace "/".';

/**
 * Nest's Socket.io adapter with the root namespace closed. Socket.io opens `/` on every server,
 * and no gateway authenticates there, so it would otherwise take anonymous connections.
 */
export class ClosedRootIoAdapter extends IoAdapter {
  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    server.of('/').use((_socket, next) => next(new Error(ROOT_NAMESPACE_REFUSED)));
    return server;
  }
}
