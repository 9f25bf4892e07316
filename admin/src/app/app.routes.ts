import { type LoadChildren, type Route, type Routes } from '@angular/router';
import { ADMIN_ROUTES, type AdminRouteKey, PUBLIC_ADMIN_PATHS } from '@integron/contracts';

import { hasRoleGuard, signedInGuard, signedOutGuard } from './core/auth.guards';
import { NOT_A_MEMBER_TITLE } from './features/not-a-member/not-a-member.constant';
import { NOT_FOUND_TITLE } from './features/not-found/not-found.constant';
import { SIGN_IN_TITLE } from './features/sign-in/sign-in.constant';
import { ShellComponent } from './layout/shell.component';
import { FORBIDDEN_TITLE, ForbiddenComponent } from './shared/forbidden.component';

/** One lazy route file per feature; a page added to ADMIN_ROUTES does not compile until it has one. */
const FEATURE_ROUTES: Record<AdminRouteKey, LoadChildren> = {
  dashboard: () => import('./features/dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
  live: () => import('./features/live/live.routes').then((m) => m.LIVE_ROUTES),
  messages: () => import('./features/messages/messages.routes').then((m) => m.MESSAGES_ROUTES),
  users: () => import('./features/users/users.routes').then((m) => m.USERS_ROUTES),
  moderation: () =>
    import('./features/moderation/moderation.routes').then((m) => m.MODERATION_ROUTES),
  events: () => import('./features/events/events.routes').then((m) => m.EVENTS_ROUTES),
  viewers: () => import('./features/viewers/viewers.routes').then((m) => m.VIEWERS_ROUTES),
  channels: () => import('./features/channels/channels.routes').then((m) => m.CHANNELS_ROUTES),
  archiveSettings: () =>
    import('./features/archive-settings/archive-settings.routes').then(
      (m) => m.ARCHIVE_SETTINGS_ROUTES,
    ),
  overlays: () => import('./features/overlays/overlays.routes').then((m) => m.OVERLAYS_ROUTES),
  overlayKeys: () =>
    import('./features/overlay-keys/overlay-keys.routes').then((m) => m.OVERLAY_KEYS_ROUTES),
  testPanel: () =>
    import('./features/test-panel/test-panel.routes').then((m) => m.TEST_PANEL_ROUTES),
  accounts: () => import('./features/accounts/accounts.routes').then((m) => m.ACCOUNTS_ROUTES),
  team: () => import('./features/team/team.routes').then((m) => m.TEAM_ROUTES),
};

/**
 * A page for members with its least role; anyone else matches the no-access route right after
 * it, so the URL stays and the shell shows why there is nothing.
 */
function featureRoutes(key: AdminRouteKey): Route[] {
  const { path, title, minRole } = ADMIN_ROUTES[key];
  return [
    { path, title, canMatch: [hasRoleGuard(minRole)], loadChildren: FEATURE_ROUTES[key] },
    { path, title: FORBIDDEN_TITLE, component: ForbiddenComponent },
  ];
}

export const APP_ROUTES: Routes = [
  {
    path: PUBLIC_ADMIN_PATHS.signIn,
    title: SIGN_IN_TITLE,
    canActivate: [signedOutGuard],
    loadChildren: () => import('./features/sign-in/sign-in.routes').then((m) => m.SIGN_IN_ROUTES),
  },
  {
    path: PUBLIC_ADMIN_PATHS.notAMember,
    title: NOT_A_MEMBER_TITLE,
    loadChildren: () =>
      import('./features/not-a-member/not-a-member.routes').then((m) => m.NOT_A_MEMBER_ROUTES),
  },
  {
    // Everything else needs a signed-in member; anyone else is sent to the sign-in page.
    path: '',
    canMatch: [signedInGuard],
    component: ShellComponent,
    children: [
      { path: '', pathMatch: 'full', redirectTo: ADMIN_ROUTES.dashboard.path },
      ...(Object.keys(ADMIN_ROUTES) as AdminRouteKey[]).flatMap(featureRoutes),
      {
        path: '**',
        title: NOT_FOUND_TITLE,
        loadComponent: () =>
          import('./features/not-found/not-found.component').then((m) => m.NotFoundComponent),
      },
    ],
  },
];
