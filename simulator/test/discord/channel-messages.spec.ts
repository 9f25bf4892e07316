import { DiscordAPIError, makeURLSearchParams, type REST } from '@discordjs/rest';
import {
  AllowedMentionsTypes,
  OverwriteType,
  PermissionFlagsBits,
  Routes,
  type APIMessage,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordServer } from '../../src/discord/discord-server.js';
import { startTeamDiscord, type TeamDiscord } from './discord-fixture.js';

describe(DiscordServer.name, () => {
  let team: TeamDiscord;
  let rest: REST;

  beforeAll(async () => {
    team = await startTeamDiscord();
    rest = team.rest;
  });

  afterAll(async () => {
    await team.sut.stop();
  });

  const post = async (channelId: string, body: object) =>
    (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;

  describe('channel messages', () => {
    it('creates, fetches, edits and deletes a message', async () => {
      const { sut, bot, guild } = team;
      const channel = guild.channel('going-live');

      const posted = await post(channel.id, { content: 'Alice is live!' });
      expect(posted).toMatchObject({
        channel_id: channel.id,
        content: 'Alice is live!',
        author: { id: bot.user.id, username: 'Integron', bot: true },
        edited_timestamp: null,
      });
      expect(posted).not.toHaveProperty('webhook_id');
      await expect(rest.get(Routes.channelMessage(channel.id, posted.id))).resolves.toEqual(posted);

      const edited = (await rest.patch(Routes.channelMessage(channel.id, posted.id), {
        body: { content: 'Alice was live' },
      })) as APIMessage;
      expect(edited).toMatchObject({ id: posted.id, content: 'Alice was live' });
      expect(edited.edited_timestamp).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+\+00:00$/);
      expect(sut.messages(channel.id)).toEqual([edited]);

      await rest.delete(Routes.channelMessage(channel.id, posted.id));
      expect(sut.messages(channel.id)).toEqual([]);
      await expect(rest.get(Routes.channelMessage(channel.id, posted.id))).rejects.toMatchObject({
        status: 404,
        code: 10008,
      });
    });

    it('records what was posted', async () => {
      const channel = team.freshChannel();
      await post(channel.id, { content: 'recorded' });

      expect(team.sut.requests().at(-1)).toMatchObject({
        method: 'POST',
        path: `/api/v10/channels/${channel.id}/messages`,
        body: { content: 'recorded' },
        status: 200,
      });
    });

    it('gives ids that grow with time and timestamps in Discord’s format', async () => {
      const channel = team.freshChannel();
      const first = await post(channel.id, { content: 'one' });
      const second = await post(channel.id, { content: 'two' });

      expect(BigInt(second.id)).toBeGreaterThan(BigInt(first.id));
      expect(first.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    });

    it('marks embeds as rich', async () => {
      const message = await post(team.freshChannel().id, {
        embeds: [{ title: 'Alice is live', fields: [{ name: 'Game', value: 'Chess' }] }],
      });

      expect(message.embeds).toEqual([
        {
          type: 'rich',
          title: 'Alice is live',
          fields: [{ name: 'Game', value: 'Chess', inline: false }],
        },
      ]);
    });

    it('refuses an edit of another author’s message with 50005', async () => {
      const channel = team.freshChannel();
      const hook = team.world.createWebhook(channel.id);
      const foreign = (await rest.post(Routes.webhook(hook.id, hook.token), {
        body: { content: 'from a webhook' },
        query: makeURLSearchParams({ wait: true }),
        auth: false,
      })) as APIMessage;

      await expect(
        rest.patch(Routes.channelMessage(channel.id, foreign.id), {
          body: { content: 'mine now' },
        }),
      ).rejects.toMatchObject({ status: 403, code: 50005 });
    });
  });

  describe('mentions', () => {
    const pingAll = (userId: string, roleId: string) => `<@${userId}> <@&${roleId}> @everyone`;

    it('parses users, roles and @everyone by default for bots', async () => {
      const { owner, guild } = team;
      const role = guild.role('Live Pings');

      const message = await post(team.freshChannel().id, { content: pingAll(owner.id, role.id) });

      expect(message.mentions.map((user) => user.id)).toEqual([owner.id]);
      expect(message.mention_roles).toEqual([role.id]);
      expect(message.mention_everyone).toBe(true);
    });

    it('pings only what allowed_mentions lets through', async () => {
      const { owner, guild } = team;
      const role = guild.role('Live Pings');

      const message = await post(team.freshChannel().id, {
        content: pingAll(owner.id, role.id),
        allowed_mentions: { parse: [AllowedMentionsTypes.Role], users: [] },
      });

      expect(message.mentions).toEqual([]);
      expect(message.mention_roles).toEqual([role.id]);
      expect(message.mention_everyone).toBe(false);
    });

    it('pings neither @everyone nor unmentionable roles without MENTION_EVERYONE', async () => {
      const { world, guild, bot } = team;
      const channel = team.freshChannel();
      world.setPermissionOverwrite(channel.id, {
        id: bot.user.id,
        type: OverwriteType.Member,
        deny: PermissionFlagsBits.MentionEveryone,
      });
      const mods = guild.role('Mods');
      const livePings = guild.role('Live Pings');

      const message = await post(channel.id, {
        content: `@everyone <@&${mods.id}> <@&${livePings.id}>`,
      });

      expect(message.mention_everyone).toBe(false);
      expect(message.mention_roles).toEqual([livePings.id]);
    });
  });

  describe('validation', () => {
    const rejection = async (body: object) => {
      const error: unknown = await post(team.freshChannel().id, body).catch((e: unknown) => e);
      if (!(error instanceof DiscordAPIError))
        throw new Error(`expected a DiscordAPIError: ${String(error)}`);
      return error;
    };

    it('refuses parse and an id list of the same type with 50035', async () => {
      const error = await rejection({
        content: `<@${team.owner.id}>`,
        allowed_mentions: { parse: ['users'], users: [team.owner.id] },
      });

      expect(error).toMatchObject({ status: 400, code: 50035 });
      expect(error.rawError).toEqual({
        message: 'Invalid Form Body',
        code: 50035,
        errors: {
          allowed_mentions: {
            _errors: [
              {
                code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
                message: 'parse:["users"] and users: [ids...] are mutually exclusive.',
              },
            ],
          },
        },
      });
    });

    it('refuses content over 2000 characters', async () => {
      const error = await rejection({ content: 'x'.repeat(2001) });

      expect(error.rawError).toMatchObject({
        code: 50035,
        errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
      });
    });

    it('counts characters, not UTF-16 units', async () => {
      const message = await post(team.freshChannel().id, { content: '🎉'.repeat(2000) });

      expect(message.content).toHaveLength(4000);
    });

    it('reports every embed limit at its path', async () => {
      const error = await rejection({
        embeds: [
          { title: 't'.repeat(257) },
          {
            description: 'd'.repeat(4097),
            fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })),
            footer: { text: 'f'.repeat(2049) },
            author: { name: 'a'.repeat(257) },
          },
          { fields: [{ name: 'n'.repeat(257), value: 'v'.repeat(1025) }] },
        ],
      });

      const tooLong = { _errors: [expect.objectContaining({ code: 'BASE_TYPE_MAX_LENGTH' })] };
      expect(error.rawError).toMatchObject({
        errors: {
          embeds: {
            0: { title: tooLong },
            1: {
              description: tooLong,
              fields: tooLong,
              footer: { text: tooLong },
              author: { name: tooLong },
            },
            2: { fields: { 0: { name: tooLong, value: tooLong } } },
          },
        },
      });
    });

    it('refuses more than 10 embeds, and more than 6000 characters across them', async () => {
      const many = await rejection({ embeds: Array.from({ length: 11 }, () => ({ title: 'x' })) });
      const large = await rejection({
        embeds: [1, 2].map(() => ({ description: 'd'.repeat(3001) })),
      });

      expect(many.rawError).toMatchObject({
        errors: {
          embeds: {
            _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }],
          },
        },
      });
      expect(large.rawError).toMatchObject({
        errors: {
          embeds: {
            _errors: [
              {
                code: 'MAX_EMBED_SIZE_EXCEEDED',
                message: 'Embed size exceeds maximum size of 6000',
              },
            ],
          },
        },
      });
    });

    it('refuses an empty message with 50006', async () => {
      const error = await rejection({ content: '', embeds: [] });

      expect(error).toMatchObject({ status: 400, code: 50006 });
    });
  });
});
