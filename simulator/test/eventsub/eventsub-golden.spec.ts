import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSubService } from '../../src/eventsub/eventsub-service.js';
import { type Happening } from '../../src/twitch/happenings.js';
import { createCast, goldenWorld, sampleHappenings } from './fixtures.js';
import { WebhookReceiver } from './webhook-receiver.js';
import { expectDefined } from '../support/expect-defined.js';

const cast = createCast(goldenWorld());
const happenings = sampleHappenings(cast);
const { broadcaster, moderator, bot } = cast;
const inChannel = { broadcaster_user_id: broadcaster.id };
const asModerator = { ...inChannel, moderator_user_id: moderator.id };
const asBot = { ...inChannel, user_id: bot.id };

/** One subscription per type, created in this order so that their seeded ids never change. */
const SUBSCRIPTIONS: [type: string, version: string, condition: Record<string, string>][] = [
  ['stream.online', '1', inChannel],
  ['stream.offline', '1', inChannel],
  ['channel.follow', '2', asModerator],
  ['channel.subscribe', '1', inChannel],
  ['channel.subscription.message', '1', inChannel],
  ['channel.subscription.gift', '1', inChannel],
  ['channel.cheer', '1', inChannel],
  ['channel.raid', '1', { to_broadcaster_user_id: broadcaster.id }],
  ['channel.channel_points_custom_reward_redemption.add', '1', inChannel],
  ['channel.hype_train.begin', '2', inChannel],
  ['channel.hype_train.end', '2', inChannel],
  ['channel.poll.begin', '1', inChannel],
  ['channel.poll.end', '1', inChannel],
  ['channel.prediction.begin', '1', inChannel],
  ['channel.prediction.end', '1', inChannel],
  ['channel.shoutout.create', '1', asModerator],
  ['channel.ban', '1', inChannel],
  ['channel.unban', '1', inChannel],
  ['channel.chat.message', '1', asBot],
  ['channel.chat.message_delete', '1', asBot],
  ['channel.chat.clear_user_messages', '1', asBot],
  ['channel.chat.clear', '1', asBot],
];

/** [golden file, happening, the subscription type whose delivery it pins]. */
const GOLDEN: [file: string, happening: Happening, type: string][] = [
  ['stream.online', happenings.streamOnline, 'stream.online'],
  ['stream.offline', happenings.streamOffline, 'stream.offline'],
  ['channel.follow', happenings.follow, 'channel.follow'],
  ['channel.subscribe', happenings.newSubscription, 'channel.subscribe'],
  ['channel.subscribe.gifted', happenings.communityGift, 'channel.subscribe'],
  ['channel.subscription.message', happenings.resubscription, 'channel.subscription.message'],
  ['channel.subscription.gift', happenings.communityGift, 'channel.subscription.gift'],
  ['channel.subscription.gift.anonymous', happenings.anonymousGift, 'channel.subscription.gift'],
  ['channel.cheer', happenings.cheer, 'channel.cheer'],
  ['channel.raid', happenings.raid, 'channel.raid'],
  [
    'channel.channel_points_custom_reward_redemption.add',
    happenings.redemption,
    'channel.channel_points_custom_reward_redemption.add',
  ],
  ['channel.hype_train.begin', happenings.hypeTrainBegin, 'channel.hype_train.begin'],
  ['channel.hype_train.end', happenings.hypeTrainEnd, 'channel.hype_train.end'],
  ['channel.poll.begin', happenings.pollBegin, 'channel.poll.begin'],
  ['channel.poll.end', happenings.pollEnd, 'channel.poll.end'],
  ['channel.prediction.begin', happenings.predictionBegin, 'channel.prediction.begin'],
  ['channel.prediction.end', happenings.predictionEnd, 'channel.prediction.end'],
  ['channel.shoutout.create', happenings.shoutout, 'channel.shoutout.create'],
  ['channel.ban', happenings.ban, 'channel.ban'],
  ['channel.ban.timeout', happenings.timeout, 'channel.ban'],
  ['channel.unban', happenings.unban, 'channel.unban'],
  ['channel.chat.message', happenings.chatMessage, 'channel.chat.message'],
  ['channel.chat.message.cheer', happenings.cheer, 'channel.chat.message'],
  ['channel.chat.message_delete', happenings.messageDelete, 'channel.chat.message_delete'],
  ['channel.chat.clear_user_messages', happenings.timeout, 'channel.chat.clear_user_messages'],
  ['channel.chat.clear', happenings.chatClear, 'channel.chat.clear'],
];

/** The payload formatted as Prettier keeps the committed golden file. */
async function asCommitted(payload: unknown, golden: string): Promise<string> {
  const filepath = fileURLToPath(new URL(golden, import.meta.url));
  const options = await resolveConfig(filepath);
  return format(JSON.stringify(payload, null, 2), { ...options, filepath });
}

describe(`${EventSubService.name} payloads`, () => {
  let receiver: WebhookReceiver;
  let eventSub: EventSubService;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    eventSub = new EventSubService({ world: cast.world, deliveryUrl: () => receiver.url });
    for (const [type, version, condition] of SUBSCRIPTIONS) {
      const created = eventSub.create({
        clientId: cast.app.clientId,
        type,
        version,
        condition,
        callback: `https://integron.example/webhooks/twitch/${type}`,
        secret: 'golden-secret-42',
      });
      expect(await eventSub.settled(created.id)).toMatchObject({ status: 'enabled' });
    }
  });

  afterAll(async () => {
    await receiver.stop();
  });

  it.each(GOLDEN)('pins %s', async (file, happening, type) => {
    receiver.clear();

    await eventSub.publish(happening);

    const [delivered] = receiver
      .notifications()
      .filter((m) => m.json.subscription.type === type)
      .sort((a, b) => String(a.json.event?.user_id).localeCompare(String(b.json.event?.user_id)));
    expectDefined(delivered);
    expect(delivered.body).toBe(JSON.stringify(delivered.json));
    const golden = `../golden/eventsub/${file}.json`;
    await expect(await asCommitted(delivered.json, golden)).toMatchFileSnapshot(golden);
  });
});
