import { type ChannelRef } from '@integron/contracts';
import { scrubSecrets } from '../../logging/secrets.js';
import { describeTwitchError, httpStatusOf } from '../twitch-errors.js';

/** What a channel's subscriptions say when something is wrong, in words an admin can act on. */
export const SOCKET_LOST_DETAIL =
  'The EventSub connection to Twitch was lost; subscribing again once it is back.';

export const AWAITING_VERIFICATION_DETAIL =
  'Twitch accepted it and is checking that it reaches Integron at PUBLIC_URL/eventsub; it stays pending while Twitch cannot reach that address over https.';

export const VERIFICATION_FAILED_DETAIL =
  "Twitch's check of the callback URL was not signed with Integron's webhook secret. Re-create the subscriptions.";

export function notConnectedDetail(channel: ChannelRef, problem?: string | null): string {
  if (problem !== undefined)
    return `The broadcaster account of ${channel.displayName} needs reconnecting on the Connected accounts page${problem ? `: ${problem}` : '.'}`;
  return `No broadcaster account of ${channel.displayName} is connected: connect it on the Connected accounts page to receive its follows, subs, cheers, raids and the rest.`;
}

export function missingScopeDetail(scope: string): string {
  return `Grant ${scope} by reconnecting the broadcaster account on the Connected accounts page.`;
}

const REVOCATION_REASONS: Record<string, string> = {
  authorization_revoked: 'the broadcaster disconnected Integron on Twitch',
  user_removed: "the broadcaster's Twitch account no longer exists",
  version_removed: 'Twitch no longer offers this version of the type',
  moderator_removed: 'the account is no longer a moderator of the channel',
};

export function revocationDetail(status: string): string {
  const why = REVOCATION_REASONS[status];
  return `Twitch revoked it (${status}${why ? `: ${why}` : ''}). Reconnect the broadcaster account on the Connected accounts page, or re-create the subscriptions.`;
}

/** Twitch's refusal with its status and message; anything else said without the request it quotes. */
export function creationFailure(error: Error): string {
  const status = httpStatusOf(error);
  if (status === undefined)
    return `Twitch could not be asked (${describeTwitchError(error)}); asked again when the EventSub connection is back, or re-create the subscriptions.`;
  const said = twitchMessage(error);
  return `Twitch refused it (HTTP ${status}${said ? `: ${said}` : ''}).`;
}

/** Helix errors are `{"error": …, "status": …, "message": …}`. */
function twitchMessage(error: Error): string | null {
  const body = (error as { body?: unknown }).body;
  if (typeof body !== 'string') return null;
  try {
    const { message } = JSON.parse(body) as { message?: unknown };
    return typeof message === 'string' && message !== ''
      ? scrubSecrets(message).slice(0, 300)
      : null;
  } catch {
    return null;
  }
}
