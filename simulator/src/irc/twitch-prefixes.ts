/** Who a line comes from: Twitch's chat server itself… */
export const SERVER_PREFIX = 'tmi.twitch.tv';

/** …or a user, as `login!login@login.tmi.twitch.tv`. */
export function userPrefix(login: string): string {
  return `${login}!${login}@${login}.tmi.twitch.tv`;
}
