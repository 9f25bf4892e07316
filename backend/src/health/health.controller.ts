import { type HealthInfo, type ReadinessReport } from '@integron/contracts';
import { Controller, Get, Header, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '../auth/auth-policy.js';
import { HealthInfoDto, ReadinessReportDto } from './health.dto.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('api/health')
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness: the process is up.' })
  @ApiOkResponse({ type: HealthInfoDto })
  info(): HealthInfo {
    return this.health.info();
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Readiness: the service can reach its database.' })
  @ApiOkResponse({ type: ReadinessReportDto, description: 'Ready.' })
  @ApiServiceUnavailableResponse({
    type: ReadinessReportDto,
    description: 'Not ready; the report says why.',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    response.status(report.status === 'ready' ? 200 : 503);
    return report;
  }
}
