import { type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Logger } from '@nestjs/common';
import { ApiClient } from '@twurple/api';
import { type AuthProvider } from '@twurple/auth';
import { getRawData } from '@twurple/common';
import { type IRouter } from 'express';
import { type EventSubWebhookCallback } from '../twitch-endpoints.js';
import { describeTwitchError } from '../twitch-errors.js';
import { type WebhookSecret } from './eventsub-webhook-secret.js';
import { EventSubTransport, type TransportWatcher } from './eventsub-transport.js';
import { MessageIdMiddleware } from './message-id-listener.js';
import { twurpleLog } from './twurple-log.js';

/** Pauses before asking Twitch again which subscriptions it holds, when it did not answer. */
const RETRY_DELAYS_MS = [1_000, 5_000, 15_000, 60_000];

/**
 * EventSub over webhooks: Twitch POSTs each message to Integron's callback under `PUBLIC_URL`,
 * signed with the webhook secret. twurple's middleware checks the signature, answers the
 * challenge, drops messages older than 10 minutes and repeats, and tells revocations; the
 * subscriptions are made with the application's token.
 */
export class WebhookTransport extends EventSubTransport {
  readonly kind = 'webhook';
  readonly listener: MessageIdMiddleware;
  private readonly apiClient: ApiClient;
  private ready = false;
  private stopped = false;

  constructor(
    private readonly callback: EventSubWebhookCallback,
    private readonly secret: WebhookSecret,
    application: AuthProvider,
    /** The HTTP server Twitch's requests arrive at, listening once the app is started. */
    private readonly server: () => Server,
    private readonly logger: Logger,
  ) {
    super();
    const log = twurpleLog(logger, [secret.value]);
    this.apiClient = new ApiClient({ authProvider: application, logger: log });
    this.listener = new MessageIdMiddleware({
      apiClient: this.apiClient,
      hostName: callback.hostName,
      pathPrefix: callback.pathPrefix,
      secret: secret.value,
      // The signature proves a delivery is Twitch's; a proxy may well pass another Host.
      strictHostCheck: false,
      helperRoutes: false,
      logger: log,
    });
  }

  mount(app: IRouter): void {
    this.listener.apply(app);
  }

  start(watcher: TransportWatcher): void {
    this.listener.onVerify((success, subscription) => watcher.verified(subscription, success));
    void this.listening().then(() => this.takeDeliveries(watcher));
  }

  stop(): void {
    // The subscriptions stay at Twitch: the next start resumes them, signed with the same secret.
    this.stopped = true;
  }

  isConnected(): boolean {
    return this.ready;
  }

  /** Twitch's challenges need an answer the moment a subscription is made. */
  private listening(): Promise<void> {
    const server = this.server();
    if (server.listening) return Promise.resolve();
    return new Promise((resolve) => server.once('listening', () => resolve()));
  }

  /** Resumes what Twitch holds for this callback and lets twurple subscribe to the rest. */
  private async takeDeliveries(watcher: TransportWatcher): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        if (this.secret.changed) await this.deleteSignedWithAnotherSecret();
        await this.listener.markAsReady();
        this.ready = true;
        this.logger.log(
          `EventSub over webhooks at https://${this.callback.hostName}${this.callback.pathPrefix}/event/…`,
        );
        watcher.ready();
        return;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
        this.logger.warn(
          `Asking Twitch for its EventSub subscriptions failed (${describeTwitchError(error)}); trying again in ${delay / 1000} s`,
        );
        await sleep(delay, undefined, { ref: false });
      }
    }
  }

  /** Subscriptions to this callback from before the secret changed: their deliveries would fail. */
  private async deleteSignedWithAnotherSecret(): Promise<void> {
    const prefix = `https://${this.callback.hostName}${this.callback.pathPrefix}/event/`;
    const all = await this.apiClient.eventSub.getSubscriptionsPaginated().getAll();
    const stale = all.filter((subscription) => {
      const { transport } = getRawData(subscription);
      return transport.method === 'webhook' && transport.callback.startsWith(prefix);
    });
    for (const subscription of stale)
      await this.apiClient.eventSub.deleteSubscription(subscription.id);
    if (stale.length > 0)
      this.logger.log(
        `The EventSub webhook secret changed: deleted ${stale.length} subscriptions made with the previous one, to make them again`,
      );
  }
}
