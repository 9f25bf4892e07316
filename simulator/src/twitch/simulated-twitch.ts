import { EventSubService, type EventSubServiceOptions } from '../eventsub/eventsub-service.js';
import { TwitchApiServer } from '../helix/twitch-api-server.js';
import { TwitchChatServer } from '../irc/chat-server.js';
import { type KeepAliveOptions } from '../irc/keep-alive.js';
import { type Clock, systemClock } from '../world/clock.js';
import { SeededRandom } from '../world/random.js';
import { TwitchWorld } from '../world/twitch-world.js';
import { HappeningFactory } from './happening-factory.js';
import { type Happening } from './happenings.js';
import { applyToWorld } from './world-effects.js';

export interface SimulatedTwitchOptions {
  /** Seeds everything generated (ids, names, traffic). */
  seed?: number;
  clock?: Clock;
  chat?: {
    /** A loopback address of its own lets parallel simulators each take port 6667. */
    host?: string;
    /** twurple's ChatClient can only reach 6667 (TCP without TLS); 0 takes any free port. */
    tcpPort?: number;
    /** 0: any free port; null: no WebSocket endpoint. */
    wsPort?: number | null;
    /** When a silent client is pinged and, if it does not answer, dropped. */
    keepAlive?: KeepAliveOptions;
  };
  /** id.twitch.tv + Helix; 0 takes any free port. */
  apiPort?: number;
  /**
   * Where people's browsers reach id.twitch.tv's pages (`authorize`, `activate`), when that is
   * not this server's `/auth`: e.g. a proxy on a public address. Device codes point there.
   */
  oauthPagesUrl?: string;
  /** Where EventSub deliveries go for an advertised callback URL. */
  deliveryUrl?: (callback: string) => string;
  /**
   * Webhook retries, how many failed notifications in a row revoke a subscription, and the
   * timings of EventSub over WebSocket.
   */
  eventSub?: Pick<EventSubServiceOptions, 'retryDelaysMs' | 'maxConsecutiveFailures' | 'webSocket'>;
}

/**
 * The simulated Twitch: one world, seen through chat (IRC), Helix + OAuth and EventSub. What
 * happens is applied to the world and then rendered by every transport.
 */
export class SimulatedTwitch {
  readonly events: HappeningFactory;

  private constructor(
    readonly world: TwitchWorld,
    readonly chat: TwitchChatServer,
    readonly api: TwitchApiServer,
    readonly eventSub: EventSubService,
  ) {
    this.events = new HappeningFactory(world);
  }

  static async start(options: SimulatedTwitchOptions = {}): Promise<SimulatedTwitch> {
    const world = new TwitchWorld(
      new SeededRandom(options.seed ?? 1),
      options.clock ?? systemClock,
    );
    const eventSub = new EventSubService({
      ...options.eventSub,
      world,
      deliveryUrl: options.deliveryUrl,
    });
    const api = await TwitchApiServer.start({
      world,
      eventSub,
      port: options.apiPort ?? 0,
      oauthPagesUrl: options.oauthPagesUrl,
    });
    const chat = await TwitchChatServer.start({
      world,
      host: options.chat?.host,
      tcpPort: options.chat?.tcpPort,
      wsPort: options.chat?.wsPort,
      keepAlive: options.chat?.keepAlive,
      // A chat client's message was already delivered over IRC by the chat server.
      onClientMessage: (happening) => {
        applyToWorld(happening, world);
        void eventSub.publish(happening);
      },
    });
    return new SimulatedTwitch(world, chat, api, eventSub);
  }

  /** Applies `happening` to the world and shows it on every transport; resolves once EventSub has delivered it. */
  happen(happening: Happening): Promise<void> {
    applyToWorld(happening, this.world);
    this.chat.publish(happening);
    return this.eventSub.publish(happening);
  }

  /**
   * Points twurple in this process at this simulator: twurple 8 reads TWURPLE_MOCK_API_PORT on
   * every call and sends id.twitch.tv and Helix requests to localhost on that port.
   */
  useForTwurple(): void {
    process.env.TWURPLE_MOCK_API_PORT = String(this.api.port);
  }

  async stop(): Promise<void> {
    await Promise.all([this.chat.stop(), this.api.stop()]);
  }
}
