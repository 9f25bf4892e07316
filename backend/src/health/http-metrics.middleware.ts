import { Injectable, type NestMiddleware } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { type NextFunction, type Request, type Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { HTTP_DURATION_METRIC, HTTP_REQUESTS_METRIC } from './metrics.js';

/** Counts and times every request; routes are labelled by pattern, never by raw URL. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(
    @InjectMetric(HTTP_REQUESTS_METRIC) private readonly requests: Counter,
    @InjectMetric(HTTP_DURATION_METRIC) private readonly duration: Histogram,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stopTimer = this.duration.startTimer();
    res.on('finish', () => {
      const route = routeLabel(req);
      stopTimer({ method: req.method, route });
      this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}

function routeLabel(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (typeof route?.path === 'string') return `${req.baseUrl}${route.path}`;
  return 'unmatched';
}
