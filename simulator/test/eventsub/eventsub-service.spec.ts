import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventSubService, SubscriptionRejectedError } from '../../src/eventsub/eventsub-service.js';
import { eventSubSignature } from '../../src/eventsub/eventsub-signature.js';
import { type SubscriptionRequest } from '../../src/eventsub/eventsub-subscription.js';
import { TwitchWorld } from '../../src/world/twitch-world.js';
import { createCast, sampleHappenings } from './fixtures.js';
import { type ReceivedMessage, WebhookReceiver } from './webhook-receiver.js';
import { anyString, matching, withFields } from './matchers.js';
import { expectDefined } from '../support/expect-defined.js';

const RFC3339_NANOS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;
const SECRET = 'a-secret-of-the-test';

describe(EventSubService.name, () => {
  const cast = createCast(new TwitchWorld());
  const happenings = sampleHappenings(cast);
  const { app, broadcaster, raider, moderator } = cast;
  let receiver: WebhookReceiver;
  let sut: EventSubService;

  const request = (fields: Partial<SubscriptionRequest> = {}): SubscriptionRequest => ({
    clientId: app.clientId,
    type: 'stream.online',
    version: '1',
    condition: { broadcaster_user_id: broadcaster.id },
    callback: 'https://integron.example/webhooks/twitch',
    secret: SECRET,
    ...fields,
  });

  const subscribe = async (fields: Partial<SubscriptionRequest> = {}) => {
    const created = sut.create(request(fields));
    return sut.settled(created.id);
  };

  const verifies = (message: ReceivedMessage, secret = SECRET) =>
    message.headers['twitch-eventsub-message-signature'] ===
    eventSubSignature(
      secret,
      String(message.headers['twitch-eventsub-message-id']),
      String(message.headers['twitch-eventsub-message-timestamp']),
      message.body,
    );

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });

  beforeEach(() => {
    receiver.clear();
    receiver.answerChallenge = (challenge) => challenge;
    sut = new EventSubService({
      world: cast.world,
      deliveryUrl: () => receiver.url,
      retryDelaysMs: [10, 20],
    });
  });

  afterAll(async () => {
    await receiver.stop();
  });

  it('sends a signed challenge and enables the subscription when it is echoed', async () => {
    const created = sut.create(request());

    expect(created.status).toBe('webhook_callback_verification_pending');
    expect(await sut.settled(created.id)).toMatchObject({ status: 'enabled' });
    const [challenge] = receiver.received;
    expectDefined(challenge);
    expect(challenge.headers).toMatchObject({
      'content-type': 'application/json',
      'twitch-eventsub-message-type': 'webhook_callback_verification',
      'twitch-eventsub-message-retry': '0',
      'twitch-eventsub-subscription-type': 'stream.online',
      'twitch-eventsub-subscription-version': '1',
    });
    expect(challenge.headers['twitch-eventsub-message-timestamp']).toMatch(RFC3339_NANOS);
    expect(verifies(challenge)).toBe(true);
    expect(challenge.json).toEqual({
      challenge: anyString(),
      subscription: {
        id: created.id,
        status: 'webhook_callback_verification_pending',
        type: 'stream.online',
        version: '1',
        cost: 1,
        condition: { broadcaster_user_id: broadcaster.id },
        transport: { method: 'webhook', callback: 'https://integron.example/webhooks/twitch' },
        created_at: matching(RFC3339_NANOS),
      },
    });
  });

  it('fails verification when the callback answers something else', async () => {
    receiver.answerChallenge = () => 'not the challenge';

    const subscription = await subscribe();
    await sut.publish(happenings.streamOnline);

    expect(subscription.status).toBe('webhook_callback_verification_failed');
    expect(receiver.notifications()).toEqual([]);
  });

  it('fails verification when nothing answers', async () => {
    const unreachable = new EventSubService({
      world: cast.world,
      deliveryUrl: () => 'http://127.0.0.1:9/unreachable',
    });

    const created = unreachable.create(request());

    expect(await unreachable.settled(created.id)).toMatchObject({
      status: 'webhook_callback_verification_failed',
    });
    expect(unreachable.deliveries()).toEqual([
      withFields({ messageType: 'webhook_callback_verification', status: null }),
    ]);
  });

  it('delivers a signed notification to every enabled subscription it matches', async () => {
    const online = await subscribe();
    await subscribe({ condition: { broadcaster_user_id: raider.id } });
    const offline = await subscribe({ type: 'stream.offline' });

    await sut.publish(happenings.streamOnline);

    const [notification, ...others] = receiver.notifications();
    expectDefined(notification);
    expect(others).toEqual([]);
    expect(notification.headers).toMatchObject({
      'twitch-eventsub-subscription-type': 'stream.online',
      'twitch-eventsub-subscription-version': '1',
    });
    expect(verifies(notification)).toBe(true);
    expect(notification.json).toEqual({
      subscription: withFields({ id: online.id, status: 'enabled' }),
      event: withFields({ broadcaster_user_id: broadcaster.id, type: 'live' }),
    });
    expect(offline.status).toBe('enabled');
  });

  it('delivers a raid to both the raider’s and the raided channel’s subscriptions', async () => {
    const to = await subscribe({
      type: 'channel.raid',
      condition: { to_broadcaster_user_id: broadcaster.id },
    });
    const from = await subscribe({
      type: 'channel.raid',
      condition: { from_broadcaster_user_id: raider.id },
    });
    await subscribe({
      type: 'channel.raid',
      condition: { from_broadcaster_user_id: broadcaster.id },
    });

    await sut.publish(happenings.raid);

    const delivered = receiver.notifications().map((m) => m.json.subscription.id);
    expect(delivered.sort()).toEqual([to.id, from.id].sort());
  });

  it('delivers chat to each reader with the reader in the condition', async () => {
    const asBot = await subscribe({
      type: 'channel.chat.message',
      condition: { broadcaster_user_id: broadcaster.id, user_id: cast.bot.id },
    });
    const asModerator = await subscribe({
      type: 'channel.chat.message',
      condition: { broadcaster_user_id: broadcaster.id, user_id: moderator.id },
    });

    await sut.publish(happenings.chatMessage);

    const conditions = receiver.notifications().map((m) => m.json.subscription);
    expect(conditions).toHaveLength(2);
    expect(conditions).toEqual(
      expect.arrayContaining([
        withFields({
          id: asBot.id,
          condition: { broadcaster_user_id: broadcaster.id, user_id: cast.bot.id },
        }),
        withFields({
          id: asModerator.id,
          condition: { broadcaster_user_id: broadcaster.id, user_id: moderator.id },
        }),
      ]),
    );
  });

  it('filters redemptions by reward when the condition names one', async () => {
    const anyReward = await subscribe({
      type: 'channel.channel_points_custom_reward_redemption.add',
      condition: { broadcaster_user_id: broadcaster.id },
    });
    const thisReward = await subscribe({
      type: 'channel.channel_points_custom_reward_redemption.add',
      condition: {
        broadcaster_user_id: broadcaster.id,
        reward_id: happenings.redemption.reward.id,
      },
    });
    await subscribe({
      type: 'channel.channel_points_custom_reward_redemption.add',
      condition: { broadcaster_user_id: broadcaster.id, reward_id: 'another-reward' },
    });

    await sut.publish(happenings.redemption);

    const delivered = receiver.notifications().map((m) => m.json.subscription.id);
    expect(delivered.sort()).toEqual([anyReward.id, thisReward.id].sort());
  });

  it('retries an unanswered notification with the same message id', async () => {
    await subscribe();
    receiver.failNext(503, 2);

    await sut.publish(happenings.streamOnline);

    const attempts = receiver.notifications();
    expect(attempts.map((m) => m.headers['twitch-eventsub-message-retry'])).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(new Set(attempts.map((m) => m.headers['twitch-eventsub-message-id'])).size).toBe(1);
    const [firstAttempt] = attempts;
    expectDefined(firstAttempt);
    expect(sut.deliveries().at(-1)).toEqual({
      messageId: firstAttempt.headers['twitch-eventsub-message-id'],
      messageType: 'notification',
      subscriptionId: firstAttempt.json.subscription.id,
      subscriptionType: 'stream.online',
      status: 204,
      attempts: 3,
    });
  });

  it('gives up after the last retry and records the failure', async () => {
    await subscribe();
    receiver.failNext(500, 3);

    await sut.publish(happenings.streamOnline);

    expect(sut.deliveries().at(-1)).toMatchObject({ status: 500, attempts: 3 });
  });

  it('revokes a subscription whose callback fails too many notifications in a row', async () => {
    const strict = new EventSubService({
      world: cast.world,
      deliveryUrl: () => receiver.url,
      retryDelaysMs: [],
      maxConsecutiveFailures: 3,
    });
    const created = strict.create(request());
    await strict.settled(created.id);
    const publishTimes = async (times: number) => {
      for (let i = 0; i < times; i++) await strict.publish(happenings.streamOnline);
    };

    // Two failures, then a success: the count starts again.
    receiver.failNext(500, 2);
    await publishTimes(3);
    receiver.failNext(503, 2);
    await publishTimes(2);
    expect(await strict.settled(created.id)).toMatchObject({ status: 'enabled' });
    receiver.failNext(500, 1);
    await publishTimes(1);

    expect(await strict.settled(created.id)).toMatchObject({
      status: 'notification_failures_exceeded',
    });
    const [revocation] = receiver.ofType('revocation');
    expectDefined(revocation);
    expect(verifies(revocation)).toBe(true);
    expect(revocation.json).toEqual({
      subscription: withFields({ id: created.id, status: 'notification_failures_exceeded' }),
    });
    await publishTimes(1);
    expect(receiver.notifications()).toHaveLength(6);
  });

  it('revokes with the reason as status and a body without an event', async () => {
    const subscription = await subscribe();

    const record = await sut.revoke(subscription.id, 'authorization_revoked');
    await sut.publish(happenings.streamOnline);

    const [revocation] = receiver.ofType('revocation');
    expectDefined(revocation);
    expect(record).toMatchObject({ messageType: 'revocation', status: 204 });
    expect(verifies(revocation)).toBe(true);
    expect(revocation.json).toEqual({
      subscription: withFields({
        id: subscription.id,
        status: 'authorization_revoked',
      }),
    });
    expect(receiver.notifications()).toEqual([]);
  });

  it('can deliver a message twice, stale or badly signed', async () => {
    const subscription = await subscribe();
    const event = { broadcaster_user_id: broadcaster.id };

    const [first, again] = await sut.deliver(subscription.id, event, { duplicate: true });
    await sut.deliver(subscription.id, event, { staleByMs: 11 * 60_000 });
    await sut.deliver(subscription.id, event, { badSignature: true });

    const [, , stale, forged] = receiver.notifications();
    expectDefined(first);
    expectDefined(again);
    expectDefined(stale);
    expectDefined(forged);
    expect(again.messageId).toBe(first.messageId);
    const sentAt = Date.parse(String(stale.headers['twitch-eventsub-message-timestamp']));
    expect(Date.now() - sentAt).toBeGreaterThan(11 * 60_000);
    expect(verifies(stale)).toBe(true);
    expect(verifies(forged)).toBe(false);
  });

  it.each([
    [{ type: 'channel.unknown' }, 'unsupported subscription type channel.unknown version 1'],
    [
      { type: 'channel.follow', version: '1' },
      'unsupported subscription type channel.follow version 1',
    ],
    [{ type: 'channel.follow', version: '2' }, 'missing condition moderator_user_id'],
    [
      {
        type: 'channel.raid',
        condition: { from_broadcaster_user_id: '1', to_broadcaster_user_id: '2' },
      },
      'condition needs exactly one of from_broadcaster_user_id, to_broadcaster_user_id',
    ],
    [{ condition: { broadcaster_user_id: '999' } }, 'invalid broadcaster_user_id 999'],
    [{ secret: 'too-short' }, 'secret must be between 10 and 100 characters'],
    [{ callback: 'http://integron.example/webhooks' }, 'callback must be an https URL'],
    [{ callback: 'https://integron.example:8443/webhooks' }, 'callback must use port 443'],
  ] as const)('refuses %j', (fields, message) => {
    expect(() => sut.create(request(fields))).toThrow(withFields({ reason: 'invalid', message }));
  });

  it('refuses a second subscription to the same type and condition', async () => {
    await subscribe();

    expect(() => sut.create(request())).toThrow(SubscriptionRejectedError);
    expect(() => sut.create(request())).toThrow(withFields({ reason: 'conflict' }));
  });
});
