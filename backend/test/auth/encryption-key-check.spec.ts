import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TwitchAccount } from '@integron/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenVault } from '../../src/auth/token-vault/token-vault.js';
import { TwitchAccountsService } from '../../src/twitch/accounts/twitch-accounts.service.js';
import { type Environment } from '../../src/config/app-config.js';
import { DatabaseTarget } from '../../src/database/database-target.js';
import { signInTeam } from '../utils/sign-in.js';
import { simulatedGrant } from '../utils/simulated-grant.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { TestDatabase } from '../utils/test-database.js';
import { makeTempDir } from '../utils/temp-dir.js';

/** Live mode: no simulator to leave running when a start is refused. */
const LIVE = { TWITCH_CLIENT_ID: 'abcdefghij0123', TWITCH_CLIENT_SECRET: 's3cr3ts3cr3ts3cr3t' };
const START_OVER =
  'Or start over without it: delete the connected accounts (DELETE FROM twitch_accounts;), start again and connect them anew.';

describe('the encryption key and the data sealed with it', () => {
  let database: TestDatabase;
  let dataDir: string;
  let keyFile: string;
  let running: TestApp | undefined;

  beforeEach(async () => {
    database = await TestDatabase.create();
    dataDir = await makeTempDir('key-check');
    keyFile = join(dataDir, 'secrets', 'encryption.key');
  });

  afterEach(async () => {
    await running?.close();
    running = undefined;
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Integron (again) on this test's database, its key in DATA_DIR unless ENCRYPTION_KEY is given. */
  async function start(env: Environment = {}): Promise<TestApp> {
    await running?.close();
    running = undefined;
    running = await startTestApp({
      database: new DatabaseTarget(database.url, 'external'),
      env: { DEMO_TRAFFIC_RATE: '0', DATA_DIR: dataDir, ENCRYPTION_KEY: undefined, ...env },
    });
    return running;
  }

  async function stop(): Promise<void> {
    await running?.close();
    running = undefined;
  }

  const connectBot = (sut: TestApp) =>
    sut.app
      .get(TwitchAccountsService)
      .connect(simulatedGrant(sut, 'sealedbot', 'SealedBot', 'bot'));

  async function recordedFingerprint(): Promise<unknown> {
    const { rows } = await database.query<{ value: unknown }>(
      `SELECT value FROM settings WHERE key = 'encryption.key_check'`,
    );
    return rows[0]?.value;
  }

  const fingerprintOf = (key: Buffer) =>
    createHmac('sha256', key).update('integron-key-check').digest('hex');

  it('records a fingerprint of the key in the database, never the key', async () => {
    await start();
    const key = Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64');

    const { rows } = await database.query('SELECT * FROM settings');

    expect(await recordedFingerprint()).toBe(fingerprintOf(key));
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(key.toString('base64'));
    expect(stored).not.toContain(key.toString('hex'));
  });

  it('refuses to start when the key file is lost while accounts are sealed with it, and starts once it is back', async () => {
    await connectBot(await start());
    await stop();
    const backup = await readFile(keyFile);
    await rm(keyFile);

    await expect(start(LIVE)).rejects.toThrow(
      `The encryption key file ${keyFile} is missing, and the database holds 1 connected Twitch account encrypted with the key it held. ` +
        `Restore the previous key file from a backup (chmod 600), or set ENCRYPTION_KEY to the previous key. ${START_OVER}`,
    );
    expect(existsSync(keyFile)).toBe(false);

    await writeFile(keyFile, backup, { mode: 0o600 });
    const restored = await start();
    // A new start brings a new simulated Twitch, which may refuse the old grant: that is not the
    // point here. The point is that the restored key opens what it sealed.
    const vault = restored.app.get(TokenVault);
    const [account] = await vault.list();
    expect(account).toMatchObject({ login: 'sealedbot' });
    expect(account?.problem ?? '').not.toMatch(/encryption key/);
    expect(vault.tokenOf(account!).accessToken).toMatch(/^[0-9a-f]{30}$/);
  });

  it('refuses an ENCRYPTION_KEY other than the one the accounts were sealed with', async () => {
    await connectBot(await start({ ENCRYPTION_KEY: randomBytes(32).toString('base64') }));
    await stop();

    await expect(
      start({ ...LIVE, ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
    ).rejects.toThrow(
      `The database holds 1 connected Twitch account encrypted with a different key than ENCRYPTION_KEY. ` +
        `Set ENCRYPTION_KEY to the previous key, or unset it if the previous key is in ${keyFile}. ${START_OVER}`,
    );
  });

  it('uses a new key when nothing was sealed with the old one', async () => {
    await start({ ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    const next = randomBytes(32);

    await start({ ENCRYPTION_KEY: next.toString('base64') });

    expect(await recordedFingerprint()).toBe(fingerprintOf(next));
  });

  it('marks accounts whose tokens no longer open as needing reconnect, and disconnects them', async () => {
    await connectBot(await start({ ENCRYPTION_KEY: randomBytes(32).toString('base64') }));
    await stop();
    // As a database from before key fingerprints were recorded.
    await database.query(`DELETE FROM settings WHERE key = 'encryption.key_check'`);

    const sut = await start({ ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    const { admin } = await signInTeam(sut, 'rekeyed');
    const listed = await admin.json<TwitchAccount[]>('/api/twitch-accounts');

    expect(listed.body).toMatchObject([{ login: 'sealedbot', status: 'needs_reconnect' }]);
    expect(listed.body[0]!.problem).toMatch(/encryption key/);

    const removed = await admin.fetch(`/api/twitch-accounts/${listed.body[0]!.id}`, {
      method: 'DELETE',
    });

    expect(removed.status).toBe(204);
    expect((await admin.json<TwitchAccount[]>('/api/twitch-accounts')).body).toEqual([]);
  });
});
