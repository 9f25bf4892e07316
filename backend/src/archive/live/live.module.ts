import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { ChannelsModule } from '../../channels/channels.module.js';
import { LiveGateway } from './live.gateway.js';

/** The admin's live chat feed over Socket.io. */
@Module({ imports: [AuthModule, ChannelsModule], providers: [LiveGateway] })
export class LiveModule {}
