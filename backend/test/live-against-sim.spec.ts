import { rm } from 'node:fs/promises';
import {
  type ArchiveHealth,
  type Channel,
  type HealthInfo,
  type SessionMember,
} from '@integron/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './utils/free-port.js';
import { HttpBrowser } from './utils/http-browser.js';
import { IntegronProcess } from './utils/integron-process.js';
import { uniqueLoopbackAddress } from './utils/loopback-address.js';
import { SimulatorProcess } from './utils/simulator-process.js';
import { makeTempDir } from './utils/temp-dir.js';
import { TestDatabase } from './utils/test-database.js';
import { signInOnTwitchPage } from './utils/twitch-page-sign-in.js';

const JOIN_MS = 15_000;
const ARCHIVE_MS = 20_000;

/**
 * The two-terminal workflow the README documents: `npm run sim` in one, and in the other the built
 * backend started with nothing but the settings the simulator printed. Integron runs its live mode
 * (no simulator of its own) and reaches the simulator only over the network, as it would any
 * Twitch-compatible server.
 */
describe('live mode against npm run sim', () => {
  const chatHost = uniqueLoopbackAddress();
  let db: TestDatabase;
  let dataDir: string;
  let simulator: SimulatorProcess;
  let integron: IntegronProcess;
  let owner: HttpBrowser;
  let channelLogin: string;

  beforeAll(async () => {
    db = await TestDatabase.create();
    dataDir = await makeTempDir('live-sim');
    const integronPort = await freePort();
    simulator = await SimulatorProcess.start([
      ...['--chat-host', chatHost, '--api-port', '0', '--rate', '60'],
      ...['--public-url', `http://localhost:${integronPort}`],
    ]);
    integron = await IntegronProcess.start(
      { ...simulator.printed.env, DATA_DIR: dataDir, DATABASE_URL: db.url },
      dataDir,
    );
    owner = new HttpBrowser(integron.baseUrl);
    channelLogin = simulator.printed.channelLogins[0] ?? '';
  }, 90_000);

  afterAll(async () => {
    await integron?.stop();
    await simulator?.stop();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** What went on in both terminals, for a failed expectation. */
  const logs = () => `npm run sim:\n${simulator.log}\nIntegron:\n${integron.log}`;

  it('is started by the printed settings alone, in live mode', async () => {
    const health = await owner.json<HealthInfo>('/api/health');

    const { env } = simulator.printed;
    expect(Object.keys(env).sort()).toEqual([
      'PORT',
      'TWITCH_CHAT_HOST',
      'TWITCH_CLIENT_ID',
      'TWITCH_CLIENT_SECRET',
      'TWURPLE_MOCK_API_PORT',
    ]);
    expect(env).toMatchObject({ TWITCH_CHAT_HOST: chatHost, PORT: new URL(integron.baseUrl).port });
    expect(health.body.mode).toBe('live');
  });

  it("signs the first person in as owner on the simulated Twitch's own page", async () => {
    const signIn = await signInOnTwitchPage(owner, channelLogin);

    expect(signIn.authorizeUrl.origin).toBe(
      `http://localhost:${simulator.printed.env.TWURPLE_MOCK_API_PORT}`,
    );
    expect(signIn.landing.pathname).toBe('/dashboard');
    await expect(owner.json<SessionMember>('/api/auth/me')).resolves.toMatchObject({
      status: 200,
      body: { login: channelLogin, role: 'owner' },
    });
  });

  it('adds a simulated channel by login and joins its chat', async () => {
    const added = await owner.json<Channel>('/api/channels', {
      method: 'POST',
      body: JSON.stringify({ login: channelLogin }),
    });

    expect(added, logs()).toMatchObject({ status: 201, body: { login: channelLogin } });
    await expect
      .poll(
        async () => {
          const { body } = await owner.json<Channel[]>('/api/channels');
          return body.find((channel) => channel.login === channelLogin)?.connection;
        },
        { timeout: JOIN_MS },
      )
      .toMatchObject({ state: 'joined', readingAs: null });
  });

  it("archives the simulator's generated chat of that channel, and only of that channel", async () => {
    const chatLinesPerChannel = async () =>
      (
        await db.query<{ login: string; chatLines: number }>(
          `SELECT c.login, count(*) FILTER (WHERE m.kind = 1 AND m.raw LIKE '% PRIVMSG #' || c.login || ' :%')::int AS "chatLines"
             FROM messages m JOIN channels c ON c.id = m.channel_id
            GROUP BY c.login`,
        )
      ).rows;

    await expect
      .poll(async () => (await chatLinesPerChannel())[0]?.chatLines ?? 0, { timeout: ARCHIVE_MS })
      .toBeGreaterThan(10);
    const rows = await chatLinesPerChannel();
    expect(
      rows.map((row) => row.login),
      logs(),
    ).toEqual([channelLogin]);
    const { body: health } = await owner.json<ArchiveHealth>('/api/archive/health');
    expect(health.writtenTotal).toBeGreaterThanOrEqual(rows[0]!.chatLines);
  });
});
