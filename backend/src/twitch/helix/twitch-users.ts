import { type UserRef } from '@integron/contracts';
import { Injectable } from '@nestjs/common';
import { ApiClient, type HelixUser } from '@twurple/api';
import { AppTokenAuthProvider } from '@twurple/auth';
import { TwitchIdentity } from '../twitch-identity.js';

const HELIX_USERS_PER_CALL = 100;

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

  /** Profile image URLs by Twitch id, 100 per Helix call; ids Twitch no longer knows are left out. */
  async profileImages(ids: readonly string[]): Promise<Map<string, string>> {
    const images = new Map<string, string>();
    for (let start = 0; start < ids.length; start += HELIX_USERS_PER_CALL) {
      const users = await this.api.users.getUsersByIds(
        ids.slice(start, start + HELIX_USERS_PER_CALL),
      );
      for (const user of users)
        if (user.profilePictureUrl) images.set(user.id, user.profilePictureUrl);
    }
    return images;
  }

  /** The user with this Twitch id, under their current login; `null` when the account is gone. */
  async byId(id: string): Promise<UserRef | null> {
    return identityOf(await this.api.users.getUserById(id));
  }
}

function identityOf(user: HelixUser | null): UserRef | null {
  return user ? { id: user.id, login: user.name, displayName: user.displayName } : null;
}
