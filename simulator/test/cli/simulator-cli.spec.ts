import { exchangeCode } from '@twurple/auth';
import { createServer } from 'node:net';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../../src/cli/cli-options.js';
import { CliStartError, ENV_BLOCK_HEADING, SimulatorCli } from '../../src/cli/simulator-cli.js';

/** twurple, and so Integron, reach chat on port 6667 only: this file's own loopback address. */
const CHAT_HOST = '127.0.0.51';
const CLIENT_ID = 'integronlocal0000000000000001';
const CLIENT_SECRET = 'integronsecret000000000000001';
const PUBLIC_URL = 'http://localhost:4321';
const SIGN_IN_CALLBACK = `${PUBLIC_URL}/api/auth/twitch/callback`;
const CONNECT_CALLBACK = `${PUBLIC_URL}/api/twitch-accounts/callback`;

/** The lines after the heading, up to the blank line, read as Integron reads `.env`. */
function envBlock(printed: readonly string[]): Record<string, string | undefined> {
  const start = printed.indexOf(ENV_BLOCK_HEADING);
  expect(start, printed.join('\n')).toBeGreaterThanOrEqual(0);
  const end = printed.indexOf('', start);
  return parseEnv(printed.slice(start, end === -1 ? undefined : end).join('\n'));
}

