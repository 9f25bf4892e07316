/** What a connected Twitch account is for; each purpose asks for its own scopes. */
export type TwitchAccountPurpose = 'broadcaster' | 'bot';

/** `needs_reconnect`: Twitch no longer accepts its refresh token; an admin must connect it again. */
export type TwitchAccountStatus = 'connected' | 'needs_reconnect';

export interface TwitchAccount {
  id: string;
  twitchUserId: string;
  login: string;
  displayName: string;
  purpose: TwitchAccountPurpose;
  scopes: string[];
  /** Scopes its purpose needs that the grant lacks; reconnecting asks for them. */
  missingScopes: string[];
  status: TwitchAccountStatus;
  /** Why it needs reconnecting, in words a person can act on. */
  problem: string | null;
  connectedAt: string;
  updatedAt: string;
}

/**
 * Why connecting through Twitch's consent page failed. Its callback sends the browser to the
 * accounts page with `?error=<code>` (or `?connected=<login>`), never with a message: the page
 * says what a code means in its own words.
 */
export const TWITCH_CONNECT_ERRORS = [
  /** The person declined on Twitch. */
  'access_denied',
  /** The callback's state is not the one this session sent (expired, or started elsewhere). */
  'state_mismatch',
  /** Twitch sent back an error other than a refusal, or no code. */
  'twitch_error',
  /** Exchanging the code, or storing the account, failed; the server log says why. */
  'exchange_failed',
] as const;
export type TwitchConnectError = (typeof TWITCH_CONNECT_ERRORS)[number];

/** How the connect callback reports back, as the accounts page's query: `?connected=<login>` or `?error=<code>`. */
export type TwitchConnectOutcome = { connected: string } | { error: TwitchConnectError };

export interface StartDeviceConnectRequest {
  purpose: TwitchAccountPurpose;
}

/** Show `userCode` and `verificationUri` to the person; then poll the flow's status. */
export interface DeviceConnectFlow {
  flowId: string;
  purpose: TwitchAccountPurpose;
  userCode: string;
  verificationUri: string;
  expiresAt: string;
  status: 'pending' | 'connected' | 'expired' | 'denied' | 'failed';
  /** Set once connected. */
  account: TwitchAccount | null;
  error: string | null;
}

/**
 * The scopes each purpose asks Twitch for. A broadcaster account lets Integron read its channel's
 * chat and EventSub (follows, subs, cheers, redemptions, hype trains, polls, predictions,
 * shoutouts, bans) and moderate; a bot account chats and changes its own colour.
 */
export const TWITCH_ACCOUNT_SCOPES = {
  broadcaster: [
    'chat:read',
    'chat:edit',
    'user:read:chat',
    // With channel:bot: EventSub's chat types read as the broadcaster when no bot is connected.
    'user:bot',
    'channel:bot',
    'channel:moderate',
    'channel:read:subscriptions',
    'bits:read',
    'channel:read:redemptions',
    'channel:read:hype_train',
    'channel:read:polls',
    'channel:read:predictions',
    'moderator:read:followers',
    'moderator:read:shoutouts',
    'moderator:read:chatters',
    'moderator:manage:banned_users',
    'moderator:manage:chat_messages',
    'moderation:read',
  ],
  bot: [
    'chat:read',
    'chat:edit',
    'user:read:chat',
    'user:write:chat',
    'user:bot',
    'user:manage:chat_color',
  ],
} as const satisfies Record<TwitchAccountPurpose, readonly string[]>;

export const TWITCH_ACCOUNT_PURPOSES = Object.keys(TWITCH_ACCOUNT_SCOPES) as TwitchAccountPurpose[];
