import { type IssuedOverlayKey, type StreamEvent, type TestFireRequest } from '@integron/contracts';
import { type SimChannel, type SimUser } from '@integron/simulator';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { ChatArchiveSite, csrfHeaders, uniqueWord } from '../support/chat-archive-site.js';

/** A 1×1 PNG for Twitch's image CDN, which the machines cannot reach. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The OBS overlay pages (feed, alerts, chat) of a channel, fed by what happens on a simulated
 * Twitch over real IRC, and by the test panel's endpoint.
 */
test.describe('overlay pages', () => {
  let site: ChatArchiveSite;
  let admin: Page;
  let key: string;
  let channel: SimChannel;
  let channelId: string;

  test.beforeAll(async ({ browser }) => {
    site = await ChatArchiveSite.start();
    await site.setUpTeam(browser);
    channel = site.channels[0]!;
    admin = await signedIn(browser, site);
    channelId = await site.channelId(admin, channel);
    const issued = await admin.request.post(
      `${site.baseUrl}/api/channels/${channelId}/overlay-keys`,
      { data: { name: 'OBS' }, headers: await csrfHeaders(admin) },
    );
    expect(issued.status()).toBe(201);
    key = ((await issued.json()) as IssuedOverlayKey).key;
  });

  test.afterAll(async () => {
    await admin?.close();
    await site?.stop();
  });

  /**
   * Opens an overlay page of the channel, as OBS would, and waits until it is connected. Twitch's
   * image CDN answers with a pixel, or not at all when `imagesLoad` is false.
   */
  async function open(page: Page, path: string, imagesLoad = true): Promise<void> {
    await page.route('https://static-cdn.jtvnw.net/**', (route) =>
      imagesLoad ? route.fulfill({ contentType: 'image/png', body: PIXEL }) : route.abort(),
    );
    await page.goto(`${site.baseUrl}/overlay/${path}${path.includes('?') ? '&' : '?'}key=${key}`);
    await expect(page.locator('body')).toHaveAttribute('data-connection', 'ready');
  }

  const events = () => site.simulator.twitch.events;
  const fire = async (request: Omit<TestFireRequest, 'channelId'>): Promise<StreamEvent> => {
    const response = await admin.request.post(`${site.baseUrl}/api/events/test`, {
      data: { channelId, ...request },
      headers: await csrfHeaders(admin),
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { event: StreamEvent }).event;
  };
  const ref = (user: SimUser) => ({
    id: user.id,
    login: user.login,
    displayName: user.displayName,
  });

  test.describe('feed', () => {
    test('lists a gift bomb as one entry, subs and raids, newest on top, chat when asked', async ({
      page,
    }) => {
      await open(page, 'feed.html?types=chat,sub,gift,raid&max=50');
      const [gifter, subscriber, raider, chatter] = [0, 1, 2, 3].map(() => site.freshChatter());
      const recipients = [0, 1, 2, 3, 4].map(() => site.freshChatter());
      const text = `feed line <b>${uniqueWord()}</b>`;

      await site.happen(events().gift(channel.broadcaster, gifter!, recipients));
      await expect(page.locator('.feed-item--gift')).toHaveCount(1);
      await site.happen(
        events().subscription(channel.broadcaster, subscriber!),
        events().raid(channel.broadcaster, raider!, 321),
      );
      await site.say(channel, chatter!, text);

      const items = page.locator('.feed-item');
      await expect(items).toHaveCount(4);
      await expect(page.locator('.feed-item--gift')).toHaveText(
        `${gifter!.displayName} gifted 5 subs`,
      );
      await expect(page.locator('.feed-item--sub')).toHaveText(
        `${subscriber!.displayName} subscribed`,
      );
      await expect(page.locator('.feed-item--raid')).toHaveText(
        `${raider!.displayName} raided with 321 viewers`,
      );
      await expect(page.locator('.feed-item--chat .feed-text')).toHaveText(text);
      await expect(page.locator('.feed-item--chat b')).toHaveCount(0);
      // Newest on top: the gift came first, so it is at the bottom.
      await expect(items.last()).toHaveAttribute('data-type', 'gift');
      await expect(page.locator('.feed-amount').first()).toBeVisible();
    });

    test('shows only the types asked for, at most max of them', async ({ page }) => {
      await open(page, 'feed.html?types=raid&max=2');
      const raiders = [0, 1, 2].map(() => site.freshChatter());

      for (const [i, raider] of raiders.entries())
        await site.happen(events().raid(channel.broadcaster, raider, 10 + i));
      await site.happen(events().subscription(channel.broadcaster, site.freshChatter()));
      await site.say(channel, site.freshChatter(), `not in this feed ${uniqueWord()}`);

      const items = page.locator('.feed-item');
      await expect(items.first()).toContainText(raiders[2]!.displayName);
      await expect(items).toHaveText([
        `${raiders[2]!.displayName} raided with 12 viewers`,
        `${raiders[1]!.displayName} raided with 11 viewers`,
      ]);
    });

    test('says which settings it did not understand, then gets out of the way', async ({
      page,
    }) => {
      await open(page, 'feed.html?types=raid,party&max=500');

      const notice = page.getByTestId('overlay-notice');
      await expect(notice).toContainText('unknown party');
      await expect(notice).toContainText('max=500');
      await expect(notice).toBeHidden({ timeout: 15_000 });
    });
  });

  test.describe('alerts', () => {
    test('shows a gift bomb as one alert: "X gifted 5 subs"', async ({ page }) => {
      await open(page, 'alerts.html?duration=2000&animation=pop');
      const gifter = site.freshChatter();
      const recipients = [0, 1, 2, 3, 4].map(() => site.freshChatter());

      await site.happen(events().gift(channel.broadcaster, gifter, recipients));

      const alert = page.locator('.alert');
      await expect(alert).toHaveText(`${gifter.displayName} gifted 5 subs`);
      await expect(alert).toHaveClass(/alert--pop/);
      await expect(alert.locator('.alert-amount')).toHaveText('5 subs');
      await expect(alert).toHaveCount(0, { timeout: 5_000 });
      // One alert for the whole bomb, not one per recipient.
      await page.waitForTimeout(1_000);
      await expect(alert).toHaveCount(0);
    });

    test('queues alerts: the second enters once the first has had its duration', async ({
      page,
    }) => {
      await page.addInitScript(() => {
        const shown: { type: string; at: number }[] = [];
        const left: string[] = [];
        Object.assign(window, { shownAlerts: shown, leftAlerts: left });
        new MutationObserver((changes) => {
          for (const change of changes) {
            const target = change.target;
            if (
              change.type === 'attributes' &&
              target instanceof HTMLElement &&
              target.classList.contains('alert--leaving') &&
              !left.includes(target.dataset.type ?? '')
            )
              left.push(target.dataset.type ?? '');
            change.addedNodes.forEach((node) => {
              if (node instanceof HTMLElement && node.classList.contains('alert'))
                shown.push({ type: node.dataset.type ?? '', at: performance.now() });
            });
          }
        }).observe(document, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['class'],
        });
      });
      await open(page, 'alerts.html?duration=3000&animation=slide');
      const [follower, cheerer] = [site.freshChatter(), site.freshChatter()];

      await fire({ type: 'follow', target: 'overlays', payload: { user: ref(follower) } });
      const alert = page.locator('.alert');
      await expect(alert).toHaveText(`${follower.displayName} followed`);
      await expect(alert).toHaveClass(/alert--slide/);
      await fire({
        type: 'cheer',
        target: 'overlays',
        payload: {
          user: ref(cheerer),
          bits: 100,
          message: { text: 'Cheer100 <b>hi</b>', emotes: [] },
        },
      });

      // Queued behind the follow, which is still up.
      await expect(alert).toHaveCount(1);
      await expect(alert).toHaveAttribute('data-type', 'follow');
      // The follow's exit can be too short to catch by polling; the observer saw it.
      await expect(alert.locator('.alert-headline')).toHaveText(
        `${cheerer.displayName} cheered 100 bits`,
        { timeout: 5_000 },
      );
      await expect(alert.locator('.alert-message')).toHaveText('Cheer100 <b>hi</b>');
      await expect(alert.locator('b')).toHaveCount(0);
      const { shown, left } = await page.evaluate(() => {
        const seen = window as unknown as {
          shownAlerts: { type: string; at: number }[];
          leftAlerts: string[];
        };
        return { shown: seen.shownAlerts, left: seen.leftAlerts };
      });
      expect(shown.map((each) => each.type)).toEqual(['follow', 'cheer']);
      expect(left).toContain('follow');
      // Seen by the observer, whose callbacks may run a few milliseconds after each append.
      const gap = shown[1]!.at - shown[0]!.at;
      expect(gap).toBeGreaterThanOrEqual(3_000 - 50);
      expect(gap).toBeLessThan(4_000);
    });
  });

  test.describe('chat', () => {
    /** A version of a channel's badge as the simulated Twitch's Helix lists it to any application. */
    async function channelBadgeFromTwitch(
      setId: string,
      version: string,
    ): Promise<{ image_url_1x: string; title: string }> {
      const { world, api } = site.simulator.twitch;
      const [app] = world.apps.values();
      if (!app) throw new Error('The simulated Twitch has no application');
      const response = await fetch(
        `${api.baseUrl}/mock/chat/badges?broadcaster_id=${channel.broadcaster.id}`,
        {
          headers: {
            'Client-Id': app.clientId,
            Authorization: `Bearer ${world.tokens.issueAppToken(app.clientId).accessToken}`,
          },
        },
      );
      expect(response.status).toBe(200);
      const { data } = (await response.json()) as {
        data: { set_id: string; versions: { id: string; image_url_1x: string; title: string }[] }[];
      };
      const badge = data
        .find((set) => set.set_id === setId)
        ?.versions.find((each) => each.id === version);
      if (!badge) throw new Error(`${channel.broadcaster.login} has no ${setId}/${version} badge`);
      return badge;
    }

    test('writes names in their colours, badges and emotes as images, and <b> as text', async ({
      page,
    }) => {
      await open(page, 'chat.html?fade=0');
      const coloured = chatterWithColour(site);
      const text = `🎉 Kappa <b>not bold</b> ${uniqueWord()}`;

      await site.happen(
        events().chatMessage(channel.broadcaster, channel.broadcaster, text, {
          // Code points: the emoji is one, though it is two UTF-16 units.
          emotes: [{ id: '25', start: 2, end: 6 }],
        }),
      );
      await site.say(channel, coloured, `my colour ${uniqueWord()}`);

      const line = page.locator('.chat-line').filter({ hasText: 'not bold' });
      await expect(line.locator('.chat-name')).toHaveText(channel.broadcaster.displayName);
      const emote = line.locator('img.emote');
      await expect(emote).toHaveAttribute(
        'src',
        'https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0',
      );
      await expect(emote).toHaveAttribute('alt', 'Kappa');
      await expect(line.locator('.chat-text')).toHaveText(text.replace('Kappa', ''));
      await expect(line.locator('.chat-text b')).toHaveCount(0);
      const badge = line.locator('img.badge[data-badge="broadcaster/1"]');
      await expect(badge).toHaveAttribute('src', /5527c58c-fb7d-422d-b71b-f309dcb85cc1/);
      expect(await badge.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);

      const colouredName = page
        .locator('.chat-line')
        .filter({ hasText: 'my colour' })
        .locator('.chat-name');
      await expect(colouredName).toHaveText(coloured.displayName);
      await expect(colouredName).toHaveCSS('color', rgbOf(coloured.chatColor));
      // An OBS source: nothing but the lines is painted.
      for (const element of ['html', 'body'])
        await expect(page.locator(element)).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    });

    test("draws a subscriber's badge from the channel's own images", async ({ page }) => {
      const subscriber = site.freshChatter();
      await site.happen(
        events().subscription(channel.broadcaster, subscriber, {
          tier: '3000',
          cumulativeMonths: 14,
        }),
      );
      await open(page, 'chat.html?fade=0');

      await site.say(channel, subscriber, `a year at tier 3 ${uniqueWord()}`);

      const line = page.locator('.chat-line').filter({ hasText: 'a year at tier 3' });
      const badge = line.locator('img.badge[data-badge="subscriber/3012"]');
      const fromTwitch = await channelBadgeFromTwitch('subscriber', '3012');
      await expect(badge).toHaveAttribute('src', fromTwitch.image_url_1x);
      await expect(badge).toHaveAttribute('title', fromTwitch.title);
    });

    test('labels badges it has no image for, and those whose image fails', async ({ page }) => {
      const subscriber = site.freshChatter();
      await site.happen(events().subscription(channel.broadcaster, subscriber));
      await open(page, 'chat.html?fade=0', false);

      await site.say(channel, subscriber, `subscribed now ${uniqueWord()}`);
      await site.say(channel, channel.broadcaster, `no badge images ${uniqueWord()}`);

      const sub = page.locator('.chat-line').filter({ hasText: 'subscribed now' });
      await expect(sub.locator('.badge--label.badge--subscriber')).toHaveText('subscriber');
      const broadcaster = page.locator('.chat-line').filter({ hasText: 'no badge images' });
      await expect(broadcaster.locator('.badge--label[data-badge="broadcaster/1"]')).toHaveText(
        'broadcaster',
      );
    });

    test('drops deleted lines and those of banned users, keeps max, and fades lines out', async ({
      page,
    }) => {
      await open(page, 'chat.html?max=3&fade=4000');
      const [kept, deleted, banned] = [
        site.freshChatter(),
        site.freshChatter(),
        site.freshChatter(),
      ];
      const word = uniqueWord();

      await site.say(channel, kept, `pushed out ${word}`);
      await site.say(channel, kept, `kept ${word}`);
      const gone = await site.say(channel, deleted, `deleted ${word}`);
      await site.say(channel, banned, `banned ${word}`);

      const lines = page.locator('.chat-line .chat-text');
      await expect(lines).toHaveText([`kept ${word}`, `deleted ${word}`, `banned ${word}`]);
      await site.deleteMessage(gone);
      await site.ban(channel, banned);
      await expect(lines).toHaveText([`kept ${word}`]);
      await expect(lines).toHaveCount(0, { timeout: 8_000 });
    });

    test('shows the recent lines when it opens', async ({ page }) => {
      const word = uniqueWord();
      await site.say(channel, site.freshChatter(), `said before the page opened ${word}`);
      // Archived means Integron has read it, and the overlays have had it.
      await site.archivedMessages(admin, { q: word }, 1);

      await open(page, 'chat.html?fade=0&max=50');

      await expect(page.locator('.chat-text')).toContainText([
        `said before the page opened ${word}`,
      ]);
    });
  });
});

async function signedIn(browser: Browser, site: ChatArchiveSite): Promise<Page> {
  const page = await browser.newPage();
  await site.openAsOwner(page, '/dashboard');
  return page;
}

function chatterWithColour(site: ChatArchiveSite): SimUser {
  for (;;) {
    const chatter = site.freshChatter();
    if (chatter.chatColor !== '') return chatter;
  }
}

/** `#FF7F50` as computed styles say it. */
function rgbOf(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
