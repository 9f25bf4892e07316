import { type UserIdResolvable } from '@twurple/api';
import {
  type AccessTokenMaybeWithUserId,
  type AccessTokenWithUserId,
  type AuthProvider,
  type RefreshingAuthProvider,
} from '@twurple/auth';

/**
 * One user of a provider that holds many, for a client that asks by intent (twurple's chat
 * client asks for `chat`): whatever it asks, it gets this user's refreshing token.
 */
export class SingleUserAuthProvider implements AuthProvider {
  readonly authorizationType = 'user';

  constructor(
    private readonly provider: RefreshingAuthProvider,
    private readonly userId: string,
  ) {}

  get clientId(): string {
    return this.provider.clientId;
  }

  getCurrentScopesForUser(_user: UserIdResolvable): string[] {
    return this.provider.getCurrentScopesForUser(this.userId);
  }

  getAccessTokenForUser(
    _user: UserIdResolvable,
    ...scopeSets: (string[] | undefined)[]
  ): Promise<AccessTokenWithUserId | null> {
    return this.provider.getAccessTokenForUser(this.userId, ...scopeSets);
  }

  getAccessTokenForIntent(
    _intent: string,
    ...scopeSets: (string[] | undefined)[]
  ): Promise<AccessTokenWithUserId | null> {
    return this.provider.getAccessTokenForUser(this.userId, ...scopeSets);
  }

  getAnyAccessToken(): Promise<AccessTokenMaybeWithUserId> {
    return this.provider.getAnyAccessToken(this.userId);
  }

  refreshAccessTokenForUser(_user: UserIdResolvable): Promise<AccessTokenWithUserId> {
    return this.provider.refreshAccessTokenForUser(this.userId);
  }

  refreshAccessTokenForIntent(_intent: string): Promise<AccessTokenWithUserId> {
    return this.provider.refreshAccessTokenForUser(this.userId);
  }
}
