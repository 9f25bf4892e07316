import { TWITCH_ACCOUNT_SCOPES } from '@integron/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { type AccessToken } from '@twurple/auth';
import { ChannelsService } from '../channels/channels.service.js';
import { TwitchAccountsService } from '../twitch/accounts/twitch-accounts.service.js';
import { describeTwitchError } from '../twitch/twitch-errors.js';
import { TwitchOAuth } from '../twitch/twitch-oauth.js';
import { DemoSimulator } from './demo-simulator.js';

/**
 * The simulated broadcasters connect their accounts, as an admin would on the Connected accounts
 * page: the simulated Twitch grants Integron the broadcaster scopes and the grant is connected like
 * any other, so EventSub runs against the simulator as it does against Twitch. The simulator
 * forgets its grants when the process ends, so every start connects those of the active channels.
 */
@Injectable()
export class DemoAccounts {
  private readonly logger = new Logger(DemoAccounts.name);

  constructor(
    private readonly demo: DemoSimulator,
    private readonly oauth: TwitchOAuth,
    private readonly accounts: TwitchAccountsService,
    private readonly channels: ChannelsService,
  ) {}

  async connectBroadcasters(): Promise<void> {
    const active = new Set((await this.channels.active()).map((channel) => channel.id));
    const connected: string[] = [];
    for (const { broadcaster } of this.demo.simulator.population.channels) {
      if (!active.has(broadcaster.id)) continue;
      try {
        const token = this.grant(broadcaster.id);
        const user = await this.oauth.identify(token.accessToken);
        await this.accounts.connect({ user, purpose: 'broadcaster', token, connectedBy: null });
        connected.push(user.login);
      } catch (error) {
        this.logger.warn(
          `Demo mode could not connect ${broadcaster.login}'s broadcaster account: ${describeTwitchError(error)}`,
        );
      }
    }
    if (connected.length > 0)
      this.logger.log(`Demo mode: connected the broadcaster accounts of ${connected.join(', ')}`);
  }

  /** What the simulated Twitch hands over once the broadcaster approved Integron. */
  private grant(userId: string): AccessToken {
    const issued = this.demo.simulator.twitch.world.tokens.issueUserToken(
      this.demo.twitchApp.clientId,
      userId,
      TWITCH_ACCOUNT_SCOPES.broadcaster,
    );
    return {
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      scope: issued.scopes,
      expiresIn: issued.expiresIn,
      obtainmentTimestamp: Date.now(),
    };
  }
}
