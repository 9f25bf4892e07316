import { ADMIN_ROUTES, type AdminRoute, type TeamRole, roleAtLeast } from '@integron/contracts';

/** Every admin page in sidenav order, straight from the route table in contracts. */
export const ADMIN_NAV: readonly AdminRoute[] = Object.values(ADMIN_ROUTES);

/** The pages a member with `role` may open, in sidenav order; none for nobody. */
export function navFor(role: TeamRole | null | undefined): AdminRoute[] {
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
