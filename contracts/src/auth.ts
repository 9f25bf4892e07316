import type { TeamRole } from './team.js';

/** Who is signed in: `GET /api/auth/me`. */
export interface SessionMember {
  id: string;
  twitchUserId: string;
  login: string;
  displayName: string;
  role: TeamRole;
}

/**
 * Why sign-in did not end in a session. Twitch's callback redirects to the sign-in page with
 * `?error=denied|failed`, or to the not-a-member page with `?login=<their login>`.
 */
export const SIGN_IN_ERRORS = ['denied', 'failed'] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];

/** Where id.twitch.tv sends people back to Integron: an application at Twitch must list both. */
export const SIGN_IN_CALLBACK_PATH = '/api/auth/twitch/callback';
export const CONNECT_CALLBACK_PATH = '/api/twitch-accounts/callback';
export const OAUTH_CALLBACK_PATHS = [SIGN_IN_CALLBACK_PATH, CONNECT_CALLBACK_PATH] as const;

/** What Twitch hands out as an application's Client ID and Client Secret. */
export const TWITCH_CLIENT_CREDENTIAL_PATTERN = /^[a-z0-9]{10,64}$/i;

/** Cookie holding the CSRF token that cookie-authenticated mutations echo in `X-XSRF-TOKEN`. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
