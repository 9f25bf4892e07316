import { randomBytes } from 'node:crypto';
import {
  type ArchivedMessage,
  type Channel,
  CSRF_COOKIE,
  CSRF_HEADER,
  type ModAction,
  type ModActionQuery,
  type MessageQuery,
  OAUTH_CALLBACK_PATHS,
  type Page as ListPage,
} from '@integron/contracts';
import {
  type ChatMessageHappening,
  type Happening,
  type SimChannel,
  Simulator,
  type SimUser,
} from '@integron/simulator';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import { freePort, IntegronServer, uniqueLoopbackAddress } from './integron-server.js';
import { DEMO_USERS, signInWithTwitch } from './sign-in.js';

/** twurple's chat client reaches port 6667 only when it does not use TLS. */
const CHAT_PORT = 6667;

/** A word no generated chat line contains, so that a search or a filter finds one line only. */
export function uniqueWord(prefix = 'zq'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/**
 * Integron in live mode against a simulated Twitch in this test process, through the settings
 * `npm run sim` prints (client id and secret, TWURPLE_MOCK_API_PORT, TWITCH_CHAT_HOST). The
 * simulator makes no chat of its own: a test says exactly what happens (a line with a word of its
 * own, a ban, a deletion) and it reaches Integron over real IRC, as Twitch's would.
 */
export class ChatArchiveSite {
  private nextChatter = 0;
  private lastAt = 0;
  /** The owner's signed-in session, signed in once by `setUpTeam`. */
  private ownerCookies: Awaited<ReturnType<BrowserContext['cookies']>> = [];

  private constructor(
    readonly simulator: Simulator,
    readonly server: IntegronServer,
  ) {}

  static async start(): Promise<ChatArchiveSite> {
    const port = await freePort();
    const simulator = await Simulator.start({
      seed: 9,
      chat: { host: uniqueLoopbackAddress(), tcpPort: CHAT_PORT, wsPort: null },
      discord: false,
      population: { channels: 3, chatters: 60 },
    });
    const app = simulator.twitch.world.registerApp({
      name: 'Integron (e2e)',
      redirectUris: OAUTH_CALLBACK_PATHS.map((path) => `http://localhost:${port}${path}`),
    });
    try {
      const server = await IntegronServer.start({
        port,
        env: {
          TWITCH_CLIENT_ID: app.clientId,
          TWITCH_CLIENT_SECRET: app.clientSecret,
          TWURPLE_MOCK_API_PORT: String(simulator.twitch.api.port),
          TWITCH_CHAT_HOST: simulator.twitch.chat.host,
        },
      });
      return new ChatArchiveSite(simulator, server);
    } catch (error) {
      await simulator.stop();
      throw error;
    }
  }

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /** The team's channels, in the simulator's order: teamcaptain, pixelpaladin, speedrunsally. */
  get channels(): SimChannel[] {
    return this.simulator.population.channels;
  }

  /** A moderator of every channel. */
  get moderator(): SimUser {
    const [bot] = this.simulator.population.bots;
    if (!bot) throw new Error('The simulated team has no bot');
    return bot;
  }

  /**
   * A chatter no earlier call handed out, whose display name is their login in another case (so
   * the admin shows it alone, e.g. "FrostByte" and not "ミカ (mika)").
   */
  freshChatter(): SimUser {
    const plain = this.simulator.population.chatters.filter(
      (user) => user.displayName.toLowerCase() === user.login && /^[a-z0-9_]+$/.test(user.login),
    );
    const chatter = plain[this.nextChatter++];
    if (!chatter) throw new Error('The simulated community ran out of fresh chatters');
    return chatter;
  }

  /**
   * The first person to sign in becomes the owner: the channels' broadcaster does, adds the
   * team's channels by login and waits until Integron has joined their chat.
   */
  async setUpTeam(browser: Browser): Promise<void> {
    const page = await browser.newPage();
    try {
      await signInWithTwitch(page, this.baseUrl, DEMO_USERS.captain);
      await expect(page).toHaveURL(/\/dashboard$/);
      this.ownerCookies = await page.context().cookies();
      for (const channel of this.channels) {
        const response = await page.request.post(`${this.baseUrl}/api/channels`, {
          data: { login: channel.broadcaster.login },
          headers: await csrfHeaders(page),
        });
        expect(response.status(), await response.text()).toBe(201);
      }
      await expect
        .poll(
          async () => {
            const channels = await this.api<Channel[]>(page, '/api/channels');
            return channels.map((channel) => `${channel.login}:${channel.connection.state}`).sort();
          },
          { message: 'Integron joins the channels', timeout: 30_000 },
        )
        .toEqual(this.channels.map((channel) => `${channel.broadcaster.login}:joined`).sort());
    } finally {
      await page.close();
    }
  }

  /** Opens `path` of the admin on `page` in the owner's session (sign-in has its own tests). */
  async openAsOwner(page: Page, path: string): Promise<void> {
    await page.context().addCookies(this.ownerCookies);
    await page.goto(`${this.baseUrl}${path}`);
  }

  /**
   * Makes things happen on the simulated Twitch, in order; each is sent over IRC at once. Each
   * happens a millisecond after the one before at the latest, so that the archive's order (by
   * Twitch's timestamps) is the order they were made to happen in.
   */
  async happen(...happenings: Happening[]): Promise<void> {
    for (const happening of happenings) {
      happening.at = Math.max(happening.at, this.lastAt + 1);
      this.lastAt = happening.at;
      await this.simulator.twitch.happen(happening);
    }
  }

  /** `user` says `text` in `channel`'s chat. */
  async say(channel: SimChannel, user: SimUser, text: string): Promise<ChatMessageHappening> {
    const message = this.simulator.twitch.events.chatMessage(channel.broadcaster, user, text);
    await this.happen(message);
    return message;
  }

  async ban(channel: SimChannel, user: SimUser, reason = ''): Promise<void> {
    await this.happen(
      this.simulator.twitch.events.ban(channel.broadcaster, user, this.moderator, reason),
    );
  }

  async timeout(channel: SimChannel, user: SimUser, seconds: number, reason = ''): Promise<void> {
    await this.happen(
      this.simulator.twitch.events.timeout(
        channel.broadcaster,
        user,
        this.moderator,
        seconds,
        reason,
      ),
    );
  }

  /** A moderator deletes `message` (CLEARMSG). */
  async deleteMessage(message: ChatMessageHappening): Promise<void> {
    await this.happen(this.simulator.twitch.events.deleteMessage(message, this.moderator));
  }

  /** Waits until the archive has committed `count` messages that match `query`. */
  async archivedMessages(
    page: Page,
    query: MessageQuery,
    count: number,
  ): Promise<ArchivedMessage[]> {
    let found: ArchivedMessage[] = [];
    await expect
      .poll(
        async () => {
          const result = await this.api<ListPage<ArchivedMessage>>(
            page,
            `/api/messages?${queryString({ limit: 200, ...query })}`,
          );
          found = result.items;
          return result.total;
        },
        { message: `${count} messages matching ${JSON.stringify(query)} are archived` },
      )
      .toBe(count);
    return found;
  }

  /** Waits until the archive has committed `count` mod actions that match `query`. */
  async archivedModActions(page: Page, query: ModActionQuery, count: number): Promise<ModAction[]> {
    let found: ModAction[] = [];
    await expect
      .poll(
        async () => {
          const result = await this.api<ListPage<ModAction>>(
            page,
            `/api/mod-actions?${queryString(query)}`,
          );
          found = result.items;
          return result.total;
        },
        { message: `${count} mod actions matching ${JSON.stringify(query)} are archived` },
      )
      .toBe(count);
    return found;
  }

  /** Integron's id of a channel. */
  async channelId(page: Page, channel: SimChannel): Promise<string> {
    const channels = await this.api<Channel[]>(page, '/api/channels');
    const found = channels.find((each) => each.login === channel.broadcaster.login);
    if (!found) throw new Error(`${channel.broadcaster.login} is not one of Integron's channels`);
    return found.id;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.simulator.stop();
  }

  private async api<T>(page: Page, path: string): Promise<T> {
    const response = await page.request.get(`${this.baseUrl}${path}`);
    if (!response.ok())
      throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** The header a mutating API request needs, from the session's CSRF cookie. */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE);
  return { [CSRF_HEADER]: csrf?.value ?? '' };
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value as string | number | boolean));
  }
  return params.toString();
}
