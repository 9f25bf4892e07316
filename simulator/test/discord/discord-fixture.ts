import { REST } from '@discordjs/rest';
import { ChannelType } from 'discord-api-types/v10';
import { DiscordServer, type DiscordServerOptions } from '../../src/discord/discord-server.js';

/**
 * A running simulator with one team guild (a category with #going-live, an announcement channel,
 * a voice channel; a mentionable "Live Pings" role), its owner, the Integron bot in it, and a
 * `@discordjs/rest` client holding the bot's token.
 */
export async function startTeamDiscord(options?: DiscordServerOptions) {
  const sut = await DiscordServer.start(options);
  const { world } = sut;
  const owner = world.createUser({ username: 'alice', globalName: 'Alice' });
  const guild = world.createGuild({
    name: 'Integron Team',
    ownerId: owner.id,
    roles: [{ name: 'Live Pings', mentionable: true }, { name: 'Mods' }],
    channels: [
      { name: 'going-live', parent: 'Streams' },
      { name: 'Streams', type: ChannelType.GuildCategory },
      { name: 'announcements', type: ChannelType.GuildAnnouncement },
      { name: 'lounge', type: ChannelType.GuildVoice },
    ],
  });
  const bot = world.createBot({ name: 'Integron' });
  world.addBotToGuild(guild.id, bot.user.id);
  const rest = new REST({ api: sut.apiBaseUrl, version: '10' }).setToken(bot.token);
  /** A new text channel, so that a test has its rate-limit buckets to itself. */
  const freshChannel = (name = 'notifications') => world.createChannel(guild.id, { name });
  return { sut, world, owner, guild, bot, rest, freshChannel };
}

export type TeamDiscord = Awaited<ReturnType<typeof startTeamDiscord>>;
