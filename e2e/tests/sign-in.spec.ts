import { CSRF_COOKIE, CSRF_HEADER } from '@integron/contracts';
import { expect, type Page, test } from '@playwright/test';
import { IntegronServer } from '../support/integron-server.js';
import { DEMO_USERS, signInWithTwitch } from '../support/sign-in.js';

/** The tests build on each other: the first person to sign in becomes owner. */
test.describe.serial('signing in and roles', () => {
  let server: IntegronServer;

  test.beforeAll(async () => {
    server = await IntegronServer.start();
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  async function invite(page: Page, login: string, role: 'moderator' | 'admin'): Promise<void> {
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE);
    const response = await page.request.post(`${server.baseUrl}/api/team`, {
      data: { login, role },
      headers: { [CSRF_HEADER]: csrf?.value ?? '' },
    });
    expect(response.status()).toBe(201);
  }

  test('sends someone who is not signed in to the sign-in page', async ({ page }) => {
    await page.goto(`${server.baseUrl}/team`);

    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByTestId('sign-in-button')).toBeVisible();
  });

  test('signs a newcomer in with one click on the simulated Twitch and shows the dashboard', async ({
    page,
  }) => {
    await signInWithTwitch(page, server.baseUrl, DEMO_USERS.captain);

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId('member-name')).toContainText('TeamCaptain');
    await expect(page.getByTestId('readiness')).toHaveAttribute('data-status', 'ready');
    for (const entry of ['nav-dashboard', 'nav-overlayKeys', 'nav-accounts', 'nav-team']) {
      await expect(page.getByTestId(entry)).toBeVisible();
    }
  });

  test('shows someone who is not on the team the "not a member" page', async ({ page }) => {
    await signInWithTwitch(page, server.baseUrl, DEMO_USERS.sally);

    await expect(page).toHaveURL(/\/not-a-member/);
    await expect(page.getByTestId('not-a-member')).toContainText('speedrunsally');
  });

  test('does not show a moderator the admin pages, nor open them', async ({ browser }) => {
    const owner = await browser.newPage();
    await signInWithTwitch(owner, server.baseUrl, DEMO_USERS.captain);
    await expect(owner).toHaveURL(/\/dashboard$/);
    await invite(owner, DEMO_USERS.paladin.login, 'moderator');
    await owner.close();

    const moderator = await browser.newPage();
    await signInWithTwitch(moderator, server.baseUrl, DEMO_USERS.paladin);

    await expect(moderator).toHaveURL(/\/dashboard$/);
    await expect(moderator.getByTestId('member-name')).toContainText('PixelPaladin');
    await expect(moderator.getByTestId('nav-dashboard')).toBeVisible();
    for (const entry of ['nav-overlayKeys', 'nav-accounts', 'nav-team']) {
      await expect(moderator.getByTestId(entry)).toHaveCount(0);
    }
    await moderator.goto(`${server.baseUrl}/team`);
    await expect(moderator.getByTestId('forbidden')).toBeVisible();
    await moderator.close();
  });

  test('signs out, after which the admin asks to sign in again', async ({ page }) => {
    await signInWithTwitch(page, server.baseUrl, DEMO_USERS.captain);
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.getByTestId('sign-out').click();

    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto(`${server.baseUrl}/dashboard`);
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
