import { extractUserId, type UserIdResolvable } from '@twurple/api';
import {
  type AccessToken,
  type AccessTokenWithUserId,
  RefreshingAuthProvider,
  type RefreshingAuthProviderConfig,
} from '@twurple/auth';

/** What became of a refresh, with the `obtainmentTimestamp` of the token it started from. */
export interface RefreshListeners {
  refreshed(userId: string, token: AccessToken, refreshedFrom: number): void;
  failed(userId: string, error: Error, refreshedFrom: number): void;
}

/**
 * twurple's refreshing provider, telling which token each refresh started from. twurple's own
 * `onRefresh` and `onRefreshFailure` do not, and a refresh that ends after the account was connected again (here or on
 * another replica) must not replace the newer grant.
 */
export class GrantTrackingAuthProvider extends RefreshingAuthProvider {
  /** The `obtainmentTimestamp` of each user's current token. */
  private readonly obtainedAt = new Map<string, number>();

  constructor(
    config: RefreshingAuthProviderConfig,
    private readonly listeners: RefreshListeners,
  ) {
    super(config);
  }

  override addUser(
    user: UserIdResolvable,
    token: Parameters<RefreshingAuthProvider['addUser']>[1],
    intents?: string[],
  ): void {
    super.addUser(user, token, intents);
    this.obtainedAt.set(extractUserId(user), token.obtainmentTimestamp);
  }

  override removeUser(user: UserIdResolvable): void {
    super.removeUser(user);
    this.obtainedAt.delete(extractUserId(user));
  }

  override async refreshAccessTokenForUser(user: UserIdResolvable): Promise<AccessTokenWithUserId> {
    const userId = extractUserId(user);
    const from = this.obtainedAt.get(userId);
    let token: AccessTokenWithUserId;
    try {
      token = await super.refreshAccessTokenForUser(user);
    } catch (error) {
      if (from !== undefined && error instanceof Error) this.listeners.failed(userId, error, from);
      throw error;
    }
    if (from === undefined) return token;
    // Unless the user was added again meanwhile, the refreshed token is now the current one.
    if (this.obtainedAt.get(userId) === from)
      this.obtainedAt.set(userId, token.obtainmentTimestamp);
    this.listeners.refreshed(userId, token, from);
    return token;
  }
}
