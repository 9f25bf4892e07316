import { expect, test } from '@playwright/test';
import { ChatArchiveSite, uniqueWord } from '../support/chat-archive-site.js';

/**
 * The test panel fires stream events marked as tests: what it sends through the pipeline shows in
 * the events log as a test; what the server refuses is named field by field next to the editor.
 */
test.describe('test panel', () => {
  let site: ChatArchiveSite;

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
  });

  test.afterAll(async () => {
    await site?.stop();
  });

  test('fires a sub through the pipeline, which the events log shows marked as a test', async ({
    page,
  }) => {
    const [, channel] = site.channels;
    const login = uniqueWord('tester');
    const displayName = `Tester${login.slice(-4).toUpperCase()}`;
    await site.openAsOwner(page, '/test-panel');
    await expect(page.getByRole('heading', { level: 1, name: 'Test panel' })).toBeVisible();

    await page.getByTestId('test-channel').click();
    await page.getByRole('option', { name: channel!.broadcaster.displayName, exact: true }).click();
    await page.getByTestId('test-type-sub').click();
    const editor = page.getByTestId('payload-editor');
    // Prefilled from the server's sample of a sub.
    await expect(editor).toHaveValue(/"plan": "1000"/);
    await editor.fill(
      JSON.stringify({ user: { id: '987654321', login, displayName }, plan: '2000' }, null, 2),
    );
    await expect(page.getByTestId('preview-line')).toHaveText(
      `${displayName} subscribed at Tier 2`,
    );

    await page.getByTestId('send-pipeline').click();

    await expect(
      page.getByText(
        `Sent through the pipeline, logged as a test: ${displayName} subscribed at Tier 2.`,
      ),
    ).toBeVisible();
    await expect(page.getByTestId('last-sent-line')).toHaveText(
      `${displayName} subscribed at Tier 2`,
    );
    await page.getByRole('button', { name: 'Open in Events' }).click();

    await expect(page).toHaveURL(/\/events\?channelId=\d+&types=sub$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
    const row = page
      .getByTestId('event-row')
      .filter({ hasText: `${displayName} subscribed at Tier 2` });
    await expect(row).toHaveAttribute('data-test', 'true');
    await expect(row.getByTestId('event-test-badge')).toHaveText('Test');
    await expect(row).toContainText(channel!.broadcaster.displayName);

    // Leaving tests out leaves it out.
    await page.getByTestId('filter-include-tests').click();
    await expect(page).toHaveURL(/[?&]includeTests=false/);
    await expect(page.getByTestId('events-empty')).toContainText('No events match');
  });

  test('checks the JSON in the browser, and names the fields the server refuses', async ({
    page,
  }) => {
    await site.openAsOwner(page, '/test-panel');
    await page.getByTestId('test-type-follow').click();
    const editor = page.getByTestId('payload-editor');
    await expect(editor).toHaveValue(/"user"/);

    await editor.fill('{\n  "user": {\n    "id": "1",\n  }\n}');
    await expect(page.getByTestId('json-error')).toContainText('Not valid JSON at line 4');
    await expect(page.getByTestId('send-pipeline')).toBeDisabled();
    await expect(page.getByTestId('send-overlays')).toBeDisabled();

    await editor.fill('{ "user": { "id": 7, "login": "x", "displayName": "X" } }');
    await expect(page.getByTestId('json-error')).toHaveCount(0);
    await page.getByTestId('send-overlays').click();

    const errors = page.getByTestId('field-errors');
    await expect(errors).toBeVisible();
    await expect(errors.locator('[data-field="payload.user.id"]')).toContainText('user.id');
    await expect(page.getByTestId('last-sent')).toHaveCount(0);
  });

  test('shows a test on the overlays only, which the log does not keep', async ({ page }) => {
    await site.openAsOwner(page, '/test-panel');
    await page.getByTestId('test-type-raid').click();
    const editor = page.getByTestId('payload-editor');
    await expect(editor).toHaveValue(/"viewers": 120/);
    const raider = `Raider${uniqueWord('').slice(-6)}`;
    await editor.fill(
      JSON.stringify({
        from: { id: '5550001', login: raider.toLowerCase(), displayName: raider },
        viewers: 42,
      }),
    );

    await page.getByTestId('send-overlays').click();

    await expect(
      page.getByText(`Shown on the overlays, not logged: Raid from ${raider} with 42 viewers.`),
    ).toBeVisible();
    await expect(page.getByTestId('last-sent-target')).toContainText('not logged');
    await expect(page.getByTestId('last-sent-events-link')).toHaveCount(0);

    await page.goto(`${site.baseUrl}/events?user=${raider.toLowerCase()}`);
    await expect(page.getByTestId('events-empty')).toBeVisible();
  });
});
