import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import { type Response } from 'express';
import { Public } from '../auth/auth-policy.js';

/**
 * Prometheus scrapes without signing in; it holds counts, never data or secrets. The global rate
 * limit applies, far above a scrape every few seconds.
 */
@Controller()
@Public()
@ApiExcludeController()
export class MetricsController extends PrometheusController {
  @Get()
  override index(@Res({ passthrough: true }) response: Response): Promise<string> {
    return super.index(response);
  }
}
