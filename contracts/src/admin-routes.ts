import type { TeamRole } from './team.js';

export interface AdminRoute {
  /** Path under the admin root, without a leading slash. */
  path: string;
  title: string;
  /** Material Symbols ligature. */
  icon: string;
  /** Least role that may open the page. */
  minRole: TeamRole;
}

/** Every page of the admin's sidenav, in order. The admin builds its router and sidenav from this. */
export const ADMIN_ROUTES = {
  dashboard: { path: 'dashboard', title: 'Dashboard', icon: 'monitor_heart', minRole: 'moderator' },
  overlayKeys: { path: 'overlay-keys', title: 'Overlay keys', icon: 'key', minRole: 'admin' },
  accounts: { path: 'accounts', title: 'Connected accounts', icon: 'link', minRole: 'admin' },
  team: { path: 'team', title: 'Team', icon: 'group', minRole: 'admin' },
} as const satisfies Record<string, AdminRoute>;

export type AdminRouteKey = keyof typeof ADMIN_ROUTES;

/** Pages outside the sidenav, reachable without signing in. */
export const PUBLIC_ADMIN_PATHS = {
  signIn: 'sign-in',
  notAMember: 'not-a-member',
} as const;
