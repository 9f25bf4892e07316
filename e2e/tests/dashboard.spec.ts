import { expect, test } from '@playwright/test';
import { IntegronServer } from '../support/integron-server.js';
import { DEMO_USERS, signInWithTwitch } from '../support/sign-in.js';

test.describe('admin dashboard', () => {
  let server: IntegronServer;

  test.beforeAll(async () => {
    server = await IntegronServer.start();
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test.beforeEach(async ({ page }) => {
    await signInWithTwitch(page, server.baseUrl, DEMO_USERS.captain);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('shows the live health of the server and its database', async ({ page }) => {
    await expect(page.getByTestId('readiness')).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('database-status')).toHaveAttribute('data-status', 'up');
    await expect(page.getByTestId('service-version')).toHaveText('0.1.0');
    await expect(page.getByTestId('service-mode')).toContainText(/demo/i);
  });

  test('opens a deep link directly and answers unknown pages with a 404 page', async ({ page }) => {
    await page.goto(`${server.baseUrl}/dashboard`);
    await expect(page.getByTestId('readiness')).toHaveAttribute('data-status', 'ready');

    await page.goto(`${server.baseUrl}/no/such/page`);
    await expect(page.getByRole('heading', { name: /page not found/i })).toBeVisible();
    await page
      .getByRole('link', { name: /dashboard/i })
      .first()
      .click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('loads no asset from outside the server', async ({ page }) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith('data:')) {
        foreign.push(request.url());
      }
    });

    await page.goto(`${server.baseUrl}/dashboard`);
    await expect(page.getByTestId('readiness')).toHaveAttribute('data-status', 'ready');

    expect(foreign).toEqual([]);
  });

  test('serves the overlay pages under /overlay/', async ({ page }) => {
    await page.goto(`${server.baseUrl}/overlay/`);

    await expect(page.getByTestId('overlay-server-status')).toHaveAttribute('data-status', 'ok');
    await expect(page.getByTestId('overlay-server-status')).toContainText('0.1.0');
  });

  test('answers app routes with the admin and missing files with 404', async ({ page }) => {
    const route = await page.request.get(`${server.baseUrl}/some/deep/route`);
    const missingChunk = await page.request.get(`${server.baseUrl}/chunk-GONE1234.js`);

    expect(route.status()).toBe(200);
    expect(route.headers()['content-type']).toContain('text/html');
    expect(missingChunk.status()).toBe(404);
  });

  test('renders the API docs within the security policy', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    await page.goto(`${server.baseUrl}/api/docs`);

    await expect(page.getByRole('heading', { name: /Integron API/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^twitch-accounts\b/ })).toBeVisible();
    expect(violations).toEqual([]);
  });

  // Last: it takes the database away from the shared server.
  test('says so when the database goes down', async ({ page }) => {
    await page.goto(`${server.baseUrl}/dashboard`);
    await expect(page.getByTestId('database-status')).toHaveAttribute('data-status', 'up');

    server.killPostgres();

    await expect(page.getByTestId('readiness')).toHaveAttribute('data-status', 'not_ready');
    await expect(page.getByTestId('database-status')).toHaveAttribute('data-status', 'down');
  });
});
