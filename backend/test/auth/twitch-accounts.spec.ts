import {
  type ApiErrorBody,
  type Channel,
  type DeviceConnectFlow,
  TWITCH_ACCOUNT_SCOPES,
  type TwitchAccount,
  type TwitchAccountPurpose,
} from '@integron/contracts';
import { Writable } from 'node:stream';
import { ApiClient } from '@twurple/api';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenVault } from '../../src/auth/token-vault/token-vault.js';
import { TwitchAuthProviders } from '../../src/twitch/auth-providers/twitch-auth-providers.js';
import { DemoSimulator } from '../../src/demo/demo-simulator.js';
import { type HttpBrowser } from '../utils/http-browser.js';
import { answerDeviceActivation, answerTwitchConsent } from '../utils/simulated-twitch-login.js';
import { redirectTarget, signInTeam, type TeamSessions } from '../utils/sign-in.js';
import { simulatedGrant } from '../utils/simulated-grant.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('connected Twitch accounts', () => {
  const logLines: string[] = [];
  let sut: TestApp;
  let team: TeamSessions;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    sut = await startTestApp({
      env: { DEMO_TRAFFIC_RATE: '0' },
      logger: pino({ level: 'warn' }, sink),
    });
    team = await signInTeam(sut, 'vault');
  });

  afterAll(async () => {
    await sut.close();
  });

  beforeEach(async () => {
    faults().clear();
    for (const account of await listAccounts()) {
      await team.admin.fetch(`/api/twitch-accounts/${account.id}`, { method: 'DELETE' });
    }
  });

  const world = () => sut.simulator!.twitch.world;
  const faults = () => sut.simulator!.twitch.api.faults;
  const clientId = () => sut.app.get(DemoSimulator).twitchApp.clientId;
  const clientSecret = () => sut.app.get(DemoSimulator).twitchApp.clientSecret;
  const listAccounts = async () =>
    (await team.admin.json<TwitchAccount[]>('/api/twitch-accounts')).body;

  /** The admin's "Connect" button through Twitch's consent page and back. */
  async function connectByCode(
    purpose: TwitchAccountPurpose,
    login: string,
    admin: HttpBrowser = team.admin,
  ): Promise<URL> {
    const toTwitch = await admin.fetch(`/api/twitch-accounts/connect?purpose=${purpose}`);
    const authorizeUrl = redirectTarget(toTwitch, sut.baseUrl);
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(
      `${sut.baseUrl}/demo/twitch/auth/authorize`,
    );
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toEqual(
      TWITCH_ACCOUNT_SCOPES[purpose],
    );
    const callback = await answerTwitchConsent(sut.simulator!, authorizeUrl, { login });
    return redirectTarget(await admin.fetch(callback.toString()), sut.baseUrl);
  }

  async function storedRow(login: string): Promise<Record<string, unknown>> {
    const { rows } = await sut.database!.query<Record<string, unknown>>(
      'SELECT * FROM twitch_accounts WHERE login = $1',
      [login],
    );
    return rows[0]!;
  }

  async function plaintextToken(login: string) {
    const entity = await sut.app
      .get(TokenVault)
      .list()
      .then((accounts) => accounts.find((account) => account.login === login));
    return sut.app.get(TokenVault).tokenOf(entity!);
  }

  it('connects a bot account by authorization code with the scopes a bot needs', async () => {
    const landing = await connectByCode('bot', 'colourbot');

    expect(`${landing.pathname}${landing.search}`).toBe('/accounts?connected=colourbot');
    const [account] = await listAccounts();
    expect(account).toMatchObject({
      login: 'colourbot',
      purpose: 'bot',
      status: 'connected',
      problem: null,
      missingScopes: [],
    });
    expect(account!.scopes).toEqual([...TWITCH_ACCOUNT_SCOPES.bot].sort());
  });

  it('stores tokens encrypted: the database row holds no plaintext token', async () => {
    await connectByCode('bot', 'colourbot');
    const token = await plaintextToken('colourbot');
    expect(world().tokens.validate(token.accessToken)).toBeDefined();

    const row = JSON.stringify(await storedRow('colourbot'));

    expect(row).not.toContain(token.accessToken);
    expect(row).not.toContain(token.refreshToken);
    expect(row).toMatch(/"access_token_enc":"v1\./);
  });

  it('never returns a token from the API', async () => {
    await connectByCode('bot', 'colourbot');
    const token = await plaintextToken('colourbot');

    const listed = await team.admin.fetch('/api/twitch-accounts').then((r) => r.text());

    expect(listed).not.toContain(token.accessToken);
    expect(listed).not.toContain(token.refreshToken);
  });

  it("makes a connected broadcaster's channel one of the team's channels", async () => {
    world().ensureUser('bigstreamer', 'BigStreamer');
    await connectByCode('broadcaster', 'bigstreamer');

    const channels = await team.moderator.json<Channel[]>('/api/channels');

    expect(channels.body).toContainEqual(
      expect.objectContaining({ login: 'bigstreamer', displayName: 'BigStreamer', isActive: true }),
    );
  });

  it('persists refreshed tokens, so the next start has live ones', async () => {
    await connectByCode('bot', 'colourbot');
    const before = await plaintextToken('colourbot');
    const bot = world().userByLogin('colourbot')!;
    // Chat starts reading as the new bot; let it log in first, or it refreshes the token too.
    await expect
      .poll(() => sut.simulator!.twitch.chat.clients().map((client) => client.nick))
      .toContain('colourbot');
    world().tokens.expire(before.accessToken);

    // A real twurple client finds the token dead and refreshes it through the provider.
    const api = new ApiClient({ authProvider: sut.app.get(TwitchAuthProviders).for('bot') });
    const me = await api.asUser(bot.id, (ctx) => ctx.users.getUserById(bot.id));
    expect(me?.name).toBe('colourbot');

    await expect
      .poll(async () => (await plaintextToken('colourbot')).accessToken)
      .not.toBe(before.accessToken);
    const after = await plaintextToken('colourbot');
    expect(world().tokens.validate(after.accessToken)).toBeDefined();
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });

  it('marks an account whose refresh token Twitch revoked as needing reconnect', async () => {
    await connectByCode('bot', 'colourbot');
    const bot = world().userByLogin('colourbot')!;
    world().tokens.revokeAllFor(bot.id, clientId());

    await expect(
      sut.app.get(TwitchAuthProviders).for('bot').refreshAccessTokenForUser(bot.id),
    ).rejects.toThrow();

    await expect.poll(async () => (await listAccounts())[0]?.status).toBe('needs_reconnect');
    expect((await listAccounts())[0]?.problem).toMatch(/Connect the account again/);

    await connectByCode('bot', 'colourbot');
    expect((await listAccounts())[0]).toMatchObject({ status: 'connected', problem: null });
  });

  it.each([429, 400, 503])(
    'keeps an account connected when refreshing fails with HTTP %i, refreshes it on next use and logs no secret',
    async (status) => {
      await connectByCode('bot', 'colourbot');
      const bot = world().userByLogin('colourbot')!;
      const before = await plaintextToken('colourbot');
      const provider = sut.app.get(TwitchAuthProviders).for('bot');
      faults().inject('/auth/token', status);

      await expect(provider.refreshAccessTokenForUser(bot.id)).rejects.toThrow();

      await expect
        .poll(() =>
          provider.refreshAccessTokenForUser(bot.id).then(
            () => 'refreshed',
            (error: Error) => error.name,
          ),
        )
        .toBe('refreshed');
      await expect
        .poll(async () => (await plaintextToken('colourbot')).accessToken)
        .not.toBe(before.accessToken);
      expect((await listAccounts())[0]).toMatchObject({ status: 'connected', problem: null });
      const log = logLines.join('');
      expect(log).toContain(
        `Refreshing the token of bot account ${bot.id} failed (HttpStatusCodeError (HTTP ${status}))`,
      );
      expect(log).not.toContain(clientSecret());
      expect(log).not.toContain(before.refreshToken);
    },
  );

  it('keeps a newer grant when a refresh of the older one ends after it (slow, or on another replica)', async () => {
    await connectByCode('bot', 'colourbot');
    const bot = world().userByLogin('colourbot')!;
    const provider = sut.app.get(TwitchAuthProviders).for('bot');
    // Connected again where this process's provider did not see it.
    const newer = simulatedGrant(sut, bot.login, bot.displayName, 'bot');
    await sut.app.get(TokenVault).store(newer);

    await provider.refreshAccessTokenForUser(bot.id);

    await expect
      .poll(async () => (await provider.getAccessTokenForUser(bot.id))?.accessToken)
      .toBe(newer.token.accessToken);
    expect((await plaintextToken('colourbot')).accessToken).toBe(newer.token.accessToken);
  });

  it('does not mark a newer grant when Twitch refuses a refresh of the older one after it', async () => {
    await connectByCode('bot', 'colourbot');
    const bot = world().userByLogin('colourbot')!;
    const provider = sut.app.get(TwitchAuthProviders).for('bot');
    world().tokens.revokeAllFor(bot.id, clientId());
    // Connected again where this process's provider did not see it.
    const newer = simulatedGrant(sut, bot.login, bot.displayName, 'bot');
    await sut.app.get(TokenVault).store(newer);

    await expect(provider.refreshAccessTokenForUser(bot.id)).rejects.toThrow();

    await expect
      .poll(async () => (await provider.getAccessTokenForUser(bot.id))?.accessToken)
      .toBe(newer.token.accessToken);
    expect((await listAccounts())[0]).toMatchObject({ status: 'connected', problem: null });
  });

  it('connects an account by device code once the person approves on another device', async () => {
    const started = await team.admin.json<DeviceConnectFlow>('/api/twitch-accounts/device', {
      method: 'POST',
      body: JSON.stringify({ purpose: 'bot' }),
    });
    expect(started).toMatchObject({ status: 201, body: { status: 'pending', purpose: 'bot' } });
    const { flowId, userCode, verificationUri } = started.body;

    expect(verificationUri).toBe(
      `${sut.baseUrl}/demo/twitch/auth/activate?device-code=${userCode}`,
    );

    const approval = await answerDeviceActivation(sut.simulator!, verificationUri, {
      login: 'headlessbot',
    });
    expect(approval.status).toBe(200);

    await expect
      .poll(
        async () =>
          (await team.admin.json<DeviceConnectFlow>(`/api/twitch-accounts/device/${flowId}`)).body
            .status,
        { timeout: 15_000, interval: 500 },
      )
      .toBe('connected');
    const flow = await team.admin.json<DeviceConnectFlow>(`/api/twitch-accounts/device/${flowId}`);
    expect(flow.body.account).toMatchObject({ login: 'headlessbot', purpose: 'bot' });
    expect((await listAccounts()).map((account) => account.login)).toEqual(['headlessbot']);
  });

  it('reports a device connection that was declined', async () => {
    const started = await team.admin.json<DeviceConnectFlow>('/api/twitch-accounts/device', {
      method: 'POST',
      body: JSON.stringify({ purpose: 'broadcaster' }),
    });
    await answerDeviceActivation(sut.simulator!, started.body.verificationUri, 'cancel');

    await expect
      .poll(
        async () =>
          (
            await team.admin.json<DeviceConnectFlow>(
              `/api/twitch-accounts/device/${started.body.flowId}`,
            )
          ).body.status,
        { timeout: 15_000, interval: 500 },
      )
      .toBe('denied');
    expect(await listAccounts()).toEqual([]);
  });

  it('says in its own words when Twitch does not start a device connection', async () => {
    faults().inject('/auth/device', 500);

    const started = await team.admin.json<ApiErrorBody>('/api/twitch-accounts/device', {
      method: 'POST',
      body: JSON.stringify({ purpose: 'bot' }),
    });

    expect(started).toMatchObject({
      status: 503,
      body: { message: 'Twitch did not start a device connection. Try again in a moment.' },
    });
  });

  it('disconnects an account and revokes its token at Twitch', async () => {
    await connectByCode('bot', 'colourbot');
    const token = await plaintextToken('colourbot');
    const [account] = await listAccounts();

    const removed = await team.admin.fetch(`/api/twitch-accounts/${account!.id}`, {
      method: 'DELETE',
    });

    expect(removed.status).toBe(204);
    expect(await listAccounts()).toEqual([]);
    expect(world().tokens.validate(token.accessToken)).toBeUndefined();
  });

  it('sends the admin back with the reason when they decline at Twitch', async () => {
    const toTwitch = await team.admin.fetch('/api/twitch-accounts/connect?purpose=bot');
    const callback = await answerTwitchConsent(
      sut.simulator!,
      redirectTarget(toTwitch, sut.baseUrl),
      'cancel',
    );

    const landing = redirectTarget(await team.admin.fetch(callback.toString()), sut.baseUrl);

    expect(`${landing.pathname}${landing.search}`).toBe('/accounts?error=access_denied');
    expect(await listAccounts()).toEqual([]);
  });

  it("answers Twitch's other errors with a code, never with Twitch's words", async () => {
    const toTwitch = await team.admin.fetch('/api/twitch-accounts/connect?purpose=bot');
    const state = redirectTarget(toTwitch, sut.baseUrl).searchParams.get('state')!;
    const query = new URLSearchParams({
      error: 'server_error',
      error_description: 'Call +1 555 0100 to restore your account',
      state,
    });

    const landing = redirectTarget(
      await team.admin.fetch(`/api/twitch-accounts/callback?${query.toString()}`),
      sut.baseUrl,
    );

    expect(`${landing.pathname}${landing.search}`).toBe('/accounts?error=twitch_error');
  });

  it('sends the admin back with a code when exchanging the code fails, and logs no secret', async () => {
    faults().inject('/auth/token', 500);

    const landing = await connectByCode('bot', 'colourbot');

    expect(`${landing.pathname}${landing.search}`).toBe('/accounts?error=exchange_failed');
    expect(await listAccounts()).toEqual([]);
    const log = logLines.join('');
    expect(log).toContain('Connecting a bot account failed: HttpStatusCodeError (HTTP 500)');
    expect(log).not.toContain(clientSecret());
  });

  it('refuses a callback that this session did not start', async () => {
    const toTwitch = await team.owner.fetch('/api/twitch-accounts/connect?purpose=bot');
    const callback = await answerTwitchConsent(
      sut.simulator!,
      redirectTarget(toTwitch, sut.baseUrl),
      { login: 'sneakybot' },
    );

    const landing = redirectTarget(await team.admin.fetch(callback.toString()), sut.baseUrl);

    expect(`${landing.pathname}${landing.search}`).toBe('/accounts?error=state_mismatch');
    expect(await listAccounts()).toEqual([]);
  });

  it('says which purpose values exist when given a wrong one', async () => {
    const wrong = await team.admin.json<ApiErrorBody>('/api/twitch-accounts/device', {
      method: 'POST',
      body: JSON.stringify({ purpose: 'overlord' }),
    });

    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(
      /purpose must be one of the following values: broadcaster, bot/,
    );
  });
});
