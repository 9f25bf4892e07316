import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SimApp, type Simulator } from '@integron/simulator';

/** The built product, as `npm start` runs it (`npx nx run @integron/backend:build` makes it). */
const MAIN = fileURLToPath(import.meta.resolve('@integron/backend/dist/main.js'));
const CALLBACK_PATHS = ['/api/auth/twitch/callback', '/api/twitch-accounts/callback'];
/** pino's numeric levels: 40 warn, 50 error, 60 fatal. */
const PINO_WARN = 40;
const MAX_PROBLEMS_KEPT = 10_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A loopback address of the run's own, so its simulated chat can take port 6667. */
export function loopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export interface LiveIntegronOptions {
  simulator: Simulator;
  databaseUrl: string;
  /** Node options for the child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
  nodeArgs?: string[];
  /** What Integron logs; warnings and errors are echoed, prefixed, on the bench's stderr. */
  logLevel?: string;
}

/**
 * Integron's built backend in a child process, in live mode against a simulator of the bench's
 * (its documented settings: the application's id and secret, TWURPLE_MOCK_API_PORT and
 * TWITCH_CHAT_HOST), on a database of the run's own and a throwaway DATA_DIR.
 */
export class LiveIntegron {
  private output = '';
  private stopping = false;
  private readonly problems: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly dataDir: string,
    readonly baseUrl: string,
    readonly app: SimApp,
  ) {
    let partial = '';
    // BENCH_INTEGRON_LOG=FILE keeps everything Integron logs (with BENCH_INTEGRON_LOG_LEVEL).
    const logFile = process.env.BENCH_INTEGRON_LOG;
    if (logFile) child.stdout?.pipe(createWriteStream(logFile, { flags: 'a' }));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.remember(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const problem = problemOf(line);
        if (problem === null) continue;
        process.stderr.write(`${problem}\n`);
        if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push(problem);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.remember(chunk);
      process.stderr.write(`integron: ${chunk}`);
    });
    child.once('exit', (code, signal) => {
      if (!this.stopping)
        process.stderr.write(
          `integron exited unexpectedly (code ${code}, signal ${signal}); its last output:\n${this.output.slice(-4_000)}\n`,
        );
    });
  }

  static async start(options: LiveIntegronOptions): Promise<LiveIntegron> {
    const { simulator } = options;
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const app = simulator.twitch.world.registerApp({
      name: 'Integron (bench)',
      redirectUris: CALLBACK_PATHS.map((path) => `${baseUrl}${path}`),
    });
    const dataDir = await mkdtemp(join(tmpdir(), 'integron-bench-'));
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], {
      // Its own working directory: a developer's `.env` must not change what is measured.
      cwd: dataDir,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: options.databaseUrl,
        LOG_LEVEL: options.logLevel ?? process.env.BENCH_INTEGRON_LOG_LEVEL ?? 'warn',
        TWITCH_CLIENT_ID: app.clientId,
        TWITCH_CLIENT_SECRET: app.clientSecret,
        TWURPLE_MOCK_API_PORT: String(simulator.twitch.api.port),
        TWITCH_CHAT_HOST: simulator.twitch.chat.host,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const integron = new LiveIntegron(child, dataDir, baseUrl, app);
    try {
      await integron.waitUntilReady();
    } catch (error) {
      await integron.stop();
      throw error;
    }
    return integron;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** How many of the warnings and errors Integron logged so far match `pattern`. */
  problemsMatching(pattern: RegExp): number {
    return this.problems.filter((problem) => pattern.test(problem)).length;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Every sample at `/metrics` (public, like a scrape), by name and labels as written there. */
  async metrics(): Promise<Map<string, number>> {
    const text = await this.scrape();
    const samples = new Map<string, number>();
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || !line.includes(' ')) continue;
      const space = line.lastIndexOf(' ');
      samples.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
    return samples;
  }

  /**
   * `/metrics`' text. A busy server may close an idle keep-alive connection just as it is reused
   * (ECONNRESET): asked again, on a new one.
   */
  private async scrape(attempts = 3): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await (await fetch(`${this.baseUrl}/metrics`)).text();
      } catch (error) {
        if (attempt >= attempts || this.exited) throw error;
      }
    }
  }

  /** As `npm start` stops on Ctrl-C: flushes the archive, then exits. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.exited) {
      const exited = new Promise((done) => this.child.once('exit', done));
      this.child.kill('SIGTERM');
      await exited;
    }
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private remember(chunk: string): void {
    this.output = (this.output + chunk).slice(-20_000);
  }

  /** Up to ten minutes: a migration may build an index over the whole archive first. */
  private async waitUntilReady(): Promise<void> {
    for (let attempt = 0; attempt < 2_400; attempt++) {
      if (this.exited) throw new Error(`Integron exited early:\n${this.output}`);
      try {
        if ((await fetch(`${this.baseUrl}/api/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 250));
    }
    throw new Error(`Integron never became ready:\n${this.output}`);
  }
}

/** An Integron warning or error as one readable line; `null` for other lines. */
function problemOf(line: string): string | null {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; context?: string };
    return (entry.level ?? 0) >= PINO_WARN
      ? `integron [${entry.context ?? entry.level}] ${entry.msg}`
      : null;
  } catch {
    return line.trim() ? `integron: ${line}` : null;
  }
}
