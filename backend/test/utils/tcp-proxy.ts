import { createServer, type Server, Socket } from 'node:net';

/**
 * A TCP hop between the application and a server (Postgres), which a test can cut and restore:
 * while cut, connections are refused and open ones die, as when the server goes away.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly target: { host: string; port: number },
    private listenPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, 0);
    await proxy.restore();
    return proxy;
  }

  get port(): number {
    return this.listenPort;
  }

  /** `postgres://…` of the target, reached through this proxy. */
  via(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.listenPort);
    return proxied.toString();
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise((closed) => server.close(closed));
  }

  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = new Socket();
      this.sockets.add(client).add(upstream);
      const forget = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', forget).on('close', forget);
      upstream.on('error', forget).on('close', forget);
      upstream.connect(this.target.port, this.target.host, () => {
        client.pipe(upstream).pipe(client);
      });
    });
    await new Promise<void>((listening, failed) => {
      server.once('error', failed).listen(this.listenPort, '127.0.0.1', () => listening());
    });
    this.listenPort = (server.address() as { port: number }).port;
    this.server = server;
  }
}
