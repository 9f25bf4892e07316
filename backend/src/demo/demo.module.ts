import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { DemoSimulator } from './demo-simulator.js';

@Global()
@Module({
  providers: [
    {
      provide: DemoSimulator,
      useFactory: (config: AppConfig) => DemoSimulator.start(config),
      inject: [AppConfig],
    },
  ],
  exports: [DemoSimulator],
})
export class DemoModule {}
