import { makeURLSearchParams, type REST } from '@discordjs/rest';
import { AllowedMentionsTypes, Routes, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordServer } from '../../src/discord/discord-server.js';
import { type SimWebhook } from '../../src/discord/discord-world.js';
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

  const newWebhook = () => team.world.createWebhook(team.freshChannel().id, { name: 'Go-Live' });

  const execute = (hook: SimWebhook, body: object, wait: boolean) =>
    rest.post(Routes.webhook(hook.id, hook.token), {
      body,
      auth: false,
      ...(wait && { query: makeURLSearchParams({ wait }) }),
    });

  describe('webhooks', () => {
    it('answers an execution 204 with no body unless asked to wait', async () => {
      const hook = newWebhook();

      const answer = await execute(hook, { content: 'Bob is live!' }, false);

      expect(answer).toBeInstanceOf(ArrayBuffer);
      expect((answer as ArrayBuffer).byteLength).toBe(0);
      expect(team.sut.requests().at(-1)).toMatchObject({
        status: 204,
        body: { content: 'Bob is live!' },
      });
      expect(team.sut.messages(hook.channelId)).toMatchObject([
        {
          content: 'Bob is live!',
          webhook_id: hook.id,
          author: { id: hook.id, username: 'Go-Live' },
        },
      ]);
    });

    it('answers 200 with the message when waited for, under the username asked for', async () => {
      const hook = newWebhook();

      const message = (await execute(
        hook,
        { content: 'Carol is live!', username: 'Carol' },
        true,
      )) as APIMessage;

      expect(message).toMatchObject({
        channel_id: hook.channelId,
        content: 'Carol is live!',
        webhook_id: hook.id,
        author: { id: hook.id, username: 'Carol', bot: true },
      });
      expect(team.sut.messages(hook.channelId)).toEqual([message]);
    });

    it('is reachable at the URL the world hands out, without authorization', async () => {
      const hook = newWebhook();

      const response = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'plain fetch' }),
      });

      expect(response.status).toBe(204);
      expect(team.sut.messages(hook.channelId)).toMatchObject([{ content: 'plain fetch' }]);
    });

    it('edits and deletes its own messages', async () => {
      const hook = newWebhook();
      const message = (await execute(hook, { content: 'live' }, true)) as APIMessage;

      const edited = (await rest.patch(Routes.webhookMessage(hook.id, hook.token, message.id), {
        body: { content: 'was live' },
        auth: false,
      })) as APIMessage;
      expect(edited).toMatchObject({ id: message.id, content: 'was live', author: message.author });
      expect(edited.edited_timestamp).not.toBeNull();

      await rest.delete(Routes.webhookMessage(hook.id, hook.token, message.id), { auth: false });
      expect(team.sut.messages(hook.channelId)).toEqual([]);
    });

    it('parses only user mentions by default', async () => {
      const { owner, guild } = team;
      const role = guild.role('Live Pings');

      const message = (await execute(
        newWebhook(),
        { content: `<@${owner.id}> <@&${role.id}> @everyone` },
        true,
      )) as APIMessage;

      expect(message.mentions.map((user) => user.id)).toEqual([owner.id]);
      expect(message.mention_roles).toEqual([]);
      expect(message.mention_everyone).toBe(false);
    });

    it('pings roles and @everyone when allowed_mentions asks for them', async () => {
      const role = team.guild.role('Mods');

      const message = (await execute(
        newWebhook(),
        {
          content: `<@&${role.id}> @everyone`,
          allowed_mentions: { parse: [AllowedMentionsTypes.Everyone], roles: [role.id] },
        },
        true,
      )) as APIMessage;

      expect(message.mention_roles).toEqual([role.id]);
      expect(message.mention_everyone).toBe(true);
    });

    it('answers 401 50027 to a wrong token and 404 10015 to an unknown webhook', async () => {
      const hook = newWebhook();

      await expect(
        execute({ ...hook, token: 'wrong' }, { content: 'x' }, false),
      ).rejects.toMatchObject({
        status: 401,
        code: 50027,
      });
      await expect(execute({ ...hook, id: '1' }, { content: 'x' }, false)).rejects.toMatchObject({
        status: 404,
        code: 10015,
      });
    });

    it('answers 404 10008 for a message the webhook did not send', async () => {
      const hook = newWebhook();
      const botMessage = (await rest.post(Routes.channelMessages(hook.channelId), {
        body: { content: 'by the bot' },
      })) as APIMessage;

      await expect(
        rest.delete(Routes.webhookMessage(hook.id, hook.token, botMessage.id), { auth: false }),
      ).rejects.toMatchObject({ status: 404, code: 10008 });
    });
  });
});
