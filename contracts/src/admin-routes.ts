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
  live: { path: 'live', title: 'Live chat', icon: 'forum', minRole: 'moderator' },
  messages: { path: 'messages', title: 'Messages', icon: 'manage_search', minRole: 'moderator' },
  users: { path: 'users', title: 'Chatters', icon: 'person_search', minRole: 'moderator' },
  moderation: { path: 'moderation', title: 'Moderation', icon: 'gavel', minRole: 'moderator' },
  events: { path: 'events', title: 'Events', icon: 'celebration', minRole: 'moderator' },
  viewers: { path: 'viewers', title: 'Viewers', icon: 'leaderboard', minRole: 'moderator' },
  // Not `channels`: `/channels` is the justlog API's channel list, which log clients expect there.
  channels: { path: 'team-channels', title: 'Channels', icon: 'live_tv', minRole: 'admin' },
  archiveSettings: {
    path: 'archive-settings',
    title: 'Archive settings',
    icon: 'inventory_2',
    minRole: 'admin',
  },
  overlays: { path: 'overlays', title: 'Overlays', icon: 'layers', minRole: 'admin' },
  overlayKeys: { path: 'overlay-keys', title: 'Overlay keys', icon: 'key', minRole: 'admin' },
  testPanel: { path: 'test-panel', title: 'Test panel', icon: 'science', minRole: 'admin' },
  accounts: { path: 'accounts', title: 'Connected accounts', icon: 'link', minRole: 'admin' },
  team: { path: 'team', title: 'Team', icon: 'group', minRole: 'admin' },
} as const satisfies Record<string, AdminRoute>;

export type AdminRouteKey = keyof typeof ADMIN_ROUTES;

/** Pages outside the sidenav, reachable without signing in. */
export const PUBLIC_ADMIN_PATHS = {
  signIn: 'sign-in',
  notAMember: 'not-a-member',
} as const;
