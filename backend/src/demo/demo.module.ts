import { type DynamicModule, Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { DemoAccounts } from './demo-accounts.js';
import { DemoChannels } from './demo-channels.js';
import { DemoSimulator } from './demo-simulator.js';
import { DemoTwitchPagesController } from './demo-twitch-pages.controller.js';
import { DemoTwitchPages } from './demo-twitch-pages.service.js';

/**
 * Demo mode's extras around the simulator that `main.ts` started: its sign-in pages on Integron's
 * address, the simulated team's channels on a first start and their broadcasters' accounts.
 * Nothing in live mode.
 */
@Module({})
export class DemoModule {
  static forRoot(demo: DemoSimulator | null): DynamicModule {
    if (!demo) return { module: DemoModule };
    return {
      module: DemoModule,
      imports: [ChannelsModule],
      providers: [
        { provide: DemoSimulator, useValue: demo },
        DemoTwitchPages,
        DemoAccounts,
        DemoChannels,
      ],
      controllers: [DemoTwitchPagesController],
      exports: [DemoSimulator],
      global: true,
    };
  }
}
