import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type SimApp, Simulator } from '@integron/simulator';
import { OAUTH_CALLBACK_PATHS } from '../auth/oauth-callbacks.js';
import { AppConfig } from '../config/app-config.js';
import { demoTwitchPagesUrl } from './demo-twitch-pages.constant.js';

/** Twitch chat clients can only reach port 6667 when they do not use TLS. */
const CHAT_PORT = 6667;

/**
 * Demo mode's outside world: with no Twitch credentials configured, a simulated Twitch and Discord
 * run in this process and make up traffic for a few channels, so every page has live data. In
 * live mode it holds nothing.
 */
export class DemoSimulator implements OnApplicationShutdown {
  private constructor(
    /** `null` in live mode. */
    readonly simulator: Simulator | null,
    /** Integron's application registered at the simulated Twitch. */
    readonly twitchApp: SimApp | null,
  ) {}

  /** The simulated id.twitch.tv's OAuth base (`…/auth`), on loopback. */
  get oauthBaseUrl(): string {
    if (!this.simulator) throw new Error('Demo mode without its simulator');
    return `${this.simulator.twitch.api.baseUrl}/auth`;
  }

  static async start(config: AppConfig): Promise<DemoSimulator> {
    if (config.mode !== 'demo') return new DemoSimulator(null, null);
    const logger = new Logger(DemoSimulator.name);
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
    // twurple reaches id.twitch.tv and Helix through the simulator from now on.
    simulator.twitch.useForTwurple();
    const twitchApp = simulator.twitch.world.registerApp({
      name: 'Integron (demo)',
      redirectUris: OAUTH_CALLBACK_PATHS.map((path) => `${config.http.publicUrl}${path}`),
    });
    if (trafficRate > 0) simulator.traffic({ rate: trafficRate, startLive: true }).start();
    const { twitch, discord, population } = simulator;
    logger.log(
      `Demo mode: simulated Twitch chat on ${twitch.chat.host}:${twitch.chat.tcpPort}, Twitch API on ${twitch.api.baseUrl}` +
        `${discord ? `, Discord on ${discord.apiBaseUrl}` : ''}; ${population.channels.length} channels, ${trafficRate} events/s`,
    );
    return new DemoSimulator(simulator, twitchApp);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.simulator?.stop();
  }
}
