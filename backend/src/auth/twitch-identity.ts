import { type AppConfig } from '../config/app-config.js';
import { type DemoSimulator } from '../demo/demo-simulator.js';
import { demoTwitchPagesUrl } from '../demo/demo-twitch-pages.constant.js';

const TWITCH_OAUTH = 'https://id.twitch.tv/oauth2';

/** Integron's application at Twitch (or at the simulated Twitch in demo mode) and where its OAuth lives. */
export class TwitchIdentity {
  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
    /** id.twitch.tv's `oauth2` base for Integron's own calls, without a trailing slash. */
    readonly oauthBaseUrl: string,
    /**
     * Where people's browsers reach id.twitch.tv's pages, without a trailing slash. In demo mode
     * Integron serves the simulator's pages itself, since the simulator listens on loopback only.
     */
    readonly pagesBaseUrl = oauthBaseUrl,
  ) {}

  static from(config: AppConfig, demo: DemoSimulator): TwitchIdentity {
    if (config.twitch)
      return new TwitchIdentity(config.twitch.clientId, config.twitch.clientSecret, TWITCH_OAUTH);
    const { twitchApp } = demo;
    if (!twitchApp) throw new Error('Demo mode without its simulator');
    return new TwitchIdentity(
      twitchApp.clientId,
      twitchApp.clientSecret,
      demo.oauthBaseUrl,
      demoTwitchPagesUrl(config),
    );
  }

  get authorizeUrl(): string {
    return `${this.pagesBaseUrl}/authorize`;
  }

  get tokenUrl(): string {
    return `${this.oauthBaseUrl}/token`;
  }

  get deviceUrl(): string {
    return `${this.oauthBaseUrl}/device`;
  }
}
