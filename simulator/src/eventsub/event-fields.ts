import { rfc3339Nanos } from '../world/clock.js';
import { type SimUser } from '../world/twitch-world.js';

type UserFields<P extends string> = Record<`${P}_id` | `${P}_login` | `${P}_name`, string>;
type NullableUserFields<P extends string> = Record<keyof UserFields<P>, string | null>;

/** The id/login/display-name triple every EventSub event uses to name a person, e.g. `user_id`, `user_login`, `user_name`. */
export function userFields<P extends string>(prefix: P, user: SimUser): UserFields<P> {
  return {
    [`${prefix}_id`]: user.id,
    [`${prefix}_login`]: user.login,
    [`${prefix}_name`]: user.displayName,
  } as UserFields<P>;
}

/** The same triple, all `null` for someone anonymous. */
export function nullableUserFields<P extends string>(
  prefix: P,
  user: SimUser | null,
): NullableUserFields<P> {
  if (user) return userFields(prefix, user);
  return {
    [`${prefix}_id`]: null,
    [`${prefix}_login`]: null,
    [`${prefix}_name`]: null,
  } as NullableUserFields<P>;
}

export const timestamp = (epochMs: number): string => rfc3339Nanos(epochMs);
