import { expect, type Locator, type Page, test } from '@playwright/test';
import { ChatArchiveSite, uniqueWord } from '../support/chat-archive-site.js';

/** The messages page: the archive searched by words, channel, chatter and time. */
test.describe('message search', () => {
  let site: ChatArchiveSite;

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
  });

  test.afterAll(async () => {
    await site?.stop();
  });

  test.beforeEach(async ({ page }) => {
    await site.openAsOwner(page, '/messages');
    await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  });

  const rows = (page: Page): Locator =>
    page
      .getByRole('table', { name: 'Messages' })
      .getByRole('row')
      .filter({ has: page.getByTestId('line-text') });

  async function search(page: Page, text: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Text' }).fill(text);
    await page.getByTestId('search-submit').click();
  }

  test('finds lines by their words, in any order, across channels', async ({ page }) => {
    const [first, second] = site.channels;
    const word = uniqueWord();
    const fox = `the quick brown fox ${word} jumps`;
    const dog = `over the lazy dog ${word}`;
    await site.say(first!, site.freshChatter(), fox);
    await site.say(second!, site.freshChatter(), dog);
    await site.archivedMessages(page, { q: word }, 2);

    await search(page, word);

    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
    await expect(page.getByTestId('messages-total')).toHaveText(/^\s*2 messages/);
    // Newest first.
    await expect(rows(page).getByTestId('line-text')).toHaveText([dog, fox]);

    // Full-text: every word, wherever it stands in the line.
    await search(page, `fox ${word} quick`);
    await expect(page.getByTestId('messages-total')).toHaveText(/^\s*1 message\b/);
    await expect(rows(page).getByTestId('line-text')).toHaveText([fox]);

    await search(page, `fox ${word} cat`);
    await expect(page.getByTestId('messages-empty')).toContainText('No messages match');
  });

  test('narrows a search to a channel and to a chatter', async ({ page }) => {
    const [first, second] = site.channels;
    const alice = site.freshChatter();
    const bob = site.freshChatter();
    const word = uniqueWord();
    await site.say(first!, alice, `alice in the first ${word}`);
    await site.say(second!, alice, `alice in the second ${word}`);
    await site.say(first!, bob, `bob in the first ${word}`);
    await site.archivedMessages(page, { q: word }, 3);

    await page.getByRole('textbox', { name: 'Text' }).fill(word);
    await page.getByTestId('search-channel').click();
    await page.getByRole('option', { name: first!.broadcaster.displayName, exact: true }).click();
    await page.getByTestId('search-submit').click();

    await expect(page.getByTestId('messages-total')).toHaveText(/^\s*2 messages/);
    await expect(rows(page).getByTestId('line-text')).toHaveText([
      `bob in the first ${word}`,
      `alice in the first ${word}`,
    ]);

    await page.getByTestId('search-user').fill(alice.login);
    await page.getByRole('option', { name: new RegExp(`^${alice.displayName}\\b`) }).click();
    await page.getByTestId('search-submit').click();

    await expect(page).toHaveURL(new RegExp(`[?&]userId=${alice.id}`));
    await expect(rows(page).getByTestId('line-text')).toHaveText([`alice in the first ${word}`]);
    await expect(rows(page).getByTestId('line-author')).toHaveText([alice.displayName]);

    await page.getByTestId('search-reset').click();
    await expect(page).not.toHaveURL(/[?&]q=/);
    await expect(page.getByRole('textbox', { name: 'Text' })).toHaveValue('');
  });

  test('pages through a long result with its total', async ({ page }) => {
    const [channel] = site.channels;
    const chatter = site.freshChatter();
    const word = uniqueWord();
    for (let n = 1; n <= 55; n++) await site.say(channel!, chatter, `${word} number ${n}`);
    await site.archivedMessages(page, { q: word }, 55);

    await search(page, word);

    await expect(page.getByTestId('messages-total')).toHaveText(/^\s*55 messages/);
    const paginator = page.getByTestId('messages-paginator');
    await expect(paginator).toContainText('1 – 50 of 55');
    // Newest first: the first page ends with line 6, the last one holds the first five sent.
    const newestFirst = Array.from({ length: 55 }, (_, i) => `${word} number ${55 - i}`);
    await expect(rows(page).getByTestId('line-text')).toHaveText(newestFirst.slice(0, 50));

    await paginator.getByRole('button', { name: 'Next page' }).click();

    await expect(paginator).toContainText('51 – 55 of 55');
    await expect(page).toHaveURL(/[?&]offset=50/);
    await expect(rows(page).getByTestId('line-text')).toHaveText(newestFirst.slice(50));
  });

  test('marks a deleted message, and leaves it out on request', async ({ page }) => {
    const [, channel] = site.channels;
    const chatter = site.freshChatter();
    const word = uniqueWord();
    const message = await site.say(channel!, chatter, `regrettable words ${word}`);
    await site.say(channel!, chatter, `kind words ${word}`);
    await site.archivedMessages(page, { q: word }, 2);
    await site.deleteMessage(message);
    await site.archivedMessages(page, { q: word, includeDeleted: false }, 1);

    await search(page, word);

    const deleted = rows(page).filter({ hasText: 'regrettable words' });
    await expect(deleted.getByTestId('line-deleted')).toContainText(/^\s*Deleted \d/);
    await expect(deleted.getByTestId('line-text')).toHaveCSS(
      'text-decoration-line',
      'line-through',
    );
    await expect(
      rows(page).filter({ hasText: 'kind words' }).getByTestId('line-deleted'),
    ).toHaveCount(0);

    await page.getByRole('checkbox', { name: 'Include deleted' }).uncheck();
    await page.getByTestId('search-submit').click();

    await expect(page).toHaveURL(/[?&]includeDeleted=false/);
    await expect(rows(page).getByTestId('line-text')).toHaveText([`kind words ${word}`]);
  });
});
