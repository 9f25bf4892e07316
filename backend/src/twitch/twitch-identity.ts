/** Integron's application at Twitch (or at a Twitch-compatible server) and where its OAuth lives. */
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
