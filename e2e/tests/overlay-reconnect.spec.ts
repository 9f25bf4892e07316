import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Channel, type IssuedOverlayKey } from '@integron/contracts';
import { expect, type Page, test } from '@playwright/test';
import { csrfHeaders } from '../support/chat-archive-site.js';
import { freePort, IntegronServer } from '../support/integron-server.js';
import { DEMO_USERS, signInWithTwitch } from '../support/sign-in.js';

/** An overlay page left open in OBS while the server restarts (same data, same port). */
test.describe.serial('overlay reconnect', () => {
  let dataDir: string;
  let port: number;
  let server: IntegronServer;
  let admin: Page;
  let channelId: string;
  let key: string;

  /** Demo mode without made-up traffic: only what the test fires reaches the overlay. */
  const start = () =>
    IntegronServer.start({ port, env: { DATA_DIR: dataDir, DEMO_TRAFFIC_RATE: '0' } });

  test.beforeAll(async ({ browser }) => {
    dataDir = await mkdtemp(join(tmpdir(), 'integron-e2e-restart-'));
    await chmod(dataDir, 0o755);
    port = await freePort();
    server = await start();
    admin = await browser.newPage();
    await signInWithTwitch(admin, server.baseUrl, DEMO_USERS.captain);
    await expect(admin).toHaveURL(/\/dashboard$/);
    const channels = (await (
      await admin.request.get(`${server.baseUrl}/api/channels`)
    ).json()) as Channel[];
    channelId = channels.find((channel) => channel.login === DEMO_USERS.captain.login)!.id;
    const issued = await admin.request.post(
      `${server.baseUrl}/api/channels/${channelId}/overlay-keys`,
      { data: { name: 'Restart' }, headers: await csrfHeaders(admin) },
    );
    expect(issued.status()).toBe(201);
    key = ((await issued.json()) as IssuedOverlayKey).key;
  });

  test.afterAll(async () => {
    await admin?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const raid = async (login: string, viewers: number) => {
    const response = await admin.request.post(`${server.baseUrl}/api/events/test`, {
      data: {
        channelId,
        type: 'raid',
        target: 'overlays',
        payload: { from: { id: String(90_000 + viewers), login, displayName: login }, viewers },
      },
      headers: await csrfHeaders(admin),
    });
    expect(response.status(), await response.text()).toBe(201);
  };

  test('keeps what it shows, says nothing while the server is away, and carries on after', async ({
    page,
  }) => {
    await page.goto(`${server.baseUrl}/overlay/feed.html?key=${key}&types=raid`);
    const body = page.locator('body');
    await expect(body).toHaveAttribute('data-connection', 'ready');
    await raid('before_restart', 1);
    const items = page.locator('.feed-item');
    await expect(items).toHaveText(['before_restart raided with 1 viewer']);

    await server.stop();

    await expect(body).toHaveAttribute('data-connection', 'reconnecting');
    await expect(items).toHaveText(['before_restart raided with 1 viewer']);
    await expect(page.getByTestId('overlay-notice')).toBeHidden();

    server = await start();

    await expect(body).toHaveAttribute('data-connection', 'ready', { timeout: 30_000 });
    await raid('after_restart', 2);
    await expect(items).toHaveText([
      'after_restart raided with 2 viewers',
      'before_restart raided with 1 viewer',
    ]);
    await expect(page.getByTestId('overlay-notice')).toBeHidden();
  });
});
