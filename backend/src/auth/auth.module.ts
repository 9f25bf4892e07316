import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsModule } from '../channels/channels.module.js';
import { AppConfig } from '../config/app-config.js';
import { DemoSimulator } from '../demo/demo-simulator.js';
import { AccessGuard } from './access.guard.js';
import { OverlayKeyEntity } from './overlay-keys/overlay-key.entity.js';
import { OverlayKeysController } from './overlay-keys/overlay-keys.controller.js';
import { OverlayKeysService } from './overlay-keys/overlay-keys.service.js';
import { OverlayGateway } from './overlay-keys/overlay.gateway.js';
import { EncryptionKey, loadEncryptionKey } from './secrets/encryption-key.js';
import { SessionMiddleware } from './session/session.middleware.js';
import { SessionsService } from './session/sessions.service.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { TwitchSignInStrategy } from './sign-in/twitch-sign-in.strategy.js';
import { TeamMemberEntity } from './team/team-member.entity.js';
import { TeamController } from './team/team.controller.js';
import { TeamService } from './team/team.service.js';
import { TwitchIdentity } from './twitch-identity.js';

/** Who may do what: team sign-in, sessions, roles, overlay keys, and the guard on every route. */
@Module({
  imports: [TypeOrmModule.forFeature([TeamMemberEntity, OverlayKeyEntity]), ChannelsModule],
  controllers: [SignInController, TeamController, OverlayKeysController],
  providers: [
    { provide: EncryptionKey, useFactory: loadEncryptionKey, inject: [AppConfig] },
    {
      provide: TwitchIdentity,
      useFactory: TwitchIdentity.from,
      inject: [AppConfig, DemoSimulator],
    },
    { provide: APP_GUARD, useClass: AccessGuard },
    SessionMiddleware,
    SessionsService,
    TeamService,
    TwitchSignInStrategy,
    OverlayKeysService,
    OverlayGateway,
  ],
  exports: [EncryptionKey, TwitchIdentity],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionMiddleware).forRoutes('*');
  }
}
