import { type APIUser } from 'discord-api-types/v10';

/** A user as others see them, e.g. as a message's author or in its mentions. */
export function publicUser(user: APIUser): APIUser {
  const { id, username, discriminator, global_name, avatar, public_flags, bot } = user;
  return { id, username, discriminator, global_name, avatar, public_flags, ...(bot && { bot }) };
}

/** `GET /users/@me`: the e-mail address only for bots and for tokens with the `email` scope. */
export function currentUser(user: APIUser, scopes?: readonly string[]): APIUser {
  if (!scopes || scopes.includes('email')) return user;
  const { email: _email, verified: _verified, ...withoutEmail } = user;
  return withoutEmail;
}
