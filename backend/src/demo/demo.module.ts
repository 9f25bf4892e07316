import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { DemoSimulator } from './demo-simulator.js';
import { DemoTwitchPagesController } from './demo-twitch-pages.controller.js';
import { DemoTwitchPages } from './demo-twitch-pages.service.js';

/** Demo mode's simulated outside world; in live mode only an empty `DemoSimulator` and no routes. */
@Module({})
export class DemoModule {
  static forRoot(config: AppConfig): DynamicModule {
    const demo = config.mode === 'demo';
    return {
      module: DemoModule,
      global: true,
      providers: [
        {
          provide: DemoSimulator,
          useFactory: (config: AppConfig) => DemoSimulator.start(config),
          inject: [AppConfig],
        },
        ...(demo ? [DemoTwitchPages] : []),
      ],
      controllers: demo ? [DemoTwitchPagesController] : [],
      exports: [DemoSimulator],
    };
  }
}
