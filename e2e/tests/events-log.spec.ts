import { expect, type Page, test } from '@playwright/test';
import { ChatArchiveSite, csrfHeaders } from '../support/chat-archive-site.js';

/**
 * The events log: what happens on the simulated Twitch (subs, gift bombs, raids) reaches the
 * events page as one readable line each, filtered by type and user, and comes in live while the
 * page is open without moving the rows already on it.
 */
test.describe('events log', () => {
  let site: ChatArchiveSite;

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
  });

  test.afterAll(async () => {
    await site?.stop();
  });

  const rows = (page: Page) => page.getByTestId('event-row');

  test('tells each event in one line, a gift bomb as one, and filters by type and user', async ({
    page,
  }) => {
    const [channel] = site.channels;
    const resubber = site.freshChatter();
    const gifter = site.freshChatter();
    const recipients = [site.freshChatter(), site.freshChatter(), site.freshChatter()];
    const raider = site.freshChatter();
    const events = site.simulator.twitch.events;
    await site.openAsOwner(page, '/events');
    await site.happen(
      events.subscription(channel!.broadcaster, resubber, {
        cumulativeMonths: 12,
        message: { text: 'A whole year already!' },
      }),
      events.gift(channel!.broadcaster, gifter, recipients),
      events.raid(channel!.broadcaster, raider, 120),
    );

    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).getByTestId('event-line')).toHaveText([
      `Raid from ${raider.displayName} with 120 viewers`,
      `${gifter.displayName} gifted 3 Tier 1 subs`,
      `${resubber.displayName} resubscribed for 12 months: A whole year already!`,
    ]);
    await expect(rows(page).first().getByTestId('event-ago')).toHaveText(/now|seconds? ago/);
    await expect(rows(page).getByTestId('event-test-badge')).toHaveCount(0);

    await page.getByTestId('type-gift').click();
    await expect(page).toHaveURL(/[?&]types=gift/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).getByTestId('event-detail')).toContainText(
      recipients.map((each) => each.displayName).join(', '),
    );

    await page.getByTestId('filter-clear').click();
    await page.getByTestId('filter-user').fill(raider.login.slice(0, 5));
    await expect(page).toHaveURL(new RegExp(`[?&]user=${raider.login.slice(0, 5)}`));
    await expect(rows(page).getByTestId('event-line')).toContainText([
      `Raid from ${raider.displayName} with 120 viewers`,
    ]);
  });

  test('takes new events in while open, leaving the rows on screen where they are', async ({
    page,
  }) => {
    const [, channel] = site.channels;
    const first = site.freshChatter();
    const second = site.freshChatter();
    const events = site.simulator.twitch.events;
    const channelId = await (async () => {
      await site.openAsOwner(page, '/events');
      return site.channelId(page, channel!);
    })();
    // Chat tells subs and raids, whether or not EventSub is connected.
    await site.happen(events.subscription(channel!.broadcaster, first));
    await page.goto(`${site.baseUrl}/events?channelId=${channelId}`);
    await expect(page.getByTestId('live-toggle').getByRole('switch')).toBeChecked();
    const subRow = rows(page).filter({ hasText: `${first.displayName} subscribed at Tier 1` });
    await expect(subRow).toHaveCount(1);
    // Marks the row's element: re-rendering it would lose the mark.
    await subRow.evaluate((row) => row.setAttribute('data-seen', 'yes'));

    await site.happen(events.raid(channel!.broadcaster, second, 7));

    await expect(rows(page).first()).toContainText(
      `Raid from ${second.displayName} with 7 viewers`,
    );
    await expect(rows(page).first()).toHaveClass(/fresh/);
    await expect(rows(page).nth(1)).toHaveAttribute('data-seen', 'yes');
    await expect(page.getByTestId('live-status')).toContainText('Updated');

    // Paused, the page stays as it is.
    await page.getByTestId('live-toggle').getByRole('switch').click();
    await expect(page.getByTestId('live-status')).toHaveText('Paused');
  });

  test('lets an admin re-fire an event, logged again as a test', async ({ page }) => {
    const [, , channel] = site.channels;
    const raider = site.freshChatter();
    await site.openAsOwner(page, '/events');
    const channelId = await site.channelId(page, channel!);
    await site.happen(site.simulator.twitch.events.raid(channel!.broadcaster, raider, 55));
    await page.goto(`${site.baseUrl}/events?channelId=${channelId}`);
    const line = `Raid from ${raider.displayName} with 55 viewers`;
    await expect(rows(page).filter({ hasText: line })).toHaveCount(1);

    await rows(page).filter({ hasText: line }).getByTestId('event-refire').click();
    await page.getByTestId('refire-pipeline').click();

    await expect(page.getByText(`Re-fired as a test through the pipeline: ${line}.`)).toBeVisible();
    await expect(rows(page).filter({ hasText: line })).toHaveCount(2);
    await expect(rows(page).first()).toHaveAttribute('data-test', 'true');
    await expect(rows(page).nth(1)).toHaveAttribute('data-test', 'false');
  });

  test('keeps polls only once an admin says so', async ({ page }) => {
    await site.openAsOwner(page, '/events');
    const keep = page.getByTestId('keep-live-only').getByRole('switch');
    await expect(keep).not.toBeChecked();

    await keep.click();
    await expect(
      page.getByText('Polls, predictions and shoutouts are kept in the log'),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('keep-live-only').getByRole('switch')).toBeChecked();

    const response = await page.request.put(`${site.baseUrl}/api/events/settings`, {
      data: { keepLiveOnlyEvents: false },
      headers: await csrfHeaders(page),
    });
    expect(response.status()).toBe(200);
  });
});
