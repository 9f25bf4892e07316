import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  availableMemory,
  EmbeddedPostgresServer,
  sharedBuffersMb,
} from '../src/database/embedded-postgres.server.js';
import { freePort } from './utils/free-port.js';
import { quietLogger } from './utils/quiet-logger.js';
import { makeTempDir } from './utils/temp-dir.js';

describe(EmbeddedPostgresServer.name, () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(directory: string, rootFallbackDirectory?: string) {
    const sut = await EmbeddedPostgresServer.start({
      directory,
      port: await freePort(),
      database: 'integron',
      logger: quietLogger(),
      ephemeral: true,
      rootFallbackDirectory,
    });
    cleanups.push(() => sut.stop());
    return sut;
  }

  async function currentDatabase(url: string): Promise<string> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    await client.end();
    const [row] = rows;
    if (!row) throw new Error('SELECT current_database() returned no row');
    return row.name;
  }

  it('keeps its cluster in the requested directory and serves the requested database', async () => {
    const parent = await makeTempDir('embedded');
    cleanups.push(() => rm(parent, { recursive: true, force: true }));

    const sut = await start(join(parent, 'postgres'));

    expect(sut.directory).toBe(join(parent, 'postgres'));
    expect(sut.url).toMatch(/^postgres:\/\/integron:[^@]+@127\.0\.0\.1:\d+\/integron$/);
    expect(await currentDatabase(sut.url)).toBe('integron');
  });

  it('creates its database on a later start when the first start stopped before making it', async () => {
    const parent = await makeTempDir('embedded');
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const directory = join(parent, 'postgres');
    const first = await EmbeddedPostgresServer.start({
      directory,
      port: await freePort(),
      database: 'postgres', // the cluster exists, the application's database does not
      logger: quietLogger(),
    });
    await first.stop();

    const sut = await start(directory);

    expect(await currentDatabase(sut.url)).toBe('integron');
  });

  it('gives a server of its own a quarter of the memory for buffers, within 128 MB and 8 GB', async () => {
    const parent = await makeTempDir('embedded');
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const sut = await EmbeddedPostgresServer.start({
      directory: join(parent, 'postgres'),
      port: await freePort(),
      logger: quietLogger(),
    });
    cleanups.push(() => sut.stop());
    const client = new pg.Client({ connectionString: sut.url });
    await client.connect();
    const { rows } = await client.query<{ mb: number }>(
      `SELECT setting::int * 8 / 1024 AS mb FROM pg_settings WHERE name = 'shared_buffers'`,
    );
    await client.end();

    expect(rows[0]?.mb).toBe(sharedBuffersMb(availableMemory()));
    expect([
      sharedBuffersMb(256 * 2 ** 20),
      sharedBuffersMb(4 * 2 ** 30),
      sharedBuffersMb(2 ** 36),
    ]).toEqual([128, 1_024, 8_192]);
  });

  it('under root, moves the cluster where the postgres user can reach it when it cannot enter the directory', async () => {
    const privateParent = await mkdtemp(join(tmpdir(), 'integron-private-')); // mode 0700
    const fallback = await makeTempDir('fallback');
    cleanups.push(() => rm(privateParent, { recursive: true, force: true }));
    cleanups.push(() => rm(fallback, { recursive: true, force: true }));

    const sut = await start(join(privateParent, 'postgres'), fallback);

    const runsAsRoot = process.getuid?.() === 0;
    if (runsAsRoot) expect(sut.directory).toMatch(new RegExp(`^${fallback}/[0-9a-f]{16}$`));
    else expect(sut.directory).toBe(join(privateParent, 'postgres'));
    expect(await currentDatabase(sut.url)).toBe('integron');
  });
});
