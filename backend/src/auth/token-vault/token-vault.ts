import { type TwitchAccountPurpose, type UserRef } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AccessToken } from '@twurple/auth';
import { Repository } from 'typeorm';
import { isBigIntId } from '../../http/bigint-id.pipe.js';
import { EncryptionKey } from '../secrets/encryption-key.js';
import { deriveKey, SecretBox, UnreadableSecretError } from '../secrets/secret-box.js';
import { TwitchAccountEntity } from './twitch-account.entity.js';

/** What a finished connect flow hands to the vault. */
export interface TwitchGrant {
  user: UserRef;
  purpose: TwitchAccountPurpose;
  token: AccessToken;
  connectedBy: string | null;
}

/**
 * Where connected accounts' OAuth tokens live: in Postgres, sealed with AES-256-GCM under a key
 * derived from the master key. Only this class sees a token in the clear.
 */
@Injectable()
export class TokenVault {
  private readonly box: SecretBox;

  constructor(
    @InjectRepository(TwitchAccountEntity)
    private readonly accounts: Repository<TwitchAccountEntity>,
    key: EncryptionKey,
  ) {
    this.box = new SecretBox(deriveKey(key.value, 'token-vault'));
  }

  /** Stores a fresh grant; connecting an account again replaces its tokens and clears its problem. */
  async store(grant: TwitchGrant): Promise<TwitchAccountEntity> {
    const { user, purpose, token } = grant;
    await this.accounts.upsert(
      {
        twitchUserId: user.id,
        login: user.login,
        displayName: user.displayName,
        purpose,
        ...this.sealed(token),
        status: 'connected',
        problem: null,
        connectedBy: grant.connectedBy,
      },
      { conflictPaths: ['twitchUserId', 'purpose'] },
    );
    return this.accounts.findOneByOrFail({ twitchUserId: user.id, purpose });
  }

  /**
   * Twitch rotated the tokens: keep the new ones, or the next start would hold dead ones. Only
   * while the row still holds the grant obtained at `refreshedFrom`; false when it was connected
   * again (or removed) meanwhile, so a slow refresh never replaces a newer grant.
   */
  async storeRefreshed(
    purpose: TwitchAccountPurpose,
    twitchUserId: string,
    token: AccessToken,
    refreshedFrom: Date,
  ): Promise<boolean> {
    const { affected } = await this.accounts.update(
      { purpose, twitchUserId, obtainedAt: refreshedFrom },
      { ...this.sealed(token), status: 'connected', problem: null },
    );
    return affected === 1;
  }

  /** Marks the account, or with `grantObtainedAt` only while it still holds that grant. */
  async markNeedsReconnect(
    purpose: TwitchAccountPurpose,
    twitchUserId: string,
    problem: string,
    { grantObtainedAt }: { grantObtainedAt?: Date } = {},
  ): Promise<boolean> {
    const { affected } = await this.accounts.update(
      { purpose, twitchUserId, ...(grantObtainedAt ? { obtainedAt: grantObtainedAt } : {}) },
      { status: 'needs_reconnect', problem },
    );
    return affected === 1;
  }

  list(): Promise<TwitchAccountEntity[]> {
    return this.accounts.find({ order: { purpose: 'ASC', login: 'ASC' } });
  }

  find(id: string): Promise<TwitchAccountEntity | null> {
    return isBigIntId(id) ? this.accounts.findOneBy({ id }) : Promise.resolve(null);
  }

  findGrant(
    purpose: TwitchAccountPurpose,
    twitchUserId: string,
  ): Promise<TwitchAccountEntity | null> {
    return this.accounts.findOneBy({ purpose, twitchUserId });
  }

  connected(purpose: TwitchAccountPurpose): Promise<TwitchAccountEntity[]> {
    return this.accounts.findBy({ purpose, status: 'connected' });
  }

  async remove(account: TwitchAccountEntity): Promise<void> {
    await this.accounts.delete({ id: account.id });
  }

  /** Throws `UnreadableSecretError` when the tokens were sealed under another key. */
  tokenOf(account: TwitchAccountEntity): AccessToken {
    return {
      accessToken: this.box.open(account.accessTokenSealed),
      refreshToken: account.refreshTokenSealed ? this.box.open(account.refreshTokenSealed) : null,
      scope: account.scopes,
      expiresIn: account.expiresAt
        ? Math.max(
            0,
            Math.round((account.expiresAt.getTime() - account.obtainedAt.getTime()) / 1000),
          )
        : null,
      obtainmentTimestamp: account.obtainedAt.getTime(),
    };
  }

  /** The access token, or null when it was sealed under another key and no longer opens. */
  accessTokenOf(account: TwitchAccountEntity): string | null {
    try {
      return this.box.open(account.accessTokenSealed);
    } catch (error) {
      if (error instanceof UnreadableSecretError) return null;
      throw error;
    }
  }

  private sealed(token: AccessToken) {
    return {
      scopes: token.scope,
      accessTokenSealed: this.box.seal(token.accessToken),
      refreshTokenSealed: token.refreshToken ? this.box.seal(token.refreshToken) : null,
      obtainedAt: new Date(token.obtainmentTimestamp),
      expiresAt:
        token.expiresIn === null
          ? null
          : new Date(token.obtainmentTimestamp + token.expiresIn * 1000),
    };
  }
}
