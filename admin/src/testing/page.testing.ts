import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { type EnvironmentProviders, type Provider } from '@angular/core';
import { provideRouter, type Routes } from '@angular/router';

import { RECORDED_CHARTS } from './chart.testing';
import { NO_MATERIAL_ANIMATIONS } from './overlay.testing';

/**
 * What every page spec provides: HttpClient answered by HttpTestingController, a router, no
 * animations, and charts recorded instead of drawn (jsdom has no canvas).
 */
export function pageTestProviders(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideRouter(routes),
    NO_MATERIAL_ANIMATIONS,
    ...RECORDED_CHARTS,
  ];
}
