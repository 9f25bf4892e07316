import { type TwitchWorld } from '../world/twitch-world.js';
import { type ChatIdentity } from './irc-connection.js';

export type LoginResult =
  | { ok: true; identity: ChatIdentity }
  | { ok: false; notice: 'Login authentication failed' | 'Improperly formatted auth' };

const ANONYMOUS_NICK = /^justinfan\d+$/;
const FAILED = { ok: false, notice: 'Login authentication failed' } as const;

/** PASS then NICK: a live user token whose user is the nick, or an anonymous `justinfan…`. */
export function logIn(world: TwitchWorld, nick: string, password: string | null): LoginResult {
  if (ANONYMOUS_NICK.test(nick)) return { ok: true, identity: { kind: 'anonymous', nick } };
  if (!password?.startsWith('oauth:')) return { ok: false, notice: 'Improperly formatted auth' };
  const token = world.tokens.validate(password.slice('oauth:'.length));
  if (token?.userId == null) return FAILED;
  const user = world.users.get(token.userId);
  if (user?.login !== nick) return FAILED;
  return { ok: true, identity: { kind: 'user', nick, user, scopes: token.scopes } };
}
