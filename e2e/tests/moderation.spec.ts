import { type SimUser } from '@integron/simulator';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { ChatArchiveSite, uniqueWord } from '../support/chat-archive-site.js';

/**
 * The moderation page's review queue: each mod action with what its target wrote before it, to be
 * marked OK or flagged with a note. The third channel is the stats test's alone.
 */
test.describe('moderation review', () => {
  let site: ChatArchiveSite;

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
  });

  test.afterAll(async () => {
    await site?.stop();
  });

  /** The moderation page showing only the actions against `target`, under `status`. */
  async function openFor(page: Page, target: SimUser, status = 'pending'): Promise<void> {
    const query = new URLSearchParams({ targetId: target.id, target: target.login });
    if (status !== 'pending') query.set('status', status);
    await page.goto(`${site.baseUrl}/moderation?${query.toString()}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  }

  const actionsOf = (page: Page): Locator => page.getByTestId('mod-action');

  test('queues a ban as pending, with what its target wrote just before it', async ({ page }) => {
    const [channel] = site.channels;
    const target = site.freshChatter();
    const word = uniqueWord();
    await site.openAsOwner(page, '/moderation');
    await site.say(channel!, target, `buy followers at ${word}`);
    await site.say(channel!, target, `no really, ${word} is cheap`);
    await site.ban(channel!, target);
    await site.archivedModActions(page, { targetId: target.id }, 1);
    await page.reload();

    // The queue is what the page opens with.
    await expect(page.getByTestId('status-pending')).toHaveAttribute('class', /checked/);
    await page.getByTestId('filter-target').fill(target.login);
    await page.getByRole('option', { name: new RegExp(`^${target.displayName}\\b`) }).click();
    await page.getByTestId('filter-apply').click();

    await expect(page).toHaveURL(new RegExp(`[?&]targetId=${target.id}`));
    await expect(page.getByTestId('actions-total')).toHaveText(/^\s*1 action\b/);
    const ban = actionsOf(page);
    await expect(ban).toHaveAttribute('data-type', 'ban');
    await expect(ban).toHaveAttribute('data-status', 'pending');
    await expect(ban.getByTestId('action-status')).toHaveText('Pending review');
    await expect(ban).toContainText(channel!.broadcaster.displayName);

    await ban.getByRole('button', { expanded: false }).click();

    const context = ban.getByTestId('action-context');
    await expect(context.getByTestId('line-text')).toHaveText([
      `buy followers at ${word}`,
      `no really, ${word} is cheap`,
    ]);
    await expect(context.getByTestId('line-author')).toHaveText([
      target.displayName,
      target.displayName,
    ]);
  });

  test('flags an action with a note that is still there after a reload, and filters by status', async ({
    page,
  }) => {
    const [, channel] = site.channels;
    const target = site.freshChatter();
    const note = `Banned for a joke, look again ${uniqueWord()}`;
    await site.openAsOwner(page, '/moderation');
    await site.say(channel!, target, `just kidding ${uniqueWord()}`);
    await site.timeout(channel!, target, 300);
    await site.archivedModActions(page, { targetId: target.id, status: 'pending' }, 1);
    await openFor(page, target);

    const action = actionsOf(page);
    await expect(action).toHaveAttribute('data-type', 'timeout');
    await action.getByRole('button', { expanded: false }).click();
    await action.getByTestId('review-flagged').click();
    await action.getByRole('textbox', { name: 'Note' }).fill(note);
    await action.getByRole('button', { name: 'Save review' }).click();

    await expect(page.getByText('Marked Flagged.')).toBeVisible();
    await expect(action).toHaveAttribute('data-status', 'flagged');
    await expect(action.getByTestId('action-status')).toHaveText('Flagged');

    // Reviewed, it has left the queue.
    await page.reload();
    await expect(page.getByTestId('actions-empty')).toContainText('No mod actions match');

    await page.getByTestId('status-flagged').click();
    await expect(page).toHaveURL(/[?&]status=flagged/);
    const flagged = actionsOf(page);
    await expect(flagged).toHaveAttribute('data-status', 'flagged');
    await flagged.getByRole('button', { expanded: false }).click();
    await expect(flagged.getByRole('textbox', { name: 'Note' })).toHaveValue(note);
    await expect(flagged.getByTestId('reviewed-by')).toContainText('Flagged by teamcaptain');

    await page.getByTestId('status-ok').click();
    await expect(page.getByTestId('actions-empty')).toBeVisible();

    await page.getByTestId('status-all').click();
    await expect(actionsOf(page)).toHaveAttribute('data-status', 'flagged');
  });

  test('marks an action OK, and puts it back in the queue', async ({ page }) => {
    const [channel] = site.channels;
    const target = site.freshChatter();
    await site.openAsOwner(page, '/moderation');
    await site.say(channel!, target, `too many caps ${uniqueWord()}`);
    await site.timeout(channel!, target, 60);
    await site.archivedModActions(page, { targetId: target.id, status: 'pending' }, 1);
    await openFor(page, target);

    const action = actionsOf(page);
    await action.getByRole('button', { expanded: false }).click();
    await action.getByTestId('review-ok').click();
    await action.getByRole('button', { name: 'Save review' }).click();
    await expect(action).toHaveAttribute('data-status', 'ok');
    await site.archivedModActions(page, { targetId: target.id, status: 'ok' }, 1);

    await openFor(page, target, 'ok');
    const ok = actionsOf(page);
    await ok.getByRole('button', { expanded: false }).click();
    await ok.getByRole('button', { name: 'Back to pending' }).click();
    await expect(page.getByText('Back in the review queue.')).toBeVisible();
    await site.archivedModActions(page, { targetId: target.id, status: 'pending' }, 1);

    await openFor(page, target);
    await expect(actionsOf(page)).toHaveAttribute('data-status', 'pending');
  });

  test('filters by type and counts a channel’s actions by type', async ({ page }) => {
    const [, , channel] = site.channels;
    const first = site.freshChatter();
    const second = site.freshChatter();
    const third = site.freshChatter();
    await site.openAsOwner(page, '/moderation');
    await site.timeout(channel!, first, 600);
    await site.timeout(channel!, second, 60);
    await site.ban(channel!, third);
    const channelId = await site.channelId(page, channel!);
    await site.archivedModActions(page, { channelId }, 3);

    await page.getByTestId('filter-channel').click();
    await page.getByRole('option', { name: channel!.broadcaster.displayName, exact: true }).click();
    await page.getByTestId('filter-type').click();
    await page.getByRole('option', { name: 'Timeout', exact: true }).click();
    await page.getByTestId('filter-apply').click();

    await expect(page).toHaveURL(/[?&]type=timeout/);
    await expect(page.getByTestId('actions-total')).toHaveText(/^\s*2 actions/);
    await expect(actionsOf(page)).toHaveCount(2);
    for (const action of await actionsOf(page).all()) {
      await expect(action).toHaveAttribute('data-type', 'timeout');
    }
    const byType = page.getByTestId('stats-by-type');
    await expect(byType.locator('[data-type="timeout"] .type-count')).toHaveText('2');
    await expect(byType.locator('[data-type="ban"] .type-count')).toHaveText('1');
    await expect(page.getByTestId('stats-unattributed')).toContainText(
      '3 without a named moderator',
    );

    await page.getByTestId('filter-clear').click();
    await expect(page).not.toHaveURL(/[?&]type=/);
  });
});
