import { type StreamEvent, type TestFireRequest } from '@integron/contracts';
import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { type SimChannel } from '@integron/simulator';
import { ChatArchiveSite, csrfHeaders } from '../support/chat-archive-site.js';

/**
 * The Overlays page: the OBS URL of each overlay with its settings and a key, a live preview
 * that needs no key, and the alert queue of the channel's open alert boxes.
 */
test.describe('overlays page', () => {
  let site: ChatArchiveSite;
  let channel: SimChannel;

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
    channel = site.channels[0]!;
  });

  test.afterAll(async () => {
    await site?.stop();
  });

  async function fire(page: Page, request: Omit<TestFireRequest, 'channelId'>) {
    const channelId = await site.channelId(page, channel);
    const response = await page.request.post(`${site.baseUrl}/api/events/test`, {
      data: { channelId, ...request },
      headers: await csrfHeaders(page),
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { event: StreamEvent }).event;
  }

  const follower = (name: string) => ({
    user: { id: String(900_000 + name.length), login: name.toLowerCase(), displayName: name },
  });

  async function openPage(page: Page): Promise<FrameLocator> {
    await site.openAsOwner(page, '/overlays');
    await expect(page.getByRole('heading', { level: 1, name: 'Overlays' })).toBeVisible();
    await page.getByTestId('channel-select').click();
    await page.getByRole('option', { name: channel.broadcaster.displayName, exact: true }).click();
    const preview = page.getByTestId('overlay-preview-alerts');
    await expect(preview).toBeVisible();
    const frame = page.frameLocator('[data-testid="overlay-preview-alerts"]');
    await expect(frame.locator('body')).toHaveAttribute('data-connection', 'ready');
    return frame;
  }

  test('builds an OBS URL with a new key that opens the overlay, as OBS would', async ({
    page,
    browser,
  }) => {
    await openPage(page);
    await expect(page.getByTestId('obs-url-missing-alerts')).toHaveText(
      'Paste or create a key above to get the URL.',
    );
    await page.getByTestId('alerts-duration').fill('7');
    await page.getByTestId('create-overlay-key').click();
    const url = page.getByTestId('obs-url-alerts');
    await expect(url).toHaveText(/\/overlay\/alerts\?duration=7000&key=ovk_/);

    // A browser source: no session, only the URL.
    const obs = await browser.newPage();
    await obs.goto((await url.textContent())!);
    await expect(obs.locator('body')).toHaveAttribute('data-connection', 'ready');
    await obs.close();
  });

  test("shows alerts live in the preview, and pauses, skips and clears the channel's alert boxes", async ({
    page,
  }) => {
    const frame = await openPage(page);
    const queue = page.getByTestId('alert-queue').getByTestId('alert-overlay').filter({
      hasText: 'Admin preview',
    });
    await expect(queue).toHaveCount(1);

    await fire(page, { type: 'follow', target: 'overlays', payload: follower('FirstFan') });
    await expect(frame.locator('.alert')).toHaveText('FirstFan followed');
    await expect(queue.getByTestId('alert-showing')).toContainText('FirstFan followed');

    await page.getByTestId('alerts-pause').click();
    await expect(page.getByTestId('alert-queue-status')).toHaveText('Paused');
    for (const name of ['SecondFan', 'ThirdFan'])
      await fire(page, { type: 'follow', target: 'overlays', payload: follower(name) });
    await expect(queue.getByTestId('alert-waiting')).toContainText('SecondFan followed');
    await expect(queue.getByTestId('alert-waiting')).toContainText('ThirdFan followed');

    // Skipping takes FirstFan off; paused, the next one waits.
    await page.getByTestId('alerts-skip').click();
    await expect(frame.locator('.alert')).toHaveCount(0);
    await expect(queue.getByText('Nothing on screen.')).toBeVisible();

    await page.getByTestId('alerts-clear').click();
    await expect(queue.getByText('None waiting.')).toBeVisible();
    await page.getByTestId('alerts-resume').click();
    await expect(page.getByTestId('alert-queue-status')).toHaveText('Running');
    await page.waitForTimeout(1_000);
    await expect(frame.locator('.alert')).toHaveCount(0);
  });

  test('replays a logged event of the channel in its alert boxes', async ({ page }) => {
    const frame = await openPage(page);
    const fired = await fire(page, {
      type: 'raid',
      target: 'pipeline',
      payload: { from: follower('RaidLeader').user, viewers: 42 },
    });
    await expect(frame.locator('.alert')).toContainText('RaidLeader raided');
    await expect(frame.locator('.alert')).toHaveCount(0, { timeout: 10_000 });
    await page.getByRole('button', { name: 'Refresh' }).click();

    const row = page.getByTestId('replayable-event').filter({ hasText: 'RaidLeader' });
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Replay' }).click();

    await expect(frame.locator('.alert')).toHaveAttribute('data-type', fired.type);
    await expect(frame.locator('.alert')).toContainText('RaidLeader raided with 42 viewers');
  });
});
