import { TWITCH_NAMED_CHAT_COLORS } from '@integron/contracts';
import { BOT_NAMES, CHANNEL_NAMES, chatterName } from './names.js';
import { type SimChannel, type SimUser, type TwitchWorld } from './twitch-world.js';

export interface PopulationOptions {
  /** How many of the team's channels (at most 8 named ones, then numbered). */
  channels: number;
  /** How many distinct chatters share the channels. */
  chatters: number;
}

export interface Population {
  channels: SimChannel[];
  chatters: SimUser[];
  /** The team's bot accounts (the colour bot's, for instance); moderators everywhere. */
  bots: SimUser[];
}

const NAMED_COLOURS = Object.values(TWITCH_NAMED_CHAT_COLORS);

/**
 * Fills `world` with a streamer team and its community, the same for the same seed: channels
 * with moderators, VIPs and subscribers, chatters (some localized, some Turbo or Prime, most
 * with a colour), and the team's bots.
 */
export function populate(world: TwitchWorld, options: PopulationOptions): Population {
  const random = world.random;
  const channels = Array.from({ length: options.channels }, (_, i) => {
    const name = CHANNEL_NAMES[i] ?? {
      login: `teammate_${i + 1}`,
      displayName: `Teammate_${i + 1}`,
    };
    const broadcaster =
      world.userByLogin(name.login) ??
      world.createUser({
        ...name,
        broadcasterType: i % 3 === 0 ? 'partner' : 'affiliate',
        chatColor: random.pick(NAMED_COLOURS),
      });
    return world.channels.get(broadcaster.id) ?? world.createChannel(broadcaster);
  });

  const chatters = Array.from({ length: options.chatters }, (_, i) => {
    const name = chatterName(i);
    return (
      world.userByLogin(name.login) ??
      world.createUser({
        ...name,
        chatColor: random.chance(0.8) ? random.pick(NAMED_COLOURS) : '',
        hasTurbo: random.chance(0.03),
        hasPrime: random.chance(0.15),
      })
    );
  });

  const bots = BOT_NAMES.map(
    (name) => world.userByLogin(name.login) ?? world.createUser({ ...name }),
  );

  for (const channel of channels) {
    for (const bot of bots) channel.moderators.add(bot.id);
    for (const chatter of chatters) {
      const roll = random.next();
      if (roll < 0.02) channel.moderators.add(chatter.id);
      else if (roll < 0.04) channel.vips.add(chatter.id);
      if (random.chance(0.25)) {
        const months = random.int(1, 40);
        channel.subscriptions.set(chatter.id, {
          tier: random.weighted({ '1000': 90, '2000': 7, '3000': 3 }),
          isPrime: random.chance(0.2),
          cumulativeMonths: months,
          streakMonths: random.int(1, months),
          gifterId: null,
        });
      }
    }
  }
  return { channels, chatters, bots };
}
