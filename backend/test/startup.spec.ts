import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReadinessReport } from '@integron/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freePort } from './utils/free-port.js';
import { uniqueLoopbackAddress } from './utils/loopback-address.js';
import { makeTempDir } from './utils/temp-dir.js';

/** The built server, started as `npm start` starts it. */
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Run {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
      DEMO_CHAT_ADDRESS: uniqueLoopbackAddress(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(run: Run, text: string): Promise<void> {
  for (let attempt = 0; attempt < 400 && !run.output().includes(text); attempt++) {
    if (run.child.exitCode !== null) throw new Error(`The server exited early:\n${run.output()}`);
    await new Promise((done) => setTimeout(done, 25));
  }
  if (!run.output().includes(text)) throw new Error(`Never saw "${text}":\n${run.output()}`);
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntilReady(port: number, run: Run): Promise<ReadinessReport> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (run.child.exitCode !== null) throw new Error(`The server exited early:\n${run.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (response.status === 200) return (await response.json()) as ReadinessReport;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The server never became ready:\n${run.output()}`);
}

describe('starting and stopping the server', () => {
  beforeAll(() => {
    if (!existsSync(MAIN))
      throw new Error(`${MAIN} is missing: build the backend first (npm run build).`);
  });

  it('refuses a bad configuration value with one clear line and exit code 1', async () => {
    const run = startServer({ PORT: 'abc' });

    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      'Configuration error: PORT must be a port number from 1 to 65535; got "abc".',
    );
  });

  it('says so and exits non-zero when the database cannot be reached', async () => {
    const deadPort = await freePort();
    const run = startServer({
      DATABASE_URL: `postgres://integron:hunter2@127.0.0.1:${deadPort}/integron`,
      DATABASE_CONNECT_TIMEOUT: '1',
    });

    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      `Integron cannot start: Cannot reach the database at postgres://integron:***@127.0.0.1:${deadPort}/integron after 1 s`,
    );
    expect(run.output()).not.toContain('hunter2');
  });

  describe('on the embedded Postgres', () => {
    let dataDir: string;
    let httpPort: number;
    let env: Record<string, string>;

    beforeAll(async () => {
      dataDir = await makeTempDir('startup');
      httpPort = await freePort();
      env = {
        DATA_DIR: dataDir,
        PORT: String(httpPort),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
      };
    });

    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('starts with no configuration, stops cleanly on SIGINT and keeps its data across restarts', async () => {
      const first = startServer(env);
      const report = await waitUntilReady(httpPort, first);
      expect(report.checks.database.kind).toBe('embedded');

      const credentials = JSON.parse(
        await readFile(join(dataDir, 'postgres', 'credentials.json'), 'utf8'),
      ) as { user: string; password: string };
      const url = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/integron`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`INSERT INTO settings (key, value) VALUES ('test.marker', '"kept"')`);
      await client.end();

      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('Integron stopped');
      expect(existsSync(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);

      const second = startServer(env);
      await waitUntilReady(httpPort, second);
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      const { rows } = await again.query<{ value: string }>(
        `SELECT value FROM settings WHERE key = 'test.marker'`,
      );
      await again.end();
      second.child.kill('SIGTERM');

      expect(rows).toEqual([{ value: 'kept' }]);
      expect(await second.exited).toBe(0);
    }, 120_000);

    it('stops its Postgres too when Ctrl-C comes while it is still starting', async () => {
      const freshDir = await makeTempDir('startup-interrupted');
      const postgresPort = await freePort();
      try {
        const run = startServer({
          DATA_DIR: freshDir,
          PORT: String(await freePort()),
          EMBEDDED_POSTGRES_PORT: String(postgresPort),
        });
        await waitForOutput(run, 'Creating the embedded Postgres cluster');

        run.child.kill('SIGINT');

        expect(await run.exited).toBe(0);
        expect(run.output()).toContain('Integron stopped');
        expect(await acceptsConnections(postgresPort)).toBe(false);
        expect(existsSync(join(freshDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);
      } finally {
        await rm(freshDir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