describe(SimulatorCli.name, () => {
  const started: SimulatorCli[] = [];

  afterEach(async () => {
    await Promise.all(started.splice(0).map((cli) => cli.stop()));
    delete process.env.TWURPLE_MOCK_API_PORT;
  });

  async function start(...args: string[]): Promise<{ sut: SimulatorCli; printed: string[] }> {
    const printed: string[] = [];
    const sut = await SimulatorCli.start(parseCliOptions(['--no-traffic', ...args]), (line) =>
      printed.push(line),
    );
    started.push(sut);
    return { sut, printed };
  }

  const fixed = ['--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET];

  it('prints the exact settings that start Integron against it', async () => {
    const { sut, printed } = await start(
      ...fixed,
      ...['--chat-host', CHAT_HOST, '--api-port', '0', '--public-url', PUBLIC_URL],
    );

    expect(envBlock(printed)).toEqual({
      TWITCH_CLIENT_ID: CLIENT_ID,
      TWITCH_CLIENT_SECRET: CLIENT_SECRET,
      TWURPLE_MOCK_API_PORT: String(sut.simulator.twitch.api.port),
      TWITCH_CHAT_HOST: CHAT_HOST,
      PORT: '4321',
    });
    expect(printed).toContain(
      `The API port is new on each start: pass --api-port ${sut.simulator.twitch.api.port} (or leave the default, 8091) to keep TWURPLE_MOCK_API_PORT valid.`,
    );
  });

  it('needs only the four variables for Integron at its default address', async () => {
    const { sut, printed } = await start(...fixed, '--chat-host', CHAT_HOST, '--api-port', '0');

    expect(envBlock(printed)).toEqual({
      TWITCH_CLIENT_ID: CLIENT_ID,
      TWITCH_CLIENT_SECRET: CLIENT_SECRET,
      TWURPLE_MOCK_API_PORT: String(sut.simulator.twitch.api.port),
      TWITCH_CHAT_HOST: CHAT_HOST,
    });
  });

  it('names PUBLIC_URL when Integron is not reached at localhost:PORT', async () => {
    const { printed } = await start(
      ...['--chat-port', '0', '--api-port', '0', '--public-url', 'https://integron.example/'],
    );

    expect(envBlock(printed)).toMatchObject({ PUBLIC_URL: 'https://integron.example' });
  });

  it('leaves TWITCH_CHAT_HOST out, and says why, when chat is not on port 6667', async () => {
    const { sut, printed } = await start('--chat-port', '0', '--api-port', '0');

    expect(envBlock(printed)).not.toHaveProperty('TWITCH_CHAT_HOST');
    expect(printed).toContain(
      `Integron reads chat on port 6667 only (as every twurple client does): with --chat-port ${sut.simulator.twitch.chat.tcpPort} it cannot read this simulator's chat, so TWITCH_CHAT_HOST is left out.`,
    );
  });

  it('makes up the same credentials for the same seed and population, and says how to pin them', async () => {
    const first = await start('--chat-port', '0', '--api-port', '0');
    const second = await start('--chat-port', '0', '--api-port', '0');

    const { TWITCH_CLIENT_ID: id, TWITCH_CLIENT_SECRET: secret } = envBlock(first.printed);
    expect(envBlock(second.printed)).toMatchObject({
      TWITCH_CLIENT_ID: id,
      TWITCH_CLIENT_SECRET: secret,
    });
    expect(first.printed).toContain(`  npm run sim -- --client-id ${id} --client-secret ${secret}`);
  });

  describe("Integron's application", () => {
    it('lets a browser on this machine sign in through its page, back to either callback', async () => {
      const { sut } = await start(
        ...fixed,
        ...['--chat-port', '0', '--api-port', '0', '--public-url', PUBLIC_URL],
      );
      const broadcaster = sut.simulator.population.channels[0]!.broadcaster;
      // Integron's code exchange goes through twurple, as it does against this simulator.
      sut.simulator.twitch.useForTwurple();

      for (const callback of [SIGN_IN_CALLBACK, CONNECT_CALLBACK]) {
        const authorize = `http://localhost:${sut.simulator.twitch.api.port}/auth/authorize?${new URLSearchParams(
          { client_id: CLIENT_ID, redirect_uri: callback, response_type: 'code', state: 'xyz' },
        ).toString()}`;
        const page = await fetch(authorize);
        const html = await page.text();
        expect(page.status).toBe(200);
        expect(html).toContain(`name="user_id" value="${broadcaster.id}"`);
        const hidden = [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)];
        const form = new URLSearchParams();
        for (const [, name, value] of hidden) form.append(name!, value!);
        form.set('user_id', broadcaster.id);

        const chosen = await fetch(new URL('authorize', authorize), {
          method: 'POST',
          body: form,
          redirect: 'manual',
        });

        const back = new URL(chosen.headers.get('location') ?? '');
        expect(`${back.origin}${back.pathname}`).toBe(callback);
        const code = back.searchParams.get('code') ?? '';
        const token = await exchangeCode(CLIENT_ID, CLIENT_SECRET, code, callback);
        expect(sut.simulator.twitch.world.tokens.validate(token.accessToken)).toMatchObject({
          clientId: CLIENT_ID,
          userId: broadcaster.id,
        });
      }
    });

    it('refuses to send anyone back to an address Integron does not use', async () => {
      const { sut } = await start(
        ...fixed,
        ...['--chat-port', '0', '--api-port', '0', '--public-url', PUBLIC_URL],
      );

      const page = await fetch(
        `http://localhost:${sut.simulator.twitch.api.port}/auth/authorize?${new URLSearchParams({
          client_id: CLIENT_ID,
          redirect_uri: 'http://localhost:3000/api/auth/twitch/callback',
          response_type: 'code',
        }).toString()}`,
      );

      expect(page.status).toBe(400);
      await expect(page.json()).resolves.toMatchObject({
        message: 'Parameter redirect_uri does not match registered URI',
      });
    });
  });

  it('says which option frees a taken API port', async () => {
    const squatter = createServer();
    await new Promise<void>((listening) => squatter.listen(0, '127.0.0.1', listening));
    const { port } = squatter.address() as { port: number };

    const starting = start('--chat-port', '0', '--api-port', String(port));

    await expect(starting).rejects.toThrow(CliStartError);
    await expect(starting).rejects.toThrow(
      `Port ${port} on localhost is taken (another simulator?): pass --api-port with a free port (0 for any), and set Integron's TWURPLE_MOCK_API_PORT to it.`,
    );
    await new Promise((closed) => squatter.close(closed));
  });
});
