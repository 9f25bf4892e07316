import { type ApiErrorBody, type TeamMember } from '@integron/contracts';

/** The team as `GET /api/team` lists it: owners first. */
export const CAPTAIN_MEMBER: TeamMember = {
  id: '1',
  login: 'teamcaptain',
  displayName: 'TeamCaptain',
  twitchUserId: '100001',
  role: 'owner',
  createdAt: '2026-11-01T10:00:00.000Z',
  lastSignInAt: '2026-11-22T08:00:00.000Z',
};

export const PALADIN_MEMBER: TeamMember = {
  id: '2',
  login: 'pixelpaladin',
  displayName: 'PixelPaladin',
  twitchUserId: '100002',
  role: 'admin',
  createdAt: '2026-11-02T10:00:00.000Z',
  lastSignInAt: '2026-11-21T19:30:00.000Z',
};

/** Invited, never signed in. */
export const NIGHTOWL_MEMBER: TeamMember = {
  id: '4',
  login: 'nightowl',
  displayName: 'NightOwl',
  twitchUserId: '100004',
  role: 'moderator',
  createdAt: '2026-11-20T10:00:00.000Z',
  lastSignInAt: null,
};

export const TEAM: TeamMember[] = [CAPTAIN_MEMBER, PALADIN_MEMBER, NIGHTOWL_MEMBER];

export const ALREADY_A_MEMBER: ApiErrorBody = {
  statusCode: 409,
  code: 'CONFLICT',
  message: 'nightowl is already on the team.',
};

export const LAST_OWNER: ApiErrorBody = {
  statusCode: 409,
  code: 'CONFLICT',
  message: 'The team needs an owner: make someone else owner first.',
};
