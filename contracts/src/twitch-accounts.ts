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
