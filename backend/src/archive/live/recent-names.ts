import { type UserRef } from '@integron/contracts';

/**
 * The display names of the chatters seen lately, in two generations of at least `capacity`
 * chatters each, so that a ban or a deletion (IRC names its target by login only) shows the
 * name the chatter wrote under.
 */
export class RecentNames {
  private current = new Map<string, string>();
  private previous = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  remember(user: UserRef): void {
    if (user.displayName === user.login) return;
    // A copy: a name parsed out of an IRC line is a slice that would keep the whole line alive.
    this.current.set(Buffer.from(user.login).toString(), Buffer.from(user.displayName).toString());
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Map();
    }
  }

  /** `user` with the display name last seen for them, when it still spells their login. */
  named(user: UserRef): UserRef {
    // By login: a deletion (CLEARMSG) names its target by nothing else.
    const displayName = this.current.get(user.login) ?? this.previous.get(user.login);
    return displayName?.toLowerCase() === user.login ? { ...user, displayName } : user;
  }
}
