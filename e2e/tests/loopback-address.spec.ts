import { expect, test } from '@playwright/test';
import { IntegronServer } from '../support/integron-server.js';
import { DEMO_USERS, signInWithTwitch } from '../support/sign-in.js';

/** A newcomer who types 127.0.0.1 instead of the printed localhost address can still sign in. */
test.describe('opened on another loopback name', () => {
  let server: IntegronServer;

  test.beforeAll(async () => {
    server = await IntegronServer.start();
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('is sent to the printed address and signs in there', async ({ page }) => {
    const { port } = new URL(server.baseUrl);

    await signInWithTwitch(page, `http://127.0.0.1:${port}`, DEMO_USERS.captain);

    await expect(page).toHaveURL(`${server.baseUrl}/dashboard`);
    await expect(page.getByTestId('member-name')).toContainText(DEMO_USERS.captain.displayName);
  });

  test('keeps the page that was asked for', async ({ page }) => {
    const { port } = new URL(server.baseUrl);
    await signInWithTwitch(page, server.baseUrl, DEMO_USERS.captain);
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.goto(`http://127.0.0.1:${port}/messages?q=hello`);

    await expect(page).toHaveURL(`${server.baseUrl}/messages?q=hello`);
    await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  });
});
