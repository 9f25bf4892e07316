import { type Server as HttpServer } from 'node:http';
import { createServer } from 'node:net';
import { type ChatMessageHappening, type Happening } from '../twitch/happenings.js';
import { type TwitchWorld } from '../world/twitch-world.js';
import { capabilityNames } from './capabilities.js';
import { ChatRooms } from './chat-rooms.js';
import { channelName, ClientCommands } from './client-commands.js';
import { Delivery } from './delivery.js';
import { IrcConnection } from './irc-connection.js';
import { renderIrc } from './irc-render.js';
import { KeepAlive, type KeepAliveOptions, TWITCH_KEEP_ALIVE } from './keep-alive.js';
import {
  type IrcTransport,
  tcpTransport,
  type TransportKind,
  webSocketTransport,
} from './irc-transport.js';
import { close, listen, webSocketEndpoint } from './listening.js';
import { RecentMessages } from './recent-messages.js';
import { pingLine, reconnectLine } from './server-lines.js';

export interface TwitchChatServerOptions {
  world: TwitchWorld;
  /** Default `127.0.0.1`; a loopback address of its own lets parallel servers each take 6667. */
  host?: string;
  /** Default 6667, the only plain-TCP port twurple can reach; 0 takes any free port. */
  tcpPort?: number;
  /** Default 0, any free port; `null`: no WebSocket endpoint. */
  wsPort?: number | null;
  /** A message a chat client sent, already delivered over IRC. */
  onClientMessage?: (message: ChatMessageHappening) => void;
  /** When to PING a silent client and drop it if it does not answer; default `TWITCH_KEEP_ALIVE`. */
  keepAlive?: KeepAliveOptions;
}

export interface ChatClientSnapshot {
  /** `null` until the client has logged in. */
  nick: string | null;
  channels: string[];
  caps: string[];
  transport: TransportKind;
  /** How many of the server's PINGs this connection has answered. */
  pingsAnswered: number;
}

/** Twitch drops slow readers; so does this server once this much is waiting for one. */
const MAX_UNSENT_BYTES = 4 * 1024 * 1024;

/** Twitch's chat server (TMI) over TCP and WebSocket, showing what happens in the world. */
export class TwitchChatServer {
  private readonly connections = new Map<IrcConnection, KeepAlive>();
  private readonly rooms = new ChatRooms();
  private readonly recentMessages = new RecentMessages();
  private readonly commands: ClientCommands;
  private readonly tcpServer = createServer((socket) => this.accept(tcpTransport(socket)));
  private readonly webSocketServer: HttpServer | null;
  private readonly ports: { tcp: number; ws: number | null } = { tcp: 0, ws: null };

  private constructor(
    private readonly world: TwitchWorld,
    readonly host: string,
    withWebSocket: boolean,
    onClientMessage: TwitchChatServerOptions['onClientMessage'],
    private readonly keepAlive: KeepAliveOptions,
  ) {
    this.webSocketServer = withWebSocket
      ? webSocketEndpoint((webSocket) => this.accept(webSocketTransport(webSocket)))
      : null;
    this.commands = new ClientCommands({
      world,
      rooms: this.rooms,
      recentMessages: this.recentMessages,
      broadcast: (channel, lines, sender) => this.deliver(channel, lines, sender),
      onClientMessage,
    });
  }

  static async start(options: TwitchChatServerOptions): Promise<TwitchChatServer> {
    const { world, host = '127.0.0.1', tcpPort = 6667, wsPort = 0, onClientMessage } = options;
    const keepAlive = options.keepAlive ?? TWITCH_KEEP_ALIVE;
    const server = new TwitchChatServer(world, host, wsPort !== null, onClientMessage, keepAlive);
    await server.listen(tcpPort, wsPort ?? 0);
    return server;
  }

  get tcpPort(): number {
    return this.ports.tcp;
  }

  get wsPort(): number | null {
    return this.ports.ws;
  }

  get wsUrl(): string | null {
    return this.ports.ws === null ? null : `ws://${this.host}:${this.ports.ws}`;
  }

  /** Renders `happening` as Twitch would and sends it to everyone in its channel. */
  publish(happening: Happening): void {
    if (happening.kind === 'chat.message') this.recentMessages.remember(happening);
    const { channel, lines } = renderIrc(happening, this.world);
    this.deliver(channel, lines);
  }

  /** Sends already-rendered, tagged lines to everyone in `channel` (a login, without `#`). */
  broadcastLines(channel: string, lines: readonly string[]): void {
    this.deliver(channelName(channel), lines);
  }

  /**
   * Tells clients that asked for commands to reconnect, then closes every connection: at once, or
   * after `graceMs` during which they still receive chat, as Twitch leaves an indeterminate time
   * between its RECONNECT and the close (PROTOCOL C9). Resolves once they are closed.
   */
  async reconnectAll({ graceMs = 0 }: { graceMs?: number } = {}): Promise<void> {
    const closing = [...this.connections.keys()];
    for (const connection of closing) connection.send([reconnectLine()]);
    if (graceMs > 0) await new Promise((elapsed) => setTimeout(elapsed, graceMs));
    for (const connection of closing) connection.close();
  }

  /** Closes every connection without a word, as a network failure would. */
  dropAll(): void {
    for (const connection of [...this.connections.keys()]) {
      this.forget(connection);
      connection.drop();
    }
  }

  clients(): ChatClientSnapshot[] {
    return [...this.connections].map(([connection, keepAlive]) => ({
      nick: connection.nick,
      channels: [...connection.channels],
      caps: capabilityNames(connection.capabilities),
      transport: connection.transportKind,
      pingsAnswered: keepAlive.answered,
    }));
  }

  /** Closes everything; resolves once the ports are free. */
  async stop(): Promise<void> {
    this.dropAll();
    await Promise.all([
      close(this.tcpServer),
      this.webSocketServer ? close(this.webSocketServer) : undefined,
    ]);
  }

  private async listen(tcpPort: number, wsPort: number): Promise<void> {
    this.ports.tcp = await listen(this.tcpServer, this.host, tcpPort);
    if (!this.webSocketServer) return;
    try {
      this.ports.ws = await listen(this.webSocketServer, this.host, wsPort);
    } catch (error) {
      await close(this.tcpServer);
      throw error;
    }
  }

  private accept(transport: IrcTransport): void {
    const connection = new IrcConnection(transport, MAX_UNSENT_BYTES);
    const keepAlive = new KeepAlive(
      this.keepAlive,
      () => connection.send([pingLine()]),
      () => {
        // Twitch closes the connection of a client that stopped answering.
        this.forget(connection);
        connection.drop();
      },
    );
    this.connections.set(connection, keepAlive);
    transport.listen({
      line: (line) => {
        keepAlive.heard(line);
        this.commands.handle(connection, line);
      },
      closed: () => this.forget(connection),
    });
  }

  private forget(connection: IrcConnection): void {
    const keepAlive = this.connections.get(connection);
    if (!keepAlive) return;
    keepAlive.stop();
    this.connections.delete(connection);
    this.rooms.leaveAll(connection);
  }

  private deliver(channel: string, lines: readonly string[], sender?: IrcConnection): void {
    const members = this.rooms.members(channel);
    if (members.size === 0 || lines.length === 0) return;
    const delivery = new Delivery(lines);
    for (const member of members) {
      if (member !== sender) member.sendText(delivery.textFor(member.capabilities));
    }
  }
}
