import { readFile } from 'node:fs/promises';
import { type SimUser } from '@integron/simulator';
import { expect, test } from '@playwright/test';
import { ChatArchiveSite, uniqueWord } from '../support/chat-archive-site.js';

/** A chatter's profile: what they said where, what was done about it, and an export of it. */
test.describe('user profile', () => {
  let site: ChatArchiveSite;
  let chatter: SimUser;
  let word: string;
  let said: string[];

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
    const [first, second] = site.channels;
    chatter = site.freshChatter();
    word = uniqueWord();
    said = [
      `good morning ${word}`,
      `what a play ${word}`,
      `see you later ${word}`,
      `hello over here ${word}`,
    ];
    await site.say(first!, chatter, said[0]!);
    await site.say(first!, chatter, said[1]!);
    await site.say(first!, chatter, said[2]!);
    await site.say(second!, chatter, said[3]!);
    await site.timeout(first!, chatter, 600);
    await site.ban(second!, chatter);

    const page = await browser.newPage();
    await site.openAsOwner(page, '/');
    await site.archivedMessages(page, { q: word }, said.length);
    await site.archivedModActions(page, { targetId: chatter.id }, 2);
    await page.close();
  });

  test.afterAll(async () => {
    await site?.stop();
  });

  test('opens a chatter found on the Chatters page, with their stats, messages and mod actions', async ({
    page,
  }) => {
    const [first, second] = site.channels;
    await site.openAsOwner(page, '/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Chatters' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Login or display name' }).fill(chatter.login);
    const row = page
      .getByRole('table', { name: 'Chatters' })
      .locator(`[data-login="${chatter.login}"]`);
    await expect(row.getByRole('cell').nth(1)).toHaveText('4');
    await row.getByRole('link', { name: chatter.displayName }).click();

    await expect(page).toHaveURL(new RegExp(`/users/${chatter.id}$`));
    await expect(page.getByTestId('profile-name')).toHaveText(chatter.displayName);
    await expect(page.getByTestId('stat-messages')).toHaveText('4');
    await expect(page.getByTestId('stat-timeouts')).toHaveText('1');
    await expect(page.getByTestId('stat-bans')).toHaveText('1');

    const perChannel = page.getByRole('table', { name: 'Per channel' });
    await expect(
      perChannel.getByRole('row').filter({ hasText: first!.broadcaster.displayName }),
    ).toContainText('3');
    await expect(
      perChannel.getByRole('row').filter({ hasText: second!.broadcaster.displayName }),
    ).toContainText('1');

    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByTestId('line-text')).toHaveCount(4);
    for (const text of said) await expect(timeline).toContainText(text);

    const actions = page.getByTestId('profile-mod-actions').getByRole('listitem');
    await expect(actions).toHaveCount(2);
    await expect(actions.and(page.locator('[data-type="timeout"]'))).toContainText(
      'Timeout (10 min)',
    );
    await expect(actions.and(page.locator('[data-type="timeout"]'))).toContainText(
      `in ${first!.broadcaster.displayName}`,
    );
    await expect(actions.and(page.locator('[data-type="ban"]'))).toContainText(
      `in ${second!.broadcaster.displayName}`,
    );
    await expect(actions.first()).toContainText('Pending review');
  });

  test("filters the chatter's messages to one channel", async ({ page }) => {
    const [, second] = site.channels;
    await site.openAsOwner(page, `/users/${chatter.id}`);
    await expect(page.getByTestId('timeline').getByTestId('line-text')).toHaveCount(4);

    await page.getByTestId('timeline-channel').click();
    await page.getByRole('option', { name: second!.broadcaster.displayName, exact: true }).click();

    await expect(page.getByTestId('timeline').getByTestId('line-text')).toHaveText([said[3]!]);
  });

  test('opens the profile of the author of a search result', async ({ page }) => {
    await site.openAsOwner(page, `/messages?q=${word}`);
    const line = page
      .getByRole('table', { name: 'Messages' })
      .getByRole('row')
      .filter({ hasText: said[1]! });

    await line.getByTestId('line-author').click();

    await expect(page).toHaveURL(new RegExp(`/users/${chatter.id}$`));
    await expect(page.getByTestId('profile-name')).toHaveText(chatter.displayName);
  });

  test('exports their messages as CSV, showing progress until the file is saved', async ({
    page,
  }) => {
    await site.openAsOwner(page, `/users/${chatter.id}`);
    await expect(page.getByTestId('profile-name')).toHaveText(chatter.displayName);
    // The export is held on its way until the page has shown that it is under way.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/exports/messages?*', async (route) => {
      await held;
      await route.continue();
    });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();

    const progress = page.getByTestId('export-progress');
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
    await expect(page.getByTestId('export-progress-text')).toHaveText(/0\s+rows/);
    await expect(page.getByTestId('export-cancel')).toBeVisible();
    release();

    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${chatter.login}-messages-.*\\.csv$`));
    const csv = await readFile(await file.path(), 'utf8');
    const lines = csv.trimEnd().split(/\r?\n/);
    expect(lines).toHaveLength(1 + said.length);
    for (const text of said) expect(csv).toContain(text);
    expect(lines[0]).toMatch(/text/i);
    await expect(progress).toBeHidden();
    await expect(page.getByText(`Exported 4 messages of ${chatter.login}`)).toBeVisible();
  });
});
