import { type UserRef } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { ApiClient, type HelixUser } from '@twurple/api';
import { AppTokenAuthProvider } from '@twurple/auth';
import { TwitchIdentity } from '../twitch-identity.js';

/** Looks Twitch users up as Integron's application, with no one's user token. */
@Injectable()
export class TwitchUsers {
  private readonly api: ApiClient;

  constructor(identity: TwitchIdentity) {
    this.api = new ApiClient({
      authProvider: new AppTokenAuthProvider(identity.clientId, identity.clientSecret),
    });
  }

  /** The user who has `login` now, or `null` when nobody has. */
  async byLogin(login: string): Promise<UserRef | null> {
    return identityOf(await this.api.users.getUserByName(login));
  }

  /** The user with this Twitch id, under their current login; `null` when the account is gone. */
  async byId(id: string): Promise<UserRef | null> {
    return identityOf(await this.api.users.getUserById(id));
  }
}

function identityOf(user: HelixUser | null): UserRef | null {
  return user ? { id: user.id, login: user.name, displayName: user.displayName } : null;
}
