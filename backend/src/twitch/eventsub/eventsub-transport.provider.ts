import { type Server } from 'node:http';
import { Logger, type Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { EncryptionKey } from '../../auth/secrets/encryption-key.js';
import { AppConfig } from '../../config/app-config.js';
import { TwitchAuthProviders } from '../auth-providers/twitch-auth-providers.js';
import { TwitchEndpoints } from '../twitch-endpoints.js';
import { loadWebhookSecret } from './eventsub-webhook-secret.js';
import { EventSubTransport } from './eventsub-transport.js';
import { WebhookTransport } from './webhook-transport.js';
import { WebSocketTransport } from './websocket-transport.js';

/**
 * The one choice of transport: webhooks where the endpoints name a callback Twitch can call (an
 * https `PUBLIC_URL`), WebSockets otherwise.
 */
export const EVENTSUB_TRANSPORT_PROVIDER: Provider = {
  provide: EventSubTransport,
  useFactory: async (
    endpoints: TwitchEndpoints,
    providers: TwitchAuthProviders,
    config: AppConfig,
    key: EncryptionKey,
    dataSource: DataSource,
    adapterHost: HttpAdapterHost,
  ): Promise<EventSubTransport> => {
    const logger = new Logger('TwitchEventSub');
    const callback = endpoints.eventSubWebhook;
    if (!callback)
      return new WebSocketTransport(endpoints.eventSubWsUrl, providers.for('broadcaster'), logger);
    const secret = await loadWebhookSecret(config.eventSub.webhookSecret, key, dataSource);
    return new WebhookTransport(
      callback,
      secret,
      providers.application(),
      () => adapterHost.httpAdapter.getHttpServer() as Server,
      logger,
    );
  },
  inject: [
    TwitchEndpoints,
    TwitchAuthProviders,
    AppConfig,
    EncryptionKey,
    DataSource,
    HttpAdapterHost,
  ],
};
