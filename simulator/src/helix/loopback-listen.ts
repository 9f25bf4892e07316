import { createServer, type RequestListener, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

const ATTEMPTS = 5;

/**
 * Listens on 127.0.0.1 and ::1 with one port, since `localhost` may resolve to either. With
 * port 0 a port free on both is searched; a machine without IPv6 loopback gets IPv4 only.
 */
export async function listenOnLoopback(
  handler: RequestListener,
  port: number,
): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const ipv4 = await listen(createServer(handler), port, '127.0.0.1');
    const chosen = (ipv4.address() as AddressInfo).port;
    try {
      const ipv6 = await listen(createServer(handler), chosen, '::1');
      return { servers: [ipv4, ipv6], port: chosen };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')
        return { servers: [ipv4], port: chosen };
      await close(ipv4);
      if (port !== 0 || code !== 'EADDRINUSE' || attempt === ATTEMPTS) throw error;
    }
  }
}

export async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
