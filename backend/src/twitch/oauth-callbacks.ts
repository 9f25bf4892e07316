/** Where id.twitch.tv sends people back to; an application at Twitch must list both. */
export const SIGN_IN_CALLBACK_PATH = '/api/auth/twitch/callback';
export const CONNECT_CALLBACK_PATH = '/api/twitch-accounts/callback';
export const OAUTH_CALLBACK_PATHS = [SIGN_IN_CALLBACK_PATH, CONNECT_CALLBACK_PATH];
