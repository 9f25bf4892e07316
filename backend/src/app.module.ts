import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { type Logger } from 'pino';
import { ArchiveModule } from './archive/archive.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BusModule } from './bus/bus.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseTarget } from './database/database-target.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoSimulator } from './demo/demo-simulator.js';
import { DemoModule } from './demo/demo.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { ApiExceptionFilter } from './http/api-exception.filter.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { LoggingModule } from './logging/logging.module.js';
import { OverlaysModule } from './overlays/overlays.module.js';
import { StaticAssetsModule } from './static/static-assets.module.js';
import { TwitchEndpoints } from './twitch/twitch-endpoints.js';
import { TwitchModule } from './twitch/twitch.module.js';

/** What the process decided before Nest boots. */
export interface AppRuntime {
  config: AppConfig;
  database: DatabaseTarget;
  logger: Logger;
  /** Twitch, or the Twitch-compatible server to use instead (demo mode: its own simulator). */
  twitch: TwitchEndpoints;
  /** Demo mode's in-process simulator; `null` in live mode. */
  demo: DemoSimulator | null;
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
        TwitchModule.forRoot(runtime.twitch),
        DemoModule.forRoot(runtime.demo),
        AuthModule,
        ChannelsModule,
        ArchiveModule,
        EventsModule,
        OverlaysModule,
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
