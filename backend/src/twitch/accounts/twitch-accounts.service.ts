import { TWITCH_ACCOUNT_SCOPES, type TwitchAccount } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { ApiError } from '../../http/api-error.js';
import { TokenVault, type TwitchGrant } from '../../auth/token-vault/token-vault.js';
import { type TwitchAccountEntity } from '../../auth/token-vault/twitch-account.entity.js';
import { TwitchAuthProviders } from '../auth-providers/twitch-auth-providers.js';
import { TwitchOAuth } from '../twitch-oauth.js';

/** Runs when an account was connected or disconnected, before the request that did it answers. */
export type AccountChangeHook = (
  account: TwitchAccount,
  change: 'connected' | 'disconnected',
) => Promise<void>;

/** Connected broadcaster and bot accounts: what every connect flow ends in, and disconnecting. */
@Injectable()
export class TwitchAccountsService {
  private readonly hooks: AccountChangeHook[] = [];

  constructor(
    private readonly vault: TokenVault,
    private readonly providers: TwitchAuthProviders,
    private readonly oauth: TwitchOAuth,
  ) {}

  /** For the modules built on accounts (a broadcaster's channel, the chat reader). */
  onChange(hook: AccountChangeHook): void {
    this.hooks.push(hook);
  }

  async list(): Promise<TwitchAccount[]> {
    return (await this.vault.list()).map(toTwitchAccount);
  }

  /** Keeps the grant and tells the modules built on accounts. */
  async connect(grant: TwitchGrant): Promise<TwitchAccount> {
    const stored = await this.vault.store(grant);
    this.providers.add(stored);
    const account = toTwitchAccount(stored);
    for (const hook of this.hooks) await hook(account, 'connected');
    return account;
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
    for (const hook of this.hooks) await hook(toTwitchAccount(account), 'disconnected');
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
