import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { type Logger } from 'pino';
import { AuthModule } from './auth/auth.module.js';
import { BusModule } from './bus/bus.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseTarget } from './database/database-target.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { ApiExceptionFilter } from './http/api-exception.filter.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { LoggingModule } from './logging/logging.module.js';
import { StaticAssetsModule } from './static/static-assets.module.js';

/** What the process decided before Nest boots. */
export interface AppRuntime {
  config: AppConfig;
  database: DatabaseTarget;
  logger: Logger;
}

@Module({})
export class AppModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(runtime.config),
        LoggingModule.forRoot(runtime.logger),
        DatabaseModule.forRoot(runtime.database),
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 600 }]),
        BusModule,
        DemoModule.forRoot(runtime.config),
        AuthModule,
        ChannelsModule,
        HealthModule,
        StaticAssetsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Before the access guard (registered by AuthModule), so floods are cut before any lookup.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
