import { type Channel } from '@integron/contracts';
import { Simulator } from '@integron/simulator';
import { AdminSession } from './admin-session.js';
import { BenchDatabase } from './bench-database.js';
import { LiveIntegron, loopbackAddress } from './live-integron.js';

export interface LiveRunOptions {
  channels: number;
  chatters: number;
  /** Node options for Integron's process (`--cpu-prof …`). */
  nodeArgs?: string[];
}

/**
 * What every live benchmark starts from: a simulated Twitch in this process, Integron's built
 * backend in a child process in live mode against it, on a fresh database of the local Postgres,
 * with the owner signed in and every simulated channel added (through the API) and joined.
 */
export class LiveRun {
  private constructor(
    readonly simulator: Simulator,
    readonly database: BenchDatabase,
    readonly integron: LiveIntegron,
    readonly admin: AdminSession,
    readonly channels: Channel[],
  ) {}

  static async start(options: LiveRunOptions): Promise<LiveRun> {
    const simulator = await Simulator.start({
      seed: 1,
      discord: false,
      // twurple reaches chat on port 6667 only: the run takes a loopback address of its own.
      chat: { host: loopbackAddress(), tcpPort: 6667, wsPort: null },
      population: { channels: options.channels, chatters: options.chatters },
    });
    const database = await BenchDatabase.create();
    let integron: LiveIntegron | undefined;
    try {
      integron = await LiveIntegron.start({
        simulator,
        databaseUrl: database.url,
        nodeArgs: options.nodeArgs,
      });
      const admin = await AdminSession.signIn(integron.baseUrl, simulator, 'bench_owner');
      const channels = await admin.addChannels(
        simulator.population.channels.map((channel) => channel.broadcaster.login),
      );
      return new LiveRun(simulator, database, integron, admin, channels);
    } catch (error) {
      await integron?.stop();
      await simulator.stop();
      await database.drop();
      throw error;
    }
  }

  /** Stops Integron (flushing its archive) and the simulator, and drops the database. */
  async close(): Promise<void> {
    await this.integron.stop();
    await this.simulator.stop();
    await this.database.drop();
  }
}

/** `--cpu-prof=DIR` among the arguments: Integron's process writes a V8 CPU profile there. */
export function profileArgs(argv: readonly string[]): string[] {
  const dir = argv.find((arg) => arg.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** The positional (numeric) arguments, after the script's name. */
export function numberArgs(argv: readonly string[]): (number | undefined)[] {
  return argv
    .slice(2)
    .filter((arg) => !arg.startsWith('--'))
    .map(Number);
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The archive's message count once it reaches `expected`, or after `timeoutMs` whatever it is. */
export async function committedMessages(
  run: LiveRun,
  expected: number,
  timeoutMs = 15_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const committed = await run.database.count('SELECT count(*) AS n FROM messages');
    if (committed >= expected || Date.now() > deadline) return committed;
    await sleep(250);
  }
}

/** The value of `--name=value` among the arguments, if given. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  return argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
