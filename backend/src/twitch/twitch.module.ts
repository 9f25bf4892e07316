import { type DynamicModule, Global, Module } from '@nestjs/common';
import { SecretsModule } from '../auth/secrets/secrets.module.js';
import { TokenVaultModule } from '../auth/token-vault/token-vault.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { DeviceConnectFlows } from './accounts/device-connect-flows.js';
import { TwitchAccountsController } from './accounts/twitch-accounts.controller.js';
import { TwitchAccountsService } from './accounts/twitch-accounts.service.js';
import { TwitchAuthProviders } from './auth-providers/twitch-auth-providers.js';
import { TwitchChat } from './chat/twitch-chat.service.js';
import { ChannelEventSubService } from './eventsub/channel-eventsub.service.js';
import { EventSubController } from './eventsub/eventsub.controller.js';
import { EVENTSUB_METRIC_PROVIDERS } from './eventsub/eventsub.metrics.js';
import { EVENTSUB_TRANSPORT_PROVIDER } from './eventsub/eventsub-transport.provider.js';
import { TwitchEventSub } from './eventsub/twitch-eventsub.service.js';
import { TwitchChatBadges } from './helix/twitch-chat-badges.js';
import { TwitchUsers } from './helix/twitch-users.js';
import { TwitchEndpoints } from './twitch-endpoints.js';
import { TwitchIdentity } from './twitch-identity.js';
import { TWITCH_METRIC_PROVIDERS } from './twitch.metrics.js';
import { TwitchOAuth } from './twitch-oauth.js';

/**
 * The one edge to Twitch: OAuth, Helix, auth providers over the token vault, connected
 * accounts, and chat and EventSub, which it turns into events on the bus. Where Twitch is comes from the
 * `TwitchEndpoints` it is given: Twitch itself, or a Twitch-compatible server.
 */
@Global()
@Module({})
export class TwitchModule {
  static forRoot(endpoints: TwitchEndpoints): DynamicModule {
    return {
      module: TwitchModule,
      // Channels: for the EventSub routes, which name a channel by Integron's id. Secrets: the
      // key that seals the EventSub webhook secret.
      imports: [TokenVaultModule, SecretsModule, ChannelsModule],
      controllers: [TwitchAccountsController, EventSubController],
      providers: [
        { provide: TwitchEndpoints, useValue: endpoints },
        { provide: TwitchIdentity, useValue: endpoints.identity },
        TwitchOAuth,
        TwitchUsers,
        TwitchChatBadges,
        TwitchAuthProviders,
        TwitchAccountsService,
        DeviceConnectFlows,
        TwitchChat,
        EVENTSUB_TRANSPORT_PROVIDER,
        TwitchEventSub,
        ChannelEventSubService,
        ...TWITCH_METRIC_PROVIDERS,
        ...EVENTSUB_METRIC_PROVIDERS,
      ],
      exports: [
        TwitchEndpoints,
        TwitchIdentity,
        TwitchOAuth,
        TwitchUsers,
        TwitchChatBadges,
        TwitchAuthProviders,
        TwitchAccountsService,
        TwitchChat,
        TwitchEventSub,
      ],
    };
  }
}
