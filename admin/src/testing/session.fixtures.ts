import { type SessionMember } from '@integron/contracts';

/** Named, typed members as `/api/auth/me` answers them, one per role. */
export const OWNER_CAPTAIN: SessionMember = {
  id: '1',
  twitchUserId: '100001',
  login: 'teamcaptain',
  displayName: 'TeamCaptain',
  role: 'owner',
};

export const ADMIN_PALADIN: SessionMember = {
  id: '2',
  twitchUserId: '100002',
  login: 'pixelpaladin',
  displayName: 'PixelPaladin',
  role: 'admin',
};

export const MODERATOR_SALLY: SessionMember = {
  id: '3',
  twitchUserId: '100003',
  login: 'speedrunsally',
  displayName: 'SpeedrunSally',
  role: 'moderator',
};
