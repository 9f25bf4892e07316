import { TWITCH_CONNECT_ERRORS, type TwitchConnectError } from '@integron/contracts';

export const UNKNOWN_CONNECT_ERROR_MESSAGE = 'Connecting the account did not work. Try again.';

function isTwitchConnectError(value: string): value is TwitchConnectError {
  return (TWITCH_CONNECT_ERRORS as readonly string[]).includes(value);
}

/** What the page says for the connect callback's `?error=<code>`, in its own words only. */
export function connectErrorMessage(code: string): string {
  if (!isTwitchConnectError(code)) {
    return UNKNOWN_CONNECT_ERROR_MESSAGE;
  }
  switch (code) {
    case 'access_denied':
      return 'The connection was declined on Twitch.';
    case 'state_mismatch':
      return 'This connection attempt expired or was started in another browser. Try again.';
    case 'twitch_error':
      return 'Twitch did not connect the account. Try again.';
    case 'exchange_failed':
      return 'Connecting the account failed after Twitch approved it. Try again; if it keeps failing, the server log says why.';
  }
}
