import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ChannelsService } from '../channels/channels.service.js';
import { DemoAccounts } from './demo-accounts.js';
import { DemoSimulator } from './demo-simulator.js';

/**
 * A first demo start adds the simulated team's channels, as an admin would on the Channels page,
 * so the archive fills within seconds. Later starts keep whatever the admin made of them. Every
 * start then connects the broadcaster accounts of the active ones, for their EventSub.
 */
@Injectable()
export class DemoChannels implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoChannels.name);

  constructor(
    private readonly demo: DemoSimulator,
    private readonly channels: ChannelsService,
    private readonly accounts: DemoAccounts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.channels.anyEverAdded())) {
      for (const login of this.demo.channelLogins) await this.channels.add(login);
      this.logger.log(
        `Demo mode: added the simulated channels ${this.demo.channelLogins.join(', ')}`,
      );
    }
    if (this.demo.connectsBroadcasters) await this.accounts.connectBroadcasters();
  }
}
