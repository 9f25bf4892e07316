import { type ApiErrorBody, type HealthInfo, type ReadinessReport } from '@integron/contracts';

/** Named, typed answers of the backend's health endpoints, shared by the specs. */
export const DEMO_HEALTH: HealthInfo = {
  status: 'ok',
  name: 'integron',
  version: '1.4.2',
  mode: 'demo',
  startedAt: '2026-11-22T08:00:00.000Z',
  uptimeSeconds: 93_784,
};

export const READY_REPORT: ReadinessReport = {
  status: 'ready',
  checkedAt: '2026-11-22T10:36:24.000Z',
  checks: { database: { status: 'up', kind: 'embedded', latencyMs: 3 } },
};

export const DATABASE_DOWN_REPORT: ReadinessReport = {
  status: 'not_ready',
  checkedAt: '2026-11-22T10:36:29.000Z',
  checks: {
    database: {
      status: 'down',
      kind: 'external',
      error: 'connect ECONNREFUSED 10.0.0.7:5432',
    },
  },
};

export const INTERNAL_ERROR_BODY: ApiErrorBody = {
  statusCode: 500,
  code: 'INTERNAL_ERROR',
  message: 'Something broke inside Integron',
};

export const SERVICE_UNAVAILABLE = { status: 503, statusText: 'Service Unavailable' } as const;
