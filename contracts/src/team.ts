/** What Twitch accepts as a login. */
export const TWITCH_LOGIN_PATTERN = /^[a-zA-Z0-9_]{1,25}$/;

export const TEAM_ROLES = ['moderator', 'admin', 'owner'] as const;

/** Ordered from least to most privileged. */
export type TeamRole = (typeof TEAM_ROLES)[number];

export function roleAtLeast(role: TeamRole, minimum: TeamRole): boolean {
  return TEAM_ROLES.indexOf(role) >= TEAM_ROLES.indexOf(minimum);
}

/** A person of the team, bound to a Twitch account when added (looked up by login). */
export interface TeamMember {
  id: string;
  /** Their Twitch login as of their adding or latest sign-in. */
  login: string;
  displayName: string | null;
  twitchUserId: string | null;
  role: TeamRole;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface AddTeamMemberRequest {
  login: string;
  role: TeamRole;
}

export interface UpdateTeamMemberRequest {
  role: TeamRole;
}
