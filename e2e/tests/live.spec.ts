import { expect, type Locator, type Page, test } from '@playwright/test';
import { ChatArchiveSite, uniqueWord } from '../support/chat-archive-site.js';

/** The live page: what happens in the team's chats appears as it happens. */
test.describe('live feed', () => {
  let site: ChatArchiveSite;

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
  });

  test.afterAll(async () => {
    await site?.stop();
  });

  test.beforeEach(async ({ page }) => {
    await site.openAsOwner(page, '/live');
    await expect(page.getByRole('heading', { level: 1, name: 'Live chat' })).toBeVisible();
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  });

  const feedOf = (page: Page): Locator => page.getByRole('log', { name: 'Live chat' });
  const lineWith = (page: Page, text: string): Locator =>
    feedOf(page).getByTestId('live-line').filter({ hasText: text });

  test('shows a line as it is sent, with its author and channel', async ({ page }) => {
    const [channel] = site.channels;
    const chatter = site.freshChatter();
    const text = `hello from the e2e ${uniqueWord()}`;

    await site.say(channel!, chatter, text);

    const line = lineWith(page, text);
    await expect(line).toHaveCount(1);
    await expect(line.getByTestId('line-author')).toHaveText(chatter.displayName);
    await expect(line.getByTestId('line-text')).toHaveText(text);
    await expect(line.getByTestId('line-channel')).toHaveText(`#${channel!.broadcaster.login}`);
  });

  test('highlights a ban and a timeout of a chatter', async ({ page }) => {
    const [channel] = site.channels;
    const banned = site.freshChatter();
    const timedOut = site.freshChatter();
    await site.say(channel!, banned, `about to be banned ${uniqueWord()}`);

    await site.ban(channel!, banned);
    await site.timeout(channel!, timedOut, 600);

    // IRC names neither the moderator nor a reason, and the target by login only.
    const ban = feedOf(page).getByTestId('live-mod-action').filter({ hasText: banned.login });
    await expect(ban).toHaveAttribute('data-type', 'ban');
    await expect(ban).toContainText(new RegExp(`A moderator banned ${banned.login}`, 'i'));
    const timeout = feedOf(page).getByTestId('live-mod-action').filter({ hasText: timedOut.login });
    await expect(timeout).toHaveAttribute('data-type', 'timeout');
    await expect(timeout).toContainText(new RegExp(`timed out ${timedOut.login} for 10 min`, 'i'));
    // Set apart from the chat lines around it.
    const background = await ban.evaluate((element) => getComputedStyle(element).backgroundColor);
    const lineBackground = await lineWith(page, banned.displayName)
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toBe(lineBackground);
    // The target's profile is one click away.
    await ban.getByRole('link', { name: 'profile' }).click();
    await expect(page.getByTestId('profile-name')).toHaveText(banned.displayName);
  });

  test('strikes a deleted line through', async ({ page }) => {
    const [, channel] = site.channels;
    const chatter = site.freshChatter();
    const kept = `this one stays ${uniqueWord()}`;
    const removed = `this one goes ${uniqueWord()}`;
    const message = await site.say(channel!, chatter, removed);
    await site.say(channel!, chatter, kept);
    await expect(lineWith(page, kept)).toHaveCount(1);

    await site.deleteMessage(message);

    const deleted = lineWith(page, removed);
    await expect(deleted.getByTestId('line-deleted')).toContainText('Deleted');
    await expect(deleted.getByTestId('line-text')).toHaveCSS(
      'text-decoration-line',
      'line-through',
    );
    await expect(lineWith(page, kept).getByTestId('line-deleted')).toHaveCount(0);
    await expect(lineWith(page, kept).getByTestId('line-text')).toHaveCSS(
      'text-decoration-line',
      'none',
    );
  });

  test('follows the newest line, holds new lines while paused, and shows them on resume', async ({
    page,
  }) => {
    const [channel] = site.channels;
    const chatter = site.freshChatter();
    const word = uniqueWord();
    for (let n = 1; n <= 40; n++) await site.say(channel!, chatter, `line ${n} of ${word}`);
    const last = lineWith(page, `line 40 of ${word}`);
    await expect(last).toHaveCount(1);
    await expect(last).toBeInViewport();
    await expect(lineWith(page, `line 1 of ${word}`)).not.toBeInViewport();

    await page.getByTestId('live-pause').click();
    await expect(page.getByTestId('live-pause')).toHaveText(/Resume/);
    const later = `said while paused ${uniqueWord()}`;
    await site.say(channel!, chatter, later);

    const resume = page.getByTestId('live-resume');
    await expect(resume).toHaveText(/1 new message/);
    await expect(lineWith(page, later)).toHaveCount(0);
    await expect(last).toBeInViewport();

    await resume.click();
    await expect(lineWith(page, later)).toBeInViewport();
    await expect(resume).toBeHidden();
    await expect(page.getByTestId('live-pause')).toHaveText(/Pause/);
  });

  test('pauses when the reader scrolls up', async ({ page }) => {
    const [channel] = site.channels;
    const chatter = site.freshChatter();
    const word = uniqueWord();
    for (let n = 1; n <= 40; n++) await site.say(channel!, chatter, `scroll ${n} of ${word}`);
    await expect(lineWith(page, `scroll 40 of ${word}`)).toBeInViewport();

    await feedOf(page).hover();
    await page.mouse.wheel(0, -2_000);

    await expect(page.getByTestId('live-resume')).toHaveText(/Back to the newest/);
    const later = `said while reading ${uniqueWord()}`;
    await site.say(channel!, chatter, later);
    await expect(page.getByTestId('live-resume')).toHaveText(/1 new message/);
    await expect(lineWith(page, later)).toHaveCount(0);
  });

  test('shows only the chosen channels', async ({ page }) => {
    const [first, second] = site.channels;
    const chatter = site.freshChatter();
    const word = uniqueWord();

    await page.getByTestId('live-channels').click();
    await page.getByRole('option', { name: first!.broadcaster.displayName }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/[?&]channel=/);

    // In order over the same IRC connection: the second channel's line comes first.
    await site.say(second!, chatter, `elsewhere ${word}`);
    await site.say(first!, chatter, `here ${word}`);

    await expect(lineWith(page, `here ${word}`)).toHaveCount(1);
    await expect(lineWith(page, `elsewhere ${word}`)).toHaveCount(0);
    // One channel chosen: the lines need no channel name.
    await expect(lineWith(page, `here ${word}`).getByTestId('line-channel')).toHaveCount(0);
  });

  test('filters the lines shown by text or chatter', async ({ page }) => {
    const [channel] = site.channels;
    const alice = site.freshChatter();
    const bob = site.freshChatter();
    const word = uniqueWord();
    await site.say(channel!, alice, `apples ${word}`);
    await site.say(channel!, bob, `bananas ${word}`);
    await expect(lineWith(page, `bananas ${word}`)).toHaveCount(1);

    await page.getByRole('textbox', { name: 'Filter by chatter or text' }).fill('apples');
    await expect(lineWith(page, word)).toHaveText([new RegExp(`apples ${word}`)]);

    await page.getByRole('textbox', { name: 'Filter by chatter or text' }).fill(bob.login);
    await expect(lineWith(page, word)).toHaveText([new RegExp(`bananas ${word}`)]);

    await page.getByRole('textbox', { name: 'Filter by chatter or text' }).fill(uniqueWord());
    await expect(page.getByTestId('live-empty')).toContainText('Nothing matches the filter');
  });
});
