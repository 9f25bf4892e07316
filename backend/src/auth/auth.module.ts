import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChannelsModule } from '../channels/channels.module.js';
import { AppConfig } from '../config/app-config.js';
import { DemoSimulator } from '../demo/demo-simulator.js';
import { AccessGuard } from './access.guard.js';
import { OverlayKeyEntity } from './overlay-keys/overlay-key.entity.js';
import { OverlayKeysController } from './overlay-keys/overlay-keys.controller.js';
import { OverlayKeysService } from './overlay-keys/overlay-keys.service.js';
import { OverlayGateway } from './overlay-keys/overlay.gateway.js';
import { EncryptionKey, keyFilePath, loadEncryptionKey } from './secrets/encryption-key.js';
import { checkKeyAgainstDatabase } from './secrets/key-check.js';
import { SessionMiddleware } from './session/session.middleware.js';
import { SessionsService } from './session/sessions.service.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { TwitchSignInStrategy } from './sign-in/twitch-sign-in.strategy.js';
import { TeamMemberEntity } from './team/team-member.entity.js';
import { TeamController } from './team/team.controller.js';
import { TeamService } from './team/team.service.js';
import { TwitchIdentity } from './twitch-identity.js';
import { TwitchOAuth } from './twitch-oauth.js';
import { TwitchUsers } from './twitch-users.js';
import { TokenVault } from './token-vault/token-vault.js';
import { TwitchAccountEntity } from './token-vault/twitch-account.entity.js';
import { TwitchAuthProviders } from './token-vault/twitch-auth-providers.js';
import { DeviceConnectFlows } from './twitch-accounts/device-connect-flows.js';
import { TwitchAccountsController } from './twitch-accounts/twitch-accounts.controller.js';
import { TwitchAccountsService } from './twitch-accounts/twitch-accounts.service.js';

/**
 * Who may do what: team sign-in, sessions, roles, overlay keys, the guard on every route, and the
 * vault of connected Twitch accounts' tokens.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TeamMemberEntity, OverlayKeyEntity, TwitchAccountEntity]),
    ChannelsModule,
  ],
  controllers: [SignInController, TeamController, OverlayKeysController, TwitchAccountsController],
  providers: [
    {
      provide: EncryptionKey,
      useFactory: async (config: AppConfig, dataSource: DataSource) => {
        const key = await loadEncryptionKey(config);
        await checkKeyAgainstDatabase(key, dataSource, keyFilePath(config));
        return key;
      },
      inject: [AppConfig, DataSource],
    },
    {
      provide: TwitchIdentity,
      useFactory: (config: AppConfig, demo: DemoSimulator) => TwitchIdentity.from(config, demo),
      inject: [AppConfig, DemoSimulator],
    },
    { provide: APP_GUARD, useClass: AccessGuard },
    SessionMiddleware,
    SessionsService,
    TeamService,
    TwitchSignInStrategy,
    OverlayKeysService,
    OverlayGateway,
    TwitchOAuth,
    TwitchUsers,
    TokenVault,
    TwitchAuthProviders,
    TwitchAccountsService,
    DeviceConnectFlows,
  ],
  exports: [EncryptionKey, TwitchIdentity, TwitchAuthProviders],
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
