import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { type IssuedOverlayKey } from '@integron/contracts';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenVault } from '../../src/auth/token-vault/token-vault.js';
import { ChannelsService } from '../../src/channels/channels.service.js';
import { DemoSimulator } from '../../src/demo/demo-simulator.js';
import { answerTwitchConsent } from '../utils/simulated-twitch-login.js';
import { redirectTarget, signInTeam, type TeamSessions } from '../utils/sign-in.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('secrets in logs', () => {
  const lines: string[] = [];
  const encryptionKey = randomBytes(32).toString('base64');
  let sut: TestApp;
  let team: TeamSessions;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    sut = await startTestApp({
      env: { DEMO_TRAFFIC_RATE: '0', ENCRYPTION_KEY: encryptionKey },
      logger: pino({ level: 'trace' }, sink),
    });
    team = await signInTeam(sut, 'logs');
  });

  afterAll(async () => {
    await sut.close();
  });

  it('logs requests of a whole sign-in, connect and overlay session without a single secret', async () => {
    const toTwitch = await team.admin.fetch('/api/twitch-accounts/connect?purpose=bot');
    const callback = await answerTwitchConsent(
      sut.simulator!,
      redirectTarget(toTwitch, sut.baseUrl),
      {
        login: 'loggedbot',
      },
    );
    await team.admin.fetch(callback.toString());
    const [account] = await sut.app.get(TokenVault).list();
    const token = sut.app.get(TokenVault).tokenOf(account!);
    const channel = await sut.app
      .get(ChannelsService)
      .upsert({ twitchId: '777', login: 'logged', displayName: 'Logged' });
    const issued = await team.admin.json<IssuedOverlayKey>(
      `/api/channels/${channel.id}/overlay-keys`,
      {
        method: 'POST',
        body: JSON.stringify({ name: 'Logged' }),
      },
    );
    await fetch(`${sut.baseUrl}/api/overlay/session?key=${issued.body.key}`);

    const log = lines.join('');
    expect(log).toContain('/api/twitch-accounts/callback');
    expect(log).toContain('/api/overlay/session');
    const secrets = {
      accessToken: token.accessToken,
      refreshToken: token.refreshToken!,
      overlayKey: issued.body.key,
      authorizationCode: callback.searchParams.get('code')!,
      oauthState: callback.searchParams.get('state')!,
      encryptionKey,
      clientSecret: sut.app.get(DemoSimulator).twitchApp.clientSecret,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    }
  });

  it('redacts the query secrets of a request that fails on the server', async () => {
    const secrets = {
      overlayKey: `ovk_${randomBytes(24).toString('base64url')}`,
      authorizationCode: randomBytes(16).toString('hex'),
      oauthState: randomBytes(16).toString('hex'),
    };
    const query = new URLSearchParams({
      key: secrets.overlayKey,
      code: secrets.authorizationCode,
      state: secrets.oauthState,
    });
    await sut.database!.query('ALTER TABLE channels RENAME TO channels_away');
    let failed: Response;
    try {
      failed = await team.moderator.fetch(`/api/channels?${query.toString()}`);
    } finally {
      await sut.database!.query('ALTER TABLE channels_away RENAME TO channels');
    }

    expect(failed.status).toBe(500);
    const log = lines.join('');
    expect(log).toMatch(/GET \/api\/channels\?key=%5Bredacted%5D\S* failed/);
    for (const [name, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    }
  });
});
