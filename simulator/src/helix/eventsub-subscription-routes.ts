import express, { type Request, Router } from 'express';
import { type EventSubService, SubscriptionRejectedError } from '../eventsub/eventsub-service.js';
import { type EventSubSubscription, subscriptionJson } from '../eventsub/eventsub-subscription.js';
import { WEBSOCKET_LIMITS } from '../eventsub/eventsub-ws-limits.js';
import { type SimAccessToken } from '../world/twitch-world.js';
import { HelixError, sendJson } from './errors.js';
import { helixToken } from './helix-auth.js';
import { paginate } from './pagination.js';
import { queryValue, requiredQuery } from './query.js';

const WEBHOOK_MAX_TOTAL_COST = 10_000;
const REJECTION_STATUS: Readonly<Record<SubscriptionRejectedError['reason'], number>> = {
  invalid: 400,
  unauthorized: 403,
  conflict: 409,
  limit: 429,
};
const PAGE_SIZE = 100;
const FILTERS = ['status', 'type', 'user_id', 'subscription_id'] as const;

/**
 * `POST`, `GET` and `DELETE /helix/eventsub/subscriptions`: webhook transports with an app token,
 * WebSocket transports with a user token, each seeing only its own kind.
 */
export function eventSubSubscriptionRoutes(eventSub: EventSubService): Router {
  const router = Router();
  router
    .route('/eventsub/subscriptions')
    .post(express.json(), (req, res) => {
      const created = create(eventSub, req.body, helixToken(req));
      sendJson(res, 202, { data: [subscriptionJson(created)], ...totals(eventSub, req) });
    })
    .get((req, res) => {
      const filters = FILTERS.filter((name) => queryValue(req, name) !== undefined);
      if (filters.length > 1) {
        throw new HelixError(400, `The filters ${filters.join(', ')} are mutually exclusive`);
      }
      const matching = ownSubscriptions(eventSub, req).filter((s) => matchesFilter(s, req));
      const page = paginate(matching, queryValue(req, 'after'), PAGE_SIZE);
      sendJson(res, 200, {
        data: page.items.map(subscriptionJson),
        ...totals(eventSub, req),
        pagination: page.pagination,
      });
    })
    .delete((req, res) => {
      const id = requiredQuery(req, 'id');
      if (!ownSubscriptions(eventSub, req).some((s) => s.id === id)) {
        throw new HelixError(404, 'subscription not found');
      }
      eventSub.delete(id);
      res.status(204).end();
    });
  return router;
}

/** Webhooks take only app tokens, WebSockets only user tokens (PROTOCOL H). */
function create(
  eventSub: EventSubService,
  body: unknown,
  token: SimAccessToken,
): EventSubSubscription {
  const { fields, transport } = requestFields(body);
  const { clientId, userId } = token;
  try {
    switch (transport.method) {
      case 'webhook': {
        if (userId !== null) throw wrongTokenKind();
        const { callback, secret } = transport;
        if (typeof callback !== 'string' || typeof secret !== 'string') {
          throw new HelixError(400, 'a webhook transport needs a callback and a secret');
        }
        return eventSub.create({ clientId, ...fields, callback, secret });
      }
      case 'websocket': {
        if (userId === null) throw wrongTokenKind();
        const sessionId = transport.session_id;
        if (typeof sessionId !== 'string') {
          throw new HelixError(400, 'a websocket transport needs a session_id');
        }
        return eventSub.createWebSocket({ clientId, userId, ...fields, sessionId }, token);
      }
      default:
        throw new HelixError(
          400,
          'the simulator supports only the webhook and websocket transports',
        );
    }
  } catch (error) {
    if (error instanceof SubscriptionRejectedError) {
      throw new HelixError(REJECTION_STATUS[error.reason], error.message);
    }
    throw error;
  }
}

function wrongTokenKind(): HelixError {
  return new HelixError(400, 'invalid transport and auth combination');
}

function requestFields(body: unknown) {
  if (!isRecord(body)) throw new HelixError(400, 'The request body must be a JSON object');
  const { type, version, condition, transport } = body;
  if (typeof type !== 'string' || typeof version !== 'string') {
    throw new HelixError(400, 'type and version are required');
  }
  if (!isRecord(condition) || !Object.values(condition).every((v) => typeof v === 'string')) {
    throw new HelixError(400, 'condition must be an object of strings');
  }
  if (!isRecord(transport)) throw new HelixError(400, 'transport is required');
  return {
    fields: { type, version, condition: condition as Record<string, string> },
    transport,
  };
}

function ownSubscriptions(eventSub: EventSubService, req: Request): EventSubSubscription[] {
  const { clientId, userId } = helixToken(req);
  return eventSub.subscriptionsOf(clientId, userId);
}

function matchesFilter(subscription: EventSubSubscription, req: Request): boolean {
  const status = queryValue(req, 'status');
  const type = queryValue(req, 'type');
  const userId = queryValue(req, 'user_id');
  const id = queryValue(req, 'subscription_id');
  return (
    (status === undefined || subscription.status === status) &&
    (type === undefined || subscription.type === type) &&
    (userId === undefined || Object.values(subscription.condition).includes(userId)) &&
    (id === undefined || subscription.id === id)
  );
}

function totals(eventSub: EventSubService, req: Request) {
  const own = ownSubscriptions(eventSub, req);
  const counted = own.filter(
    (s) => s.status === 'enabled' || s.status === 'webhook_callback_verification_pending',
  );
  const isUserToken = helixToken(req).userId !== null;
  return {
    total: own.length,
    total_cost: counted.reduce((sum, s) => sum + s.cost, 0),
    max_total_cost: isUserToken ? WEBSOCKET_LIMITS.maxTotalCost : WEBHOOK_MAX_TOTAL_COST,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
