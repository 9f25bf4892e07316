import { HTTPError, makeURLSearchParams } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordServer } from '../../src/discord/discord-server.js';
import { ManualClock } from '../../src/world/clock.js';
import { startTeamDiscord, type TeamDiscord } from './discord-fixture.js';
import { expectDefined } from '../support/expect-defined.js';

describe(DiscordServer.name, () => {
  describe('rate limits, with @discordjs/rest', () => {
    let team: TeamDiscord;

    beforeAll(async () => {
      team = await startTeamDiscord();
    });

    afterAll(async () => {
      await team.sut.stop();
    });

    const requestsTo = (path: string) =>
      team.sut.requests().filter((request) => request.path === path);

    it('waits out a 429 and then succeeds', async () => {
      const channel = team.freshChannel();
      const path = `/api/v10/channels/${channel.id}/messages`;
      team.sut.faults.add({
        path: new RegExp(`^${path}$`),
        status: 429,
        retryAfter: 0.4,
        times: 1,
      });

      await team.rest.post(Routes.channelMessages(channel.id), { body: { content: 'patient' } });

      const [limited, retried] = requestsTo(path);
      expectDefined(limited);
      expectDefined(retried);
      expect(limited.status).toBe(429);
      expect(retried.status).toBe(200);
      expect(retried.time - limited.time).toBeGreaterThanOrEqual(400);
    });

    it('queues a burst by the bucket headers instead of running into 429s', async () => {
      const hook = team.world.createWebhook(team.freshChannel().id);
      const burst = Array.from({ length: 7 }, (_, i) =>
        team.rest.post(Routes.webhook(hook.id, hook.token), {
          body: { content: `message ${i}` },
          query: makeURLSearchParams({ wait: true }),
          auth: false,
        }),
      );

      await Promise.all(burst);

      const statuses = requestsTo(`/api/v10/webhooks/${hook.id}/${hook.token}`).map(
        (r) => r.status,
      );
      expect(statuses).toEqual(Array(7).fill(200));
      expect(team.sut.messages(hook.channelId)).toHaveLength(7);
    });

    it.each([500, 502, 503] as const)('retries a %i', async (status) => {
      const channel = team.freshChannel();
      const path = `/api/v10/channels/${channel.id}/messages`;
      team.sut.faults.add({ method: 'POST', path: new RegExp(path), status, times: 1 });

      await team.rest.post(Routes.channelMessages(channel.id), { body: { content: 'again' } });

      expect(requestsTo(path).map((request) => request.status)).toEqual([status, 200]);
    });

    it('gives up with an HTTPError when the outage outlasts its retries', async () => {
      const channel = team.freshChannel();
      team.sut.faults.add({ path: new RegExp(`/channels/${channel.id}/`), status: 503 });

      const error: unknown = await team.rest
        .post(Routes.channelMessages(channel.id), { body: { content: 'lost' } })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(HTTPError);
      expect(error).toMatchObject({ status: 503 });
    });
  });

  describe('rate limits, on the wire', () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 22, 10, 0, 0));
    let sut: DiscordServer;
    let token: string;
    let channelId: string;

    beforeAll(async () => {
      sut = await DiscordServer.start({ clock });
      const guild = sut.world.createGuild({ name: 'Team', channels: [{ name: 'live' }] });
      const bot = sut.world.createBot({ name: 'Integron' });
      sut.world.addBotToGuild(guild.id, bot.user.id);
      token = bot.token;
      channelId = guild.channel('live').id;
    });

    afterAll(async () => {
      await sut.stop();
    });

    const call = (method: string, path: string, body?: object) =>
      fetch(`${sut.apiBaseUrl}/v10${path}`, {
        method,
        headers: { authorization: `Bot ${token}`, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      });

    it('counts a route bucket down in its headers and answers 429 when it is empty', async () => {
      const post = () => call('POST', `/channels/${channelId}/messages`, { content: 'hi' });
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await post());

      const limit = (response: Response) => ({
        limit: response.headers.get('x-ratelimit-limit'),
        remaining: response.headers.get('x-ratelimit-remaining'),
        resetAfter: response.headers.get('x-ratelimit-reset-after'),
        reset: response.headers.get('x-ratelimit-reset'),
      });
      const resetAt = ((clock.now() + 5000) / 1000).toFixed(3);
      expect(answers.map(limit)).toEqual(
        ['4', '3', '2', '1', '0', '0'].map((remaining) => ({
          limit: '5',
          remaining,
          resetAfter: '5.000',
          reset: resetAt,
        })),
      );
      expect(new Set(answers.map((r) => r.headers.get('x-ratelimit-bucket'))).size).toBe(1);

      const limited = answers[5];
      expectDefined(limited);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('5');
      expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
      expect(limited.headers.has('x-ratelimit-global')).toBe(false);
      await expect(limited.json()).resolves.toEqual({
        message: 'You are being rate limited.',
        retry_after: 5,
        global: false,
      });

      clock.advance(5000);
      expect((await post()).status).toBe(200);
    });

    it('answers the 51st request of a second with a global 429', async () => {
      clock.advance(60_000);
      const get = () => call('GET', `/channels/${channelId}/messages/1`);
      for (let i = 0; i < 50; i++) expect((await get()).status).toBe(404);
      clock.advance(600);

      const limited = await get();

      expect(limited.status).toBe(429);
      expect(limited.headers.get('x-ratelimit-global')).toBe('true');
      expect(limited.headers.get('x-ratelimit-scope')).toBe('global');
      expect(limited.headers.get('retry-after')).toBe('1');
      await expect(limited.json()).resolves.toEqual({
        message: 'You are being rate limited.',
        retry_after: 0.4,
        global: true,
      });
      clock.advance(400);
      expect((await get()).status).toBe(404);
    });

    it('answers injected global 429s and 5xx with Discord’s headers and bodies', async () => {
      sut.faults.add({
        path: /\/users\/@me$/,
        status: 429,
        retryAfter: 2.5,
        global: true,
        times: 1,
      });
      sut.faults.add({ path: /\/users\/@me$/, status: 502, times: 1 });
      sut.faults.add({ path: /\/users\/@me$/, status: 500, times: 1 });

      const storm = await call('GET', '/users/@me');
      const badGateway = await call('GET', '/users/@me');
      const internal = await call('GET', '/users/@me');

      expect(storm.headers.get('retry-after')).toBe('3');
      expect(storm.headers.get('x-ratelimit-global')).toBe('true');
      await expect(storm.json()).resolves.toEqual({
        message: 'You are being rate limited.',
        retry_after: 2.5,
        global: true,
      });
      expect(badGateway.status).toBe(502);
      await expect(badGateway.text()).resolves.toContain('<center>cloudflare</center>');
      await expect(internal.json()).resolves.toEqual({
        message: '500: Internal Server Error',
        code: 0,
      });
      expect((await call('GET', '/users/@me')).status).toBe(200);
    });
  });
});
