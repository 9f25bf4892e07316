import { PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import { Router } from 'express';
import { demand, visitChannel, visitTextChannel } from '../channel-access.js';
import { discordErrors } from '../discord-error.js';
import { readMessageBody } from '../messages/message-body.js';
import { type ApiContext } from './api-context.js';
import { authenticate, callerOf } from './caller.js';
import { BUCKETS, globalRateLimit, routeRateLimit } from './rate-limits.js';

/** Create, fetch, edit and delete channel messages as a bot. */
export function channelMessagesRoutes({ world, limiter, composer }: ApiContext): Router {
  const router = Router();
  router.use('/channels', authenticate(world), globalRateLimit(limiter));

  router
    .route('/channels/:channelId/messages')
    .post(routeRateLimit(limiter, BUCKETS.createMessage, 'channelId'), (req, res) => {
      const { user } = callerOf(req);
      const visit = visitTextChannel(world, req.params.channelId, user.id);
      demand(visit, PermissionFlagsBits.SendMessages);
      const author = { kind: 'bot', user, permissions: visit.permissions } as const;
      res.json(composer.create(visit.guild, visit.channel, author, readMessageBody(req.body)));
    });

  router
    .route('/channels/:channelId/messages/:messageId')
    .get(routeRateLimit(limiter, BUCKETS.getMessage, 'channelId'), (req, res) => {
      const visit = visitChannel(world, req.params.channelId, callerOf(req).user.id);
      demand(visit, PermissionFlagsBits.ReadMessageHistory, discordErrors.missingAccess);
      res.json(messageOf(req.params.channelId, req.params.messageId));
    })
    .patch(routeRateLimit(limiter, BUCKETS.editMessage, 'channelId'), (req, res) => {
      const { user } = callerOf(req);
      const visit = visitChannel(world, req.params.channelId, user.id);
      const message = messageOf(req.params.channelId, req.params.messageId);
      if (message.author.id !== user.id) throw discordErrors.cannotEditOthersMessage();
      const author = { kind: 'bot', user, permissions: visit.permissions } as const;
      res.json(composer.edit(visit.guild, message, author, readMessageBody(req.body)));
    })
    .delete(routeRateLimit(limiter, BUCKETS.deleteMessage, 'channelId'), (req, res) => {
      const { user } = callerOf(req);
      const visit = visitChannel(world, req.params.channelId, user.id);
      const message = messageOf(req.params.channelId, req.params.messageId);
      if (message.author.id !== user.id) demand(visit, PermissionFlagsBits.ManageMessages);
      world.messages.delete(message);
      res.status(204).end();
    });

  function messageOf(channelId: string, messageId: string): APIMessage {
    const message = world.messages.get(channelId, messageId);
    if (!message) throw discordErrors.unknownMessage();
    return message;
  }

  return router;
}
