import { TWITCH_ACCOUNT_PURPOSES, type TwitchAccountPurpose } from '@integron/contracts';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  type AccessToken,
  AppTokenAuthProvider,
  type AuthProvider,
  type RefreshingAuthProvider,
} from '@twurple/auth';
import { UnreadableSecretError } from '../../auth/secrets/secret-box.js';
import { describeTwitchError, httpStatusOf } from '../twitch-errors.js';
import { TwitchIdentity } from '../twitch-identity.js';
import { GrantTrackingAuthProvider } from './grant-tracking-auth-provider.js';
import { TokenVault } from '../../auth/token-vault/token-vault.js';
import { type TwitchAccountEntity } from '../../auth/token-vault/twitch-account.entity.js';

const REFUSED_PROBLEM =
  'Twitch refused to refresh its token (revoked, password changed or app disconnected). Connect the account again.';
const KEY_CHANGED_PROBLEM =
  'Its tokens were encrypted with an earlier encryption key and cannot be read with the current one. Connect the account again.';

/**
 * twurple auth providers over the vault, one per purpose (the same person may be a broadcaster and
 * a bot). Refreshed tokens are written back; a refresh token Twitch refuses marks the account
 * "needs reconnect" for the admin to see, instead of failing quietly on every later call.
 */
@Injectable()
export class TwitchAuthProviders implements OnApplicationBootstrap {
  private readonly logger = new Logger('TwitchAccounts');
  private readonly providers: Record<TwitchAccountPurpose, GrantTrackingAuthProvider>;
  private readonly app: AppTokenAuthProvider;

  constructor(
    private readonly vault: TokenVault,
    identity: TwitchIdentity,
  ) {
    this.providers = Object.fromEntries(
      TWITCH_ACCOUNT_PURPOSES.map((purpose) => [purpose, this.createProvider(purpose, identity)]),
    ) as Record<TwitchAccountPurpose, GrantTrackingAuthProvider>;
    this.app = new AppTokenAuthProvider(identity.clientId, identity.clientSecret);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const purpose of TWITCH_ACCOUNT_PURPOSES) {
      for (const account of await this.vault.connected(purpose)) await this.load(account);
    }
  }

  /** The provider holding every connected account of one purpose, keyed by Twitch user id. */
  for(purpose: TwitchAccountPurpose): RefreshingAuthProvider {
    return this.providers[purpose];
  }

  /**
   * Integron's application itself (an app access token, from its client id and secret): what
   * EventSub over webhooks subscribes with. It acts for the accounts that granted it scopes.
   */
  application(): AuthProvider {
    return this.app;
  }

  add(account: TwitchAccountEntity): void {
    this.providers[account.purpose].addUser(account.twitchUserId, this.vault.tokenOf(account));
  }

  remove(account: TwitchAccountEntity): void {
    this.providers[account.purpose].removeUser(account.twitchUserId);
  }

  /** Like `add`, but an account whose tokens no longer open is marked instead of thrown on. */
  private async load(account: TwitchAccountEntity): Promise<void> {
    try {
      this.add(account);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      this.logger.warn(
        `The ${account.purpose} account ${account.twitchUserId} needs reconnecting: its tokens do not open with the current encryption key`,
      );
      await this.vault.markNeedsReconnect(
        account.purpose,
        account.twitchUserId,
        KEY_CHANGED_PROBLEM,
      );
    }
  }

  /** Puts what the vault holds now back into the provider (twurple also forgets failures then). */
  private async reload(purpose: TwitchAccountPurpose, userId: string): Promise<void> {
    const account = await this.vault.findGrant(purpose, userId);
    if (account?.status === 'connected') await this.load(account);
    else this.providers[purpose].removeUser(userId);
  }

  private createProvider(
    purpose: TwitchAccountPurpose,
    identity: TwitchIdentity,
  ): GrantTrackingAuthProvider {
    return new GrantTrackingAuthProvider(
      { clientId: identity.clientId, clientSecret: identity.clientSecret },
      {
        refreshed: (userId, token, refreshedFrom) =>
          void this.persistRefreshed(purpose, userId, token, refreshedFrom),
        failed: (userId, error, refreshedFrom) =>
          void this.refreshFailed(purpose, userId, error, refreshedFrom),
      },
    );
  }

  private async persistRefreshed(
    purpose: TwitchAccountPurpose,
    userId: string,
    token: AccessToken,
    refreshedFrom: number,
  ): Promise<void> {
    try {
      if (await this.vault.storeRefreshed(purpose, userId, token, new Date(refreshedFrom))) return;
      this.logger.log(
        `The ${purpose} account ${userId} changed while its token was refreshing (connected again or removed); keeping what is stored`,
      );
      await this.reload(purpose, userId);
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
    refreshedFrom: number,
  ): Promise<void> {
    try {
      if (refusedRefreshToken(error)) {
        // Only the grant that was refused: a reconnect meanwhile brought a good one.
        const marked = await this.vault.markNeedsReconnect(purpose, userId, REFUSED_PROBLEM, {
          grantObtainedAt: new Date(refreshedFrom),
        });
        if (marked)
          this.logger.warn(
            `Twitch no longer accepts the ${purpose} account ${userId}; it needs reconnecting`,
          );
        else await this.reload(purpose, userId);
        return;
      }
      this.logger.warn(
        `Refreshing the token of ${purpose} account ${userId} failed (${describeTwitchError(error)}); trying again on next use`,
      );
      await this.reload(purpose, userId);
    } catch (storeError) {
      this.logger.error(`Could not update ${purpose} account ${userId}: ${String(storeError)}`);
    }
  }
}

/**
 * Only Twitch refusing the refresh token itself needs a person (`400 {"message":"Invalid refresh
 * token"}`, or OAuth's `invalid_grant`); rate limits, outages and the like pass.
 */
function refusedRefreshToken(error: Error): boolean {
  const status = httpStatusOf(error);
  const body = (error as { body?: unknown }).body;
  return (
    (status === 400 || status === 401) &&
    typeof body === 'string' &&
    /invalid refresh token|invalid_grant/i.test(body)
  );
}
