import {
  ADMIN_ROUTES,
  type AdminRoute,
  type AdminRouteKey,
  type TeamRole,
  roleAtLeast,
} from '@integron/contracts';

/** A sidenav entry: a page of the route table and its key (`nav-<key>` is its test hook). */
export interface AdminNavEntry extends AdminRoute {
  key: AdminRouteKey;
}

/** Every admin page in sidenav order, straight from the route table in contracts. */
export const ADMIN_NAV: readonly AdminNavEntry[] = (
  Object.keys(ADMIN_ROUTES) as AdminRouteKey[]
).map((key) => ({ key, ...ADMIN_ROUTES[key] }));

/** The pages a member with `role` may open, in sidenav order; none for nobody. */
export function navFor(role: TeamRole | null | undefined): AdminNavEntry[] {
  return role ? ADMIN_NAV.filter((route) => roleAtLeast(role, route.minRole)) : [];
}

export function roleLabel(role: TeamRole): string {
  switch (role) {
    case 'moderator':
      return 'Moderator';
    case 'admin':
      return 'Admin';
    case 'owner':
      return 'Owner';
  }
}
