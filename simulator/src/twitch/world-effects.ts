import { type SimChannel, type TwitchWorld } from '../world/twitch-world.js';
import { type Happening } from './happenings.js';

/**
 * What a happening changes in the world, applied before the transports render it, so that a
 * resub's badge, a cheerer's bits badge or a live stream in Helix reflect what just happened.
 */
export function applyToWorld(happening: Happening, world: TwitchWorld): void {
  const channel = world.channels.get(happening.channel.id);
  if (!channel)
    throw new Error(`${happening.channel.login} is not a channel of the simulated Twitch`);
  const kind = happening.kind;
  switch (kind) {
    case 'chat.message':
      if (happening.bits > 0) addBits(channel, happening.user.id, happening.bits);
      return;
    case 'subscription':
      channel.subscriptions.set(happening.user.id, {
        tier: happening.tier,
        isPrime: happening.isPrime,
        cumulativeMonths: happening.cumulativeMonths,
        streakMonths: happening.streakMonths ?? 1,
        gifterId: null,
      });
      return;
    case 'gift':
      for (const recipient of happening.recipients) {
        const previous = channel.subscriptions.get(recipient.id);
        channel.subscriptions.set(recipient.id, {
          tier: happening.tier,
          isPrime: false,
          cumulativeMonths: (previous?.cumulativeMonths ?? 0) + 1,
          streakMonths: (previous?.streakMonths ?? 0) + 1,
          gifterId: happening.gifter?.id ?? null,
        });
      }
      return;
    case 'follow':
      channel.followers.set(happening.user.id, new Date(happening.at).toISOString());
      return;
    case 'stream.online':
      channel.stream = {
        id: happening.streamId,
        type: 'live',
        title: `${happening.channel.displayName} is live`,
        gameId: '509658',
        gameName: 'Just Chatting',
        language: 'en',
        viewerCount: 0,
        startedAt: new Date(happening.startedAt).toISOString(),
      };
      return;
    case 'stream.offline':
      channel.stream = null;
      return;
    case 'raid':
      if (channel.stream) channel.stream.viewerCount += happening.viewers;
      return;
    case 'moderation.ban':
      channel.bans.set(
        happening.user.id,
        happening.durationSeconds === null ? null : happening.at + happening.durationSeconds * 1000,
      );
      return;
    case 'moderation.unban':
      // Lifts a timeout as well as a ban, as `/unban` and `/untimeout` both do.
      channel.bans.delete(happening.user.id);
      return;
    case 'chat.message_delete':
    case 'chat.clear':
    case 'redemption':
    case 'poll.begin':
    case 'poll.end':
    case 'prediction.begin':
    case 'prediction.end':
    case 'hype_train.begin':
    case 'hype_train.end':
    case 'shoutout':
    case 'announcement':
      return;
    default: {
      const unhandled: never = kind;
      throw new Error(`Unhandled happening ${String(unhandled)}`);
    }
  }
}

function addBits(channel: SimChannel, userId: string, bits: number): void {
  channel.bits.set(userId, (channel.bits.get(userId) ?? 0) + bits);
}
