export const TEAM_ROLES = ['moderator', 'admin', 'owner'] as const;

/** Ordered from least to most privileged. */
export type TeamRole = (typeof TEAM_ROLES)[number];

export function roleAtLeast(role: TeamRole, minimum: TeamRole): boolean {
  return TEAM_ROLES.indexOf(role) >= TEAM_ROLES.indexOf(minimum);
}

/** A person of the team: invited by login, known by Twitch id from their first sign-in. */
export interface TeamMember {
  id: string;
  login: string;
  /** `null` until they first sign in. */
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
