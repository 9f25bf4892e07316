import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsModule } from '../channels/channels.module.js';
import { AccessGuard } from './access.guard.js';
import { OverlayKeyEntity } from './overlay-keys/overlay-key.entity.js';
import { OverlayKeysController } from './overlay-keys/overlay-keys.controller.js';
import { OverlayKeysService } from './overlay-keys/overlay-keys.service.js';
import { OverlayGateway } from './overlay-keys/overlay.gateway.js';
import { OverlayPreviews } from './overlay-keys/overlay-previews.js';
import { SecretsModule } from './secrets/secrets.module.js';
import { SessionMiddleware } from './session/session.middleware.js';
import { SessionsService } from './session/sessions.service.js';
import { SocketSessions } from './session/socket-sessions.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { TwitchSignInStrategy } from './sign-in/twitch-sign-in.strategy.js';
import { TeamMemberEntity } from './team/team-member.entity.js';
import { TeamController } from './team/team.controller.js';
import { TeamService } from './team/team.service.js';

/** Who may do what: team sign-in, sessions, roles, overlay keys and the guard on every route. */
@Module({
  imports: [
    TypeOrmModule.forFeature([TeamMemberEntity, OverlayKeyEntity]),
    SecretsModule,
    ChannelsModule,
  ],
  controllers: [SignInController, TeamController, OverlayKeysController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    SessionMiddleware,
    SessionsService,
    SocketSessions,
    TeamService,
    TwitchSignInStrategy,
    OverlayKeysService,
    OverlayPreviews,
    OverlayGateway,
  ],
  exports: [SessionMiddleware, SocketSessions, TeamService, OverlayGateway],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Probes and scrapers need no session, and must answer while the session store is down.
    consumer
      .apply(SessionMiddleware)
      .exclude('api/health', 'api/health/ready', 'metrics')
      .forRoutes('*');
  }
}
