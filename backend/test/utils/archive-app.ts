import { type Happening, type SimChannel, type SimUser } from '@integron/simulator';
import { ArchiveWriter } from '../../src/archive/ingest/archive-writer.js';
import { DatabaseTarget } from '../../src/database/database-target.js';
import { TwitchChat } from '../../src/twitch/chat/twitch-chat.service.js';
import { type HttpBrowser } from './http-browser.js';
import { signInTeam, type TeamSessions } from './sign-in.js';
import { type TcpProxy } from './tcp-proxy.js';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';
import { TestDatabase } from './test-database.js';

export interface ArchiveAppOptions extends Omit<TestAppOptions, 'database'> {
  /** A database to use (and keep) instead of a fresh throwaway one. */
  database?: TestDatabase;
  /** Reach the database through this proxy, so that a test can cut it off. */
  through?: TcpProxy;
  /** Sign in a team (default true); a second start on the same database needs none. */
  signIn?: boolean;
}

/**
 * The whole application in demo mode with no generated traffic: its simulated channels added and
 * joined over real IRC, a signed-in team, and what a test makes happen on the simulated Twitch
 * reaching the archive the way live chat does.
 */
export class ArchiveApp {
  private constructor(
    readonly sut: TestApp,
    readonly db: TestDatabase,
    private readonly ownsDatabase: boolean,
    private readonly sessions: TeamSessions | null,
  ) {}

  static async start(options: ArchiveAppOptions = {}): Promise<ArchiveApp> {
    const env = { DEMO_TRAFFIC_RATE: '0', ...options.env };
    // A database of the test's own (kept, or reached through a proxy), else the app's throwaway one.
    const own = options.database ?? (options.through ? await TestDatabase.create() : undefined);
    const url = own && options.through ? options.through.via(own.url) : own?.url;
    const sut = await startTestApp({
      ...options,
      database: url ? new DatabaseTarget(url, 'external') : undefined,
      env,
    }).catch(async (error: unknown) => {
      if (own && !options.database) await own.drop();
      throw error;
    });
    const db = own ?? sut.database!;
    const ownsDatabase = own !== undefined && !options.database;
    try {
      const team = options.signIn === false ? null : await signInTeam(sut, 'arch');
      const archive = new ArchiveApp(sut, db, ownsDatabase, team);
      await archive.joined();
      return archive;
    } catch (error) {
      await sut.close();
      if (ownsDatabase) await db.drop();
      throw error;
    }
  }

  get team(): TeamSessions {
    if (!this.sessions) throw new Error('This ArchiveApp started without signing in');
    return this.sessions;
  }

  get simulator() {
    return this.sut.simulator!;
  }

  /** The simulated team's channels, in the order the simulator made them. */
  get channels(): SimChannel[] {
    return this.simulator.population.channels;
  }

  get chatters(): SimUser[] {
    return this.simulator.population.chatters;
  }

  get owner(): HttpBrowser {
    return this.team.owner;
  }

  get events() {
    return this.simulator.twitch.events;
  }

  /** Makes things happen on Twitch, in order, and waits until the archive has committed them. */
  async happen(...happenings: Happening[]): Promise<void> {
    for (const happening of happenings) await this.simulator.twitch.happen(happening);
    await this.flushed();
  }

  /** Waits until the lines sent so far have reached Integron and are committed. */
  async flushed(): Promise<void> {
    // The lines are on their way over IRC: wait until no more arrive, then for the writer.
    const writer = this.sut.app.get(ArchiveWriter);
    let seen = -1;
    while (seen !== writer.acceptedTotal) {
      seen = writer.acceptedTotal;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await writer.flushed();
  }

  /** Integron's id of a simulated channel. */
  async channelId(channel: SimChannel): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT id::text FROM channels WHERE twitch_id = $1',
      [channel.broadcaster.id],
    );
    if (!rows[0]) throw new Error(`${channel.broadcaster.login} is not one of the channels`);
    return rows[0].id;
  }

  /** Resolves once every active channel's chat is joined. */
  async joined(timeoutMs = 15_000): Promise<void> {
    const chat = this.sut.app.get(TwitchChat);
    const deadline = Date.now() + timeoutMs;
    const logins = this.channels.map((channel) => channel.broadcaster.login);
    while (!logins.every((login) => chat.connectionOf(login).state === 'joined')) {
      if (Date.now() > deadline) throw new Error(`Chat did not join ${logins.join(', ')} in time`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the application (as a shutdown does) and drops the database it made. */
  async close(): Promise<void> {
    await this.sut.close();
    if (this.ownsDatabase) await this.db.drop();
  }
}
