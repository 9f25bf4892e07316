import { DiscordAPIError, REST } from '@discordjs/rest';
import {
  OverwriteType,
  PermissionFlagsBits,
  Routes,
  type APIChannel,
  type APIRole,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordServer } from '../../src/discord/discord-server.js';
import { startTeamDiscord, type TeamDiscord } from './discord-fixture.js';

describe(DiscordServer.name, () => {
  let team: TeamDiscord;

  beforeAll(async () => {
    team = await startTeamDiscord();
  });

  afterAll(async () => {
    await team.sut.stop();
  });

  const post = (channelId: string, rest = team.rest) =>
    rest.post(Routes.channelMessages(channelId), { body: { content: 'hello' } });

  describe('authentication and access', () => {
    it('answers 401 to a bad bot token', async () => {
      const stranger = new REST({ api: team.sut.apiBaseUrl, version: '10' }).setToken(
        'not-a-token',
      );

      const error: unknown = await post(team.freshChannel().id, stranger).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DiscordAPIError);
      expect(error).toMatchObject({
        status: 401,
        code: 0,
        rawError: { message: '401: Unauthorized', code: 0 },
      });
    });

    it('answers 404 10003 for an unknown channel', async () => {
      await expect(post('123456789012345678')).rejects.toMatchObject({ status: 404, code: 10003 });
    });

    it('answers 403 50013 when the bot may not send messages in the channel', async () => {
      const { world, guild } = team;
      const channel = team.freshChannel();
      world.setPermissionOverwrite(channel.id, {
        id: guild.id,
        type: OverwriteType.Role,
        deny: PermissionFlagsBits.SendMessages,
      });

      const error: unknown = await post(channel.id).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DiscordAPIError);
      expect(error).toMatchObject({ status: 403, code: 50013, message: 'Missing Permissions' });
    });

    it('lets a role overwrite allow what @everyone is denied', async () => {
      const { world, guild, bot } = team;
      const channel = team.freshChannel();
      const botRole = guild.role('Integron');
      world.setPermissionOverwrite(channel.id, {
        id: guild.id,
        type: OverwriteType.Role,
        deny: PermissionFlagsBits.SendMessages,
      });
      world.setPermissionOverwrite(channel.id, {
        id: botRole.id,
        type: OverwriteType.Role,
        allow: PermissionFlagsBits.SendMessages,
      });

      await expect(post(channel.id)).resolves.toMatchObject({ author: { id: bot.user.id } });
    });

    it('answers 403 50001 for a channel the bot cannot see, or in a guild it is not in', async () => {
      const { world, bot } = team;
      const hidden = team.freshChannel();
      world.setPermissionOverwrite(hidden.id, {
        id: bot.user.id,
        type: OverwriteType.Member,
        deny: PermissionFlagsBits.ViewChannel,
      });
      const elsewhere = world.createGuild({ name: 'Elsewhere', channels: [{ name: 'general' }] });

      await expect(post(hidden.id)).rejects.toMatchObject({ status: 403, code: 50001 });
      await expect(post(elsewhere.channel('general').id)).rejects.toMatchObject({
        status: 403,
        code: 50001,
      });
    });

    it('answers 400 50008 for a category', async () => {
      await expect(post(team.guild.channel('Streams').id)).rejects.toMatchObject({
        status: 400,
        code: 50008,
      });
    });

    it('lists the guild’s channels and roles to a bot in it', async () => {
      const { rest, guild } = team;

      const channels = (await rest.get(Routes.guildChannels(guild.id))) as APIChannel[];
      const roles = (await rest.get(Routes.guildRoles(guild.id))) as APIRole[];

      expect(channels.map((channel) => channel.name)).toEqual(
        expect.arrayContaining(['Streams', 'going-live', 'announcements', 'lounge']),
      );
      expect(channels.find((channel) => channel.name === 'going-live')).toMatchObject({
        parent_id: guild.channel('Streams').id,
      });
      expect(roles.map((role) => role.name)).toEqual([
        '@everyone',
        'Live Pings',
        'Mods',
        'Integron',
      ]);
      expect(roles[0]?.id).toBe(guild.id);
    });

    it('tells the bot who it is and which guilds it is in', async () => {
      const { rest, bot, guild } = team;

      await expect(rest.get(Routes.user())).resolves.toMatchObject({
        id: bot.user.id,
        username: 'Integron',
        bot: true,
      });
      await expect(rest.get(Routes.userGuilds())).resolves.toEqual([
        expect.objectContaining({ id: guild.id, name: 'Integron Team', owner: false }),
      ]);
    });
  });

  describe('malformed requests', () => {
    const send = (path: string, body: string) =>
      fetch(`${team.sut.apiBaseUrl}/v10${path}`, {
        method: 'POST',
        headers: { authorization: `Bot ${team.bot.token}`, 'content-type': 'application/json' },
        body,
      });

    it('answers invalid JSON with 50109', async () => {
      const response = await send(`/channels/${team.freshChannel().id}/messages`, '{"content":');

      expect(response.status).toBe(400);
      await expect(response.json()).resolves.toEqual({
        message: 'The request body contains invalid JSON.',
        code: 50109,
      });
    });

    it('answers an unknown route with 404 and code 0', async () => {
      const response = await send('/no/such/route', '{}');

      expect(response.status).toBe(404);
      await expect(response.json()).resolves.toEqual({ message: '404: Not Found', code: 0 });
    });
  });

  describe('injected faults', () => {
    it('answers 403 50013 and 404 10003 as Discord would', async () => {
      const { sut } = team;
      const forbidden = team.freshChannel();
      const gone = team.freshChannel();
      sut.faults.add({ path: new RegExp(`/channels/${forbidden.id}/`), status: 403 });
      sut.faults.add({ path: new RegExp(`/channels/${gone.id}/`), status: 404, times: 1 });

      await expect(post(forbidden.id)).rejects.toMatchObject({ status: 403, code: 50013 });
      await expect(post(gone.id)).rejects.toMatchObject({
        status: 404,
        code: 10003,
        message: 'Unknown Channel',
      });
      await expect(post(gone.id)).resolves.toMatchObject({ channel_id: gone.id });
    });
  });
});
