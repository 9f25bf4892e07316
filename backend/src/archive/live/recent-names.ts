import { type UserRef } from '@integron/contracts';
import { detached, RecentMap } from '../../common/recent-map.js';

/**
 * The display names of the chatters seen lately, so that a ban or a deletion (IRC names its
 * target by login only) shows the name the chatter wrote under.
 */
export class RecentNames {
  /** By login: a deletion (CLEARMSG) names its target by nothing else. */
  private readonly names: RecentMap<string>;

  constructor(capacity: number) {
    this.names = new RecentMap(capacity);
  }

  remember(user: UserRef): void {
    if (user.displayName !== user.login) this.names.set(user.login, detached(user.displayName));
  }

  /** `user` with the display name last seen for them, when it still spells their login. */
  named(user: UserRef): UserRef {
    const displayName = this.names.get(user.login);
    return displayName?.toLowerCase() === user.login ? { ...user, displayName } : user;
  }
}
