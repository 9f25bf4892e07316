import { type APIMessage } from 'discord-api-types/v10';
import { Router } from 'express';
import { discordErrors } from '../discord-error.js';
import { type SimWebhook } from '../discord-world.js';
import { readMessageBody } from '../messages/message-body.js';
import { isTextChannel, type SimGuild, type SimTextChannel } from '../sim-guild.js';
import { type ApiContext } from './api-context.js';
import { BUCKETS, routeRateLimit } from './rate-limits.js';

/** Execute a webhook and edit or delete its messages; the token in the path is the credential. */
export function webhooksRoutes({ world, limiter, composer }: ApiContext): Router {
  const router = Router();

  router
    .route('/webhooks/:webhookId/:token')
    .post(routeRateLimit(limiter, BUCKETS.executeWebhook, 'webhookId', 'token'), (req, res) => {
      const webhook = webhookOf(req.params.webhookId, req.params.token);
      const { guild, channel } = channelOf(webhook);
      const author = { kind: 'webhook', webhook } as const;
      const message = composer.create(guild, channel, author, readMessageBody(req.body));
      if (isTrue(req.query.wait)) res.json(message);
      else res.status(204).end();
    });

  router
    .route('/webhooks/:webhookId/:token/messages/:messageId')
    .patch(routeRateLimit(limiter, BUCKETS.webhookMessage, 'webhookId', 'token'), (req, res) => {
      const { webhook, message } = webhookMessageOf(req.params);
      const author = { kind: 'webhook', webhook } as const;
      res.json(composer.edit(channelOf(webhook).guild, message, author, readMessageBody(req.body)));
    })
    .delete(routeRateLimit(limiter, BUCKETS.webhookMessage, 'webhookId', 'token'), (req, res) => {
      world.messages.delete(webhookMessageOf(req.params).message);
      res.status(204).end();
    });

  /** 404 10015 for an unknown webhook, 401 50027 for a wrong token. */
  function webhookOf(webhookId: string, token: string): SimWebhook {
    const webhook = world.webhooks.get(webhookId);
    if (!webhook) throw discordErrors.unknownWebhook();
    if (webhook.token !== token) throw discordErrors.invalidWebhookToken();
    return webhook;
  }

  function channelOf(webhook: SimWebhook): { guild: SimGuild; channel: SimTextChannel } {
    const target = world.channel(webhook.channelId);
    if (!target || !isTextChannel(target.channel)) throw discordErrors.unknownWebhook();
    return { guild: target.guild, channel: target.channel };
  }

  /** A message this webhook sent, or 404 10008. */
  function webhookMessageOf({ webhookId, token, messageId }: WebhookMessageParams): {
    webhook: SimWebhook;
    message: APIMessage;
  } {
    const webhook = webhookOf(webhookId, token);
    const message = world.messages.get(webhook.channelId, messageId);
    if (message?.webhook_id !== webhook.id) throw discordErrors.unknownMessage();
    return { webhook, message };
  }

  return router;
}

interface WebhookMessageParams {
  webhookId: string;
  token: string;
  messageId: string;
}

/** Discord's boolean query parameters. */
function isTrue(value: unknown): boolean {
  return value === 'true' || value === 'True' || value === '1';
}
