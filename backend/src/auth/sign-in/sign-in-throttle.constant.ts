/** Sign-in and the pages on its way: generous for people, tight for a script guessing at them. */
export const SIGN_IN_THROTTLE = { default: { limit: 30, ttl: 60_000 } };
