import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, isIPv6 } from 'node:net';
import { type APIMessage } from 'discord-api-types/v10';
import { type Clock } from '../world/clock.js';
import { type SeededRandom } from '../world/random.js';
import { createDiscordApp } from './discord-app.js';
import { DiscordWorld } from './discord-world.js';
import { Faults } from './faults.js';
import { type RecordedRequest } from './http/record-requests.js';

export interface DiscordServerOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  clock?: Clock;
  random?: SeededRandom;
}

/**
 * A local Discord that `@discordjs/rest` talks to unmodified:
 * `new REST({ api: sim.apiBaseUrl, version: '10' })`.
 */
export class DiscordServer {
  readonly faults = new Faults();
  /** Where `@discordjs/rest` should point its `api` option. */
  readonly apiBaseUrl: string;
  readonly world: DiscordWorld;
  private readonly log: RecordedRequest[] = [];

  private constructor(
    private readonly server: Server,
    /** `http://127.0.0.1:<port>`; the OAuth2 consent screen is at `/oauth2/authorize`. */
    readonly baseUrl: string,
    { clock, random }: DiscordServerOptions,
  ) {
    this.apiBaseUrl = `${baseUrl}/api`;
    this.world = new DiscordWorld({ clock, random, apiBaseUrl: this.apiBaseUrl });
    server.on(
      'request',
      createDiscordApp({ world: this.world, faults: this.faults, log: this.log }),
    );
  }

  static async start(options: DiscordServerOptions = {}): Promise<DiscordServer> {
    const server = createServer();
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    await once(server, 'listening');
    return new DiscordServer(server, `http://${urlHost(server.address() as AddressInfo)}`, options);
  }

  /** Every answered request so far, in the order the answers went out. */
  requests(): readonly RecordedRequest[] {
    return [...this.log];
  }

  /** The channel's messages, oldest first. */
  messages(channelId: string): APIMessage[] {
    return this.world.messages.list(channelId);
  }

  async stop(): Promise<void> {
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }
}

/** The address to reach a listening socket at: loopback for a wildcard, brackets for IPv6. */
function urlHost({ address, port }: AddressInfo): string {
  const reachable = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `${isIPv6(reachable) ? `[${reachable}]` : reachable}:${port}`;
}
