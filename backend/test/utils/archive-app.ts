import { type Happening, type SimChannel, type SimUser } from '@integron/simulator';
import { ArchiveWriter } from '../../src/archive/ingest/archive-writer.js';
import { TwitchChat } from '../../src/twitch/chat/twitch-chat.service.js';
import { type HttpBrowser } from './http-browser.js';
import { signInTeam, type TeamSessions } from './sign-in.js';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';

/**
 * The whole application in demo mode with no generated traffic: its simulated channels added and
 * joined over real IRC, a signed-in team, and what a test makes happen on the simulated Twitch
 * reaching the archive the way live chat does.
 */
export class ArchiveApp {
  private constructor(
    readonly sut: TestApp,
    readonly team: TeamSessions,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<ArchiveApp> {
    const sut = await startTestApp({
      ...options,
      env: { DEMO_TRAFFIC_RATE: '0', ...options.env },
    });
    try {
      const archive = new ArchiveApp(sut, await signInTeam(sut, 'arch'));
      await archive.joined();
      return archive;
    } catch (error) {
      await sut.close();
      throw error;
    }
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
    // The lines are on their way over IRC: give them a moment to arrive before the writer drains.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await this.sut.app.get(ArchiveWriter).flushed();
  }

  /** Integron's id of a simulated channel. */
  async channelId(channel: SimChannel): Promise<string> {
    const { rows } = await this.sut.database!.query<{ id: string }>(
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

  close(): Promise<void> {
    return this.sut.close();
  }
}
