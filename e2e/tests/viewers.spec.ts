import { expect, test } from '@playwright/test';
import { ChatArchiveSite, uniqueWord } from '../support/chat-archive-site.js';

/** The viewers table: per-channel numbers, sorted by the server, each row a way to the profile. */
test.describe('viewers', () => {
  let site: ChatArchiveSite;

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
  });

  test.afterAll(async () => {
    await site?.stop();
  });

  test('sorts by messages and bits, and opens a chatter’s profile from a row', async ({ page }) => {
    const [channel] = site.channels;
    const talker = site.freshChatter();
    const cheerer = site.freshChatter();
    const word = uniqueWord();
    const events = site.simulator.twitch.events;
    await site.openAsOwner(page, '/viewers');
    await expect(page.getByRole('heading', { level: 1, name: 'Viewers' })).toBeVisible();
    for (const text of ['one', 'two', 'three']) {
      await site.say(channel!, talker, `${text} ${word}`);
    }
    await site.happen(
      events.chatMessage(channel!.broadcaster, cheerer, `cheer100 ${word}`, { bits: 100 }),
    );
    await site.archivedMessages(page, { q: word }, 4);
    const channelId = await site.channelId(page, channel!);

    await page.goto(`${site.baseUrl}/viewers?channelId=${channelId}`);
    const table = page.getByRole('table', { name: 'Viewers' });
    const logins = () => table.getByTestId('viewer-row');
    await expect(logins()).toHaveCount(2);
    await expect(logins().nth(0)).toHaveAttribute('data-login', talker.login);
    await expect(logins().nth(0).getByTestId('viewer-messages')).toHaveText('3');
    await expect(logins().nth(1)).toHaveAttribute('data-login', cheerer.login);
    await expect(logins().nth(1).getByTestId('viewer-bits')).toHaveText('100');

    await table.getByRole('button', { name: 'Bits' }).click();
    await expect(page).toHaveURL(/[?&]sort=bits/);
    await expect(logins().nth(0)).toHaveAttribute('data-login', cheerer.login);

    await table.getByRole('button', { name: 'Messages' }).click();
    await table.getByRole('button', { name: 'Messages' }).click();
    await expect(page).toHaveURL(/[?&]order=asc/);
    await expect(logins().nth(0)).toHaveAttribute('data-login', cheerer.login);
    await expect(table.getByRole('columnheader', { name: 'Messages' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await page.getByTestId('viewers-search').fill(talker.login.slice(0, 6));
    await expect(page).toHaveURL(new RegExp(`[?&]q=${talker.login.slice(0, 6)}`));
    await expect(logins()).toHaveCount(1);

    await logins().first().getByTestId('viewer-messages').click();
    await expect(page).toHaveURL(new RegExp(`/users/${talker.id}$`));
    await expect(page.getByTestId('profile-name')).toHaveText(talker.displayName);
  });
});
