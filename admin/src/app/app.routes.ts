import { type LoadChildren, type Route, type Routes } from '@angular/router';
import { ADMIN_ROUTES, type AdminRouteKey } from '@integron/contracts';

import { NOT_FOUND_TITLE } from './features/not-found/not-found.constant';

/** One lazy route file per feature; a page added to ADMIN_ROUTES does not compile until it has one. */
const FEATURE_ROUTES: Record<AdminRouteKey, LoadChildren> = {
  dashboard: () => import('./features/dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
};

function featureRoute(key: AdminRouteKey): Route {
  const { path, title } = ADMIN_ROUTES[key];
  return { path, title, loadChildren: FEATURE_ROUTES[key] };
}

export const APP_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: ADMIN_ROUTES.dashboard.path },
  ...(Object.keys(ADMIN_ROUTES) as AdminRouteKey[]).map(featureRoute),
  {
    path: '**',
    title: NOT_FOUND_TITLE,
    loadComponent: () =>
      import('./features/not-found/not-found.component').then((m) => m.NotFoundComponent),
  },
];
