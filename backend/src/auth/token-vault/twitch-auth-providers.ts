import { TWITCH_ACCOUNT_PURPOSES, type TwitchAccountPurpose } from '@integron/contracts';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type AccessToken, RefreshingAuthProvider } from '@twurple/auth';
import { TwitchIdentity } from '../twitch-identity.js';
import { TokenVault } from './token-vault.js';
import { type TwitchAccountEntity } from './twitch-account.entity.js';

/**
 * twurple auth providers over the vault, one per purpose (the same person may be a broadcaster and
 * a bot). Refreshed tokens are written back; a refresh Twitch refuses marks the account
 * "needs reconnect" for the admin to see, instead of failing quietly on every later call.
 */
@Injectable()
export class TwitchAuthProviders implements OnApplicationBootstrap {
  private readonly logger = new Logger('TwitchAccounts');
  private readonly providers: Record<TwitchAccountPurpose, RefreshingAuthProvider>;

  constructor(
    private readonly vault: TokenVault,
    identity: TwitchIdentity,
  ) {
    this.providers = Object.fromEntries(
      TWITCH_ACCOUNT_PURPOSES.map((purpose) => [purpose, this.createProvider(purpose, identity)]),
    ) as Record<TwitchAccountPurpose, RefreshingAuthProvider>;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const purpose of TWITCH_ACCOUNT_PURPOSES) {
      for (const account of await this.vault.connected(purpose)) this.add(account);
    }
  }

  /** The provider holding every connected account of one purpose, keyed by Twitch user id. */
  for(purpose: TwitchAccountPurpose): RefreshingAuthProvider {
    return this.providers[purpose];
  }

  add(account: TwitchAccountEntity): void {
    this.providers[account.purpose].addUser(account.twitchUserId, this.vault.tokenOf(account));
  }

  remove(account: TwitchAccountEntity): void {
    this.providers[account.purpose].removeUser(account.twitchUserId);
  }

  private createProvider(
    purpose: TwitchAccountPurpose,
    identity: TwitchIdentity,
  ): RefreshingAuthProvider {
    const provider = new RefreshingAuthProvider({
      clientId: identity.clientId,
      clientSecret: identity.clientSecret,
    });
    provider.onRefresh((userId, token) => void this.persistRefreshed(purpose, userId, token));
    provider.onRefreshFailure((userId, error) => void this.refreshFailed(purpose, userId, error));
    return provider;
  }

  private async persistRefreshed(
    purpose: TwitchAccountPurpose,
    userId: string,
    token: AccessToken,
  ): Promise<void> {
    try {
      await this.vault.storeRefreshed(purpose, userId, token);
    } catch (error) {
      this.logger.error(
        `Could not store the refreshed token of ${purpose} account ${userId}: ${String(error)}`,
      );
    }
  }

  private async refreshFailed(
    purpose: TwitchAccountPurpose,
    userId: string,
    error: Error,
  ): Promise<void> {
    if (!twitchRefusedGrant(error)) {
      this.logger.warn(
        `Refreshing the token of ${purpose} account ${userId} failed; will retry: ${error.message}`,
      );
      return;
    }
    this.logger.warn(
      `Twitch no longer accepts the ${purpose} account ${userId}; it needs reconnecting`,
    );
    try {
      await this.vault.markNeedsReconnect(
        purpose,
        userId,
        'Twitch refused to refresh its token (revoked, password changed or app disconnected). Connect the account again.',
      );
    } catch (storeError) {
      this.logger.error(`Could not mark ${purpose} account ${userId}: ${String(storeError)}`);
    }
  }
}

/**
 * A 4xx from id.twitch.tv (invalid refresh token, unknown client) or no refresh token at all means
 * only a person can fix it; anything else (network, 5xx) may pass.
 */
function twitchRefusedGrant(error: Error): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return status >= 400 && status < 500;
  return error.name === 'InvalidTokenError';
}
