import {
  makeCounterProvider,
  makeGaugeProvider,
  makeHistogramProvider,
} from '@willsoto/nestjs-prometheus';
import { type Provider } from '@nestjs/common';

export const DATABASE_UP_METRIC = 'integron_database_up';
export const HTTP_REQUESTS_METRIC = 'integron_http_requests_total';
export const HTTP_DURATION_METRIC = 'integron_http_request_duration_seconds';

export const HEALTH_METRIC_PROVIDERS: Provider[] = [
  makeGaugeProvider({
    name: DATABASE_UP_METRIC,
    help: 'Whether the database answered the last check (1) or not (0); checked every 15 s and on each readiness probe.',
  }),
  makeCounterProvider({
    name: HTTP_REQUESTS_METRIC,
    help: 'HTTP requests served, by method, route and status.',
    labelNames: ['method', 'route', 'status'],
  }),
  makeHistogramProvider({
    name: HTTP_DURATION_METRIC,
    help: 'HTTP request duration in seconds, by method and route.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  }),
];
