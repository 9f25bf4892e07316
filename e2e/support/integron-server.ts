import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../backend/dist/main.js', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface IntegronServerOptions {
  /** Where it listens; default a free port. */
  port?: number;
  /** More configuration, e.g. the settings that point live mode at a simulated Twitch. */
  env?: Record<string, string>;
}

/** An address of 127/8 of its own, so that a chat server can take port 6667 on it. */
export function uniqueLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/**
 * The built product, started as `npm start` starts it: no configuration (demo mode unless `env`
 * says otherwise), its own embedded Postgres in a throwaway data directory, on free ports.
 */
export class IntegronServer {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly dataDir: string,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(options: IntegronServerOptions = {}): Promise<IntegronServer> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first.`);
    const dataDir = await mkdtemp(join(tmpdir(), 'integron-e2e-'));
    await chmod(dataDir, 0o755);
    const port = options.port ?? (await freePort());
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATA_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        // The demo's simulated Twitch chat must use port 6667: give it an address of its own.
        DEMO_CHAT_ADDRESS: uniqueLoopbackAddress(),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // What `npm start` prints and sign-in redirects back to (PUBLIC_URL defaults to it).
    const server = new IntegronServer(child, dataDir, `http://localhost:${port}`);
    await server.waitUntilReady();
    return server;
  }

  /** Kills the embedded Postgres under the running server, as an outage would. */
  killPostgres(): void {
    const pidFile = join(this.dataDir, 'postgres', 'pgdata', 'postmaster.pid');
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
    process.kill(pid, 'SIGINT');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((done) => this.child.once('exit', done));
      this.child.kill('SIGINT');
      await exited;
    }
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private async waitUntilReady(): Promise<void> {
    for (let attempt = 0; attempt < 240; attempt++) {
      if (this.child.exitCode !== null) throw new Error(`Integron exited early:\n${this.output}`);
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
