import { TWITCH_ACCOUNT_SCOPES, type TwitchAccount } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { ChannelsService } from '../../channels/channels.service.js';
import { ApiError } from '../../http/api-error.js';
import { TokenVault, type TwitchGrant } from '../token-vault/token-vault.js';
import { type TwitchAccountEntity } from '../token-vault/twitch-account.entity.js';
import { TwitchAuthProviders } from '../token-vault/twitch-auth-providers.js';
import { TwitchOAuth } from '../twitch-oauth.js';

/** Connected broadcaster and bot accounts: what every connect flow ends in, and disconnecting. */
@Injectable()
export class TwitchAccountsService {
  constructor(
    private readonly vault: TokenVault,
    private readonly providers: TwitchAuthProviders,
    private readonly channels: ChannelsService,
    private readonly oauth: TwitchOAuth,
  ) {}

  async list(): Promise<TwitchAccount[]> {
    return (await this.vault.list()).map(toTwitchAccount);
  }

  /** Keeps the grant; a broadcaster's channel becomes one of the team's channels. */
  async connect(grant: TwitchGrant): Promise<TwitchAccount> {
    const account = await this.vault.store(grant);
    this.providers.add(account);
    if (grant.purpose === 'broadcaster') {
      const { id, login, displayName } = grant.user;
      await this.channels.upsert({ twitchId: id, login, displayName });
    }
    return toTwitchAccount(account);
  }

  /**
   * Forgets the account and revokes its token at Twitch. A token sealed under an earlier
   * encryption key cannot be read, so only the row goes; the grant then stays at Twitch until the
   * person removes it under Settings → Connections. The account's channel and archive stay.
   */
  async disconnect(id: string): Promise<void> {
    const account = await this.vault.find(id);
    if (!account) throw new ApiError('NOT_FOUND', `No connected account with id ${id}.`);
    const accessToken = this.vault.accessTokenOf(account);
    this.providers.remove(account);
    await this.vault.remove(account);
    if (accessToken !== null) await this.oauth.revoke(accessToken);
  }
}

function toTwitchAccount(account: TwitchAccountEntity): TwitchAccount {
  const granted = new Set(account.scopes);
  return {
    id: account.id,
    twitchUserId: account.twitchUserId,
    login: account.login,
    displayName: account.displayName,
    purpose: account.purpose,
    scopes: [...account.scopes].sort(),
    missingScopes: TWITCH_ACCOUNT_SCOPES[account.purpose].filter((scope) => !granted.has(scope)),
    status: account.status,
    problem: account.problem,
    connectedAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}
