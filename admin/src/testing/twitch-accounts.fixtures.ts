import { type DeviceConnectFlow, type TwitchAccount } from '@integron/contracts';

export const CAPTAIN_BROADCASTER: TwitchAccount = {
  id: '11',
  twitchUserId: '100001',
  login: 'teamcaptain',
  displayName: 'TeamCaptain',
  purpose: 'broadcaster',
  scopes: ['chat:read', 'chat:edit', 'channel:bot'],
  missingScopes: [],
  status: 'connected',
  problem: null,
  connectedAt: '2026-11-10T12:00:00.000Z',
  updatedAt: '2026-11-10T12:00:00.000Z',
};

export const STALE_BOT: TwitchAccount = {
  id: '12',
  twitchUserId: '200001',
  login: 'integronbot',
  displayName: 'IntegronBot',
  purpose: 'bot',
  scopes: ['chat:read'],
  missingScopes: ['user:write:chat'],
  status: 'needs_reconnect',
  problem: 'Twitch refused the refresh token: the password was changed or access was revoked.',
  connectedAt: '2026-11-11T12:00:00.000Z',
  updatedAt: '2026-11-21T12:00:00.000Z',
};

export const NEW_BOT: TwitchAccount = {
  ...STALE_BOT,
  id: '13',
  login: 'freshbot',
  displayName: 'FreshBot',
  scopes: ['chat:read', 'chat:edit', 'user:write:chat'],
  missingScopes: [],
  status: 'connected',
  problem: null,
};

export const PENDING_BOT_FLOW: DeviceConnectFlow = {
  flowId: '6f1c2a8e-5d4b-4c3a-9e2f-1a2b3c4d5e6f',
  purpose: 'bot',
  userCode: 'WDJB-MJHT',
  verificationUri: 'https://www.twitch.tv/activate',
  expiresAt: '2026-11-22T08:30:00.000Z',
  status: 'pending',
  account: null,
  error: null,
};

export const CONNECTED_BOT_FLOW: DeviceConnectFlow = {
  ...PENDING_BOT_FLOW,
  status: 'connected',
  account: NEW_BOT,
};
