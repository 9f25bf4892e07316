import { expect, type Page, test } from '@playwright/test';
import { IntegronServer } from '../support/integron-server.js';
import { DEMO_USERS, signInWithTwitch } from '../support/sign-in.js';

/** From connecting a broadcaster to an OBS page that shows its channel, and loses it on revoke. */
test.describe.serial('overlay keys', () => {
  let server: IntegronServer;
  let admin: Page;
  let overlayUrl: string;

  test.beforeAll(async ({ browser }) => {
    server = await IntegronServer.start();
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    admin = await context.newPage();
    await signInWithTwitch(admin, server.baseUrl, DEMO_USERS.captain);
    await expect(admin).toHaveURL(/\/dashboard$/);
  });

  test.afterAll(async () => {
    await admin?.context().close();
    await server?.stop();
  });

  test('connects a broadcaster account through the simulated Twitch', async () => {
    await admin.getByTestId('nav-accounts').click();
    await admin.getByTestId('connect-broadcaster').click();
    await admin
      .getByRole('button', {
        name: `${DEMO_USERS.captain.displayName} (${DEMO_USERS.captain.login})`,
      })
      .click();

    await expect(admin.getByTestId(`account-${DEMO_USERS.captain.login}`)).toContainText(
      'Connected',
    );
  });

  test('issues a key whose overlay URL copies to the clipboard', async () => {
    await admin.getByTestId('nav-overlayKeys').click();
    await admin.getByTestId('channel-select').click();
    await admin.getByRole('option', { name: DEMO_USERS.captain.displayName, exact: true }).click();
    await expect(admin.getByTestId('keys-empty')).toBeVisible();
    await admin.getByTestId('key-name').fill('Main scene');
    await admin.getByTestId('create-key').click();

    const dialog = admin.getByTestId('issued-key-dialog');
    await expect(dialog).toBeVisible();
    overlayUrl = (await dialog.getByTestId('issued-overlay-url').textContent())?.trim() ?? '';
    expect(overlayUrl).toMatch(/\/overlay\/\?key=ovk_/);
    await dialog.getByRole('button', { name: /overlay URL/ }).click();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(overlayUrl);

    await admin.getByTestId('issued-key-close').click();
    await expect(admin.getByTestId('keys-table')).toContainText('Main scene');
  });

  test('opens the overlay page for its channel with that URL', async ({ page }) => {
    await page.goto(overlayUrl);

    const status = page.getByTestId('overlay-key-status');
    await expect(status).toHaveAttribute('data-state', 'ready');
    await expect(status).toContainText('TeamCaptain');
    await expect(status).toContainText('Main scene');
    // An OBS source: a transparent page whose notice gets out of the way once all is well.
    await expect(page.locator('.setup')).toBeHidden();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgba(0, 0, 0, 0)',
    );
    await expect(status).toBeHidden({ timeout: 15_000 });
  });

  test('cuts an open overlay page off when its key is revoked, and refuses it after', async ({
    page,
  }) => {
    await page.goto(overlayUrl);
    const status = page.getByTestId('overlay-key-status');
    await expect(status).toHaveAttribute('data-state', 'ready');

    await admin.getByRole('button', { name: 'Revoke Main scene' }).click();
    await admin.getByTestId('confirm').click();
    await expect(admin.getByTestId('keys-empty')).toBeVisible();

    await expect(status).toHaveAttribute('data-state', 'withdrawn');
    await expect(status).toBeVisible();
    await page.reload();
    await expect(status).toHaveAttribute('data-state', 'refused');
    await expect(status).toContainText('Overlay keys page');
  });

  test('tells someone who opens the overlay page without a key what to do', async ({ page }) => {
    await page.goto(`${server.baseUrl}/overlay/`);

    await expect(page.getByTestId('overlay-key-status')).toHaveAttribute('data-state', 'no-key');
    await expect(page.getByTestId('overlay-server-status')).toHaveAttribute('data-status', 'ok');
  });
});
