import { type DatabaseCheck, type HealthInfo, type ReadinessReport } from '@integron/contracts';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  HealthCheckService,
  type HealthCheckResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { Gauge } from 'prom-client';
import { AppConfig } from '../config/app-config.js';
import { APP_VERSION } from '../config/version.js';
import { DatabaseTarget } from '../database/database-target.js';
import { DATABASE_UP_METRIC } from './metrics.js';

const DATABASE_PING_TIMEOUT_MS = 1_500;
/** How often the database gauge is refreshed when nobody asks for readiness. */
const DATABASE_CHECK_EVERY_MS = 15_000;

@Injectable()
export class HealthService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly startedAt = new Date();
  private readonly logger = new Logger(HealthService.name);
  private periodicCheck: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly database: DatabaseTarget,
    private readonly checks: HealthCheckService,
    private readonly typeOrm: TypeOrmHealthIndicator,
    @InjectMetric(DATABASE_UP_METRIC) private readonly databaseUp: Gauge,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.readiness();
    this.periodicCheck = setInterval(
      () =>
        void this.readiness().catch((error: unknown) =>
          this.logger.error(`The periodic database check failed: ${String(error)}`),
        ),
      DATABASE_CHECK_EVERY_MS,
    );
    this.periodicCheck.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.periodicCheck);
  }

  info(): HealthInfo {
    return {
      status: 'ok',
      name: 'integron',
      version: APP_VERSION,
      mode: this.config.mode,
      startedAt: this.startedAt.toISOString(),
      uptimeSeconds: Math.floor((Date.now() - this.startedAt.getTime()) / 1000),
    };
  }

  async readiness(): Promise<ReadinessReport> {
    const database = await this.checkDatabase();
    this.databaseUp.set(database.status === 'up' ? 1 : 0);
    return {
      status: database.status === 'up' ? 'ready' : 'not_ready',
      checkedAt: new Date().toISOString(),
      checks: { database },
    };
  }

  private async checkDatabase(): Promise<DatabaseCheck> {
    const started = performance.now();
    let result: HealthCheckResult;
    try {
      result = await this.checks.check([
        () => this.typeOrm.pingCheck('database').withTimeout(DATABASE_PING_TIMEOUT_MS),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    const detail = result.details.database;
    if (detail?.status === 'up') {
      return {
        status: 'up',
        kind: this.database.kind,
        latencyMs: Math.round(performance.now() - started),
      };
    }
    const message =
      typeof detail?.message === 'string' ? detail.message : 'The database did not answer.';
    return { status: 'down', kind: this.database.kind, error: message };
  }
}
