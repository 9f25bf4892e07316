import { OAUTH_CALLBACK_PATHS } from '@integron/contracts';
import { type Logger } from 'pino';
import { type SimApp, Simulator } from '@integron/simulator';
import { AppConfig } from '../config/app-config.js';
import { TwitchEndpoints } from '../twitch/twitch-endpoints.js';
import { TwitchIdentity } from '../twitch/twitch-identity.js';
import { demoTwitchPagesUrl } from './demo-twitch-pages.constant.js';

/** Twitch chat clients can only reach port 6667 when they do not use TLS. */
const CHAT_PORT = 6667;

/**
 * Demo mode's outside world: with no Twitch credentials configured, a simulated Twitch and Discord
 * run in this process and make up traffic for a few channels, so every page has live data.
 * Integron reaches it exactly as it reaches any Twitch-compatible server: through the
 * `TwitchEndpoints` it hands out.
 */
export interface DemoOptions {
  /**
   * Connect the simulated broadcasters' accounts at start, so that EventSub runs (default true).
   * Tests of chat alone leave them out and connect what they need.
   */
  connectBroadcasters?: boolean;
}

export class DemoSimulator {
  private constructor(
    readonly simulator: Simulator,
    /** Integron's application registered at the simulated Twitch. */
    readonly twitchApp: SimApp,
    readonly endpoints: TwitchEndpoints,
    readonly connectsBroadcasters: boolean,
  ) {}

  /** The simulated id.twitch.tv's OAuth base (`…/auth`), on loopback. */
  get oauthBaseUrl(): string {
    return `${this.simulator.twitch.api.baseUrl}/auth`;
  }

  /** The simulated team's channels, by login, as the demo adds them on a first start. */
  get channelLogins(): string[] {
    return this.simulator.population.channels.map((channel) => channel.broadcaster.login);
  }

  /** Starts before Nest does, so it logs through the process's root logger. */
  static async start(
    config: AppConfig,
    rootLogger: Logger,
    { connectBroadcasters = true }: DemoOptions = {},
  ): Promise<DemoSimulator> {
    const logger = rootLogger.child({ context: DemoSimulator.name });
    const { chatAddress, trafficRate } = config.demo;
    const simulator = await Simulator.start({
      seed: 1,
      chat: { host: chatAddress, tcpPort: CHAT_PORT, wsPort: null },
      population: { channels: 3, chatters: 300 },
      onError: (error) => logger.warn(`Simulated EventSub delivery failed: ${String(error)}`),
      // Browsers reach its sign-in and device pages through Integron (DemoTwitchPagesController).
      oauthPagesUrl: demoTwitchPagesUrl(config),
    }).catch((error: unknown) => {
      throw (error as { code?: string }).code === 'EADDRINUSE'
        ? new Error(
            `Demo mode's simulated Twitch chat cannot listen on ${chatAddress}:${CHAT_PORT}: the port is taken. ` +
              'Set DEMO_CHAT_ADDRESS to another 127.x.y.z address, or configure Twitch credentials for live mode.',
          )
        : error;
    });
    // What TWURPLE_MOCK_API_PORT does in live mode: twurple reaches id.twitch.tv and Helix here.
    simulator.twitch.useForTwurple();
    const twitchApp = simulator.twitch.world.registerApp({
      name: 'Integron (demo)',
      redirectUris: OAUTH_CALLBACK_PATHS.map((path) => `${config.http.publicUrl}${path}`),
    });
    const { twitch, discord, population } = simulator;
    const endpoints = new TwitchEndpoints(
      new TwitchIdentity(
        twitchApp.clientId,
        twitchApp.clientSecret,
        `${twitch.api.baseUrl}/auth`,
        demoTwitchPagesUrl(config),
      ),
      { kind: 'plain-tcp', hostName: twitch.chat.host },
      twitch.api.eventSubWsUrl,
    );
    if (trafficRate > 0) simulator.traffic({ rate: trafficRate, startLive: true }).start();
    logger.info(
      `Demo mode: simulated Twitch chat on ${twitch.chat.host}:${twitch.chat.tcpPort}, Twitch API on ${twitch.api.baseUrl}` +
        `${discord ? `, Discord on ${discord.apiBaseUrl}` : ''}; ${population.channels.length} channels, ${trafficRate} events/s`,
    );
    return new DemoSimulator(simulator, twitchApp, endpoints, connectBroadcasters);
  }

  stop(): Promise<void> {
    return this.simulator.stop();
  }
}
