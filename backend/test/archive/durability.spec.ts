import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChatMessageEvent } from '@integron/contracts';
import { exclusiveMix } from '@integron/simulator';
import { inject, afterEach, describe, expect, it } from 'vitest';
import { ArchiveWriter } from '../../src/archive/ingest/archive-writer.js';
import { EventBus } from '../../src/bus/event-bus.js';
import { ArchiveApp } from '../utils/archive-app.js';
import { TcpProxy } from '../utils/tcp-proxy.js';
import { TestDatabase } from '../utils/test-database.js';
import { makeTempDir } from '../utils/temp-dir.js';

const OUTAGE_MS = 60_000;

/** Postgres as the test harness sees it, to point a proxy at. */
function postgresAddress(): { host: string; port: number } {
  const url = new URL(inject('testDatabaseServerUrl'));
  return { host: url.hostname, port: Number(url.port || 5432) };
}

/** Every chat message the edge put on the bus, by id. */
function recordPublished(archive: ArchiveApp): Set<string> {
  const published = new Set<string>();
  archive.sut.app
    .get(EventBus)
    .on('chat.message', (event: ChatMessageEvent) => void published.add(event.messageId));
  return published;
}

async function archivedIds(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.query<{ twitch_message_id: string }>(
    'SELECT twitch_message_id FROM messages WHERE kind = 1',
  );
  return rows.map((row) => row.twitch_message_id);
}

describe('the archive loses nothing', () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp() {
    const proxy = await TcpProxy.start(postgresAddress());
    const db = await TestDatabase.create();
    const dataDir = await makeTempDir('archive-journal');
    cleanups.push(async () => {
      await proxy.restore();
      await db.drop();
    });
    const start = (signIn = true) =>
      ArchiveApp.start({ database: db, through: proxy, env: { DATA_DIR: dataDir }, signIn });
    return { proxy, db, dataDir, start };
  }

  it(
    'through a 60-second Postgres outage under load: journaled, replayed in order, nothing lost or doubled',
    async () => {
      const { proxy, db, dataDir, start } = await setUp();
      const archive = await start();
      cleanups.push(() => archive.close());
      const published = recordPublished(archive);
      const writer = archive.sut.app.get(ArchiveWriter);
      const traffic = archive.simulator.traffic({ rate: 500, mix: exclusiveMix({ chat: 1 }) });
      traffic.start();
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      await proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
      const during = writer.health();
      const journalFiles = (await readdir(join(dataDir, 'archive-journal'))).length;
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
      await proxy.restore();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      traffic.stop();
      await archive.flushed();

      expect(during.databaseWritable).toBe(false);
      expect(during.journal.rows).toBeGreaterThan(10_000);
      expect(journalFiles).toBeGreaterThan(10);
      expect(during.lagMs).toBeGreaterThan(20_000);
      const sent = traffic.stats().total;
      expect(published.size).toBe(sent);
      const archived = await archivedIds(db);
      expect(archived).toHaveLength(sent);
      expect(new Set(archived)).toEqual(published);
      expect(writer.health()).toMatchObject({
        databaseWritable: true,
        journal: { files: 0, rows: 0 },
        lagMs: 0,
      });
      expect(await readdir(join(dataDir, 'archive-journal'))).toEqual([]);
    },
    OUTAGE_MS + 60_000,
  );

  it('through a shutdown under load: what was received is committed before the app ends', async () => {
    const { db, start } = await setUp();
    const archive = await start();
    const published = recordPublished(archive);
    const traffic = archive.simulator.traffic({ rate: 1_000, mix: exclusiveMix({ chat: 1 }) });
    traffic.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // What main.ts does on SIGTERM: close the application, lines still arriving.
    await archive.close();
    traffic.stop();

    expect(published.size).toBeGreaterThan(500);
    expect(new Set(await archivedIds(db))).toEqual(published);
  });

  it('through a shutdown while Postgres is away: journaled, and replayed by the next start', async () => {
    const { proxy, db, dataDir, start } = await setUp();
    const first = await start();
    const published = recordPublished(first);
    const traffic = first.simulator.traffic({ rate: 500, mix: exclusiveMix({ chat: 1 }) });
    traffic.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    await first.close();
    traffic.stop();
    const journaled = (await readdir(join(dataDir, 'archive-journal'))).filter((name) =>
      name.endsWith('.ndjson'),
    );
    expect(journaled.length).toBeGreaterThan(0);
    await proxy.restore();

    const second = await start(false);
    cleanups.push(() => second.close());
    await second.sut.app.get(ArchiveWriter).flushed();

    expect(new Set(await archivedIds(db))).toEqual(published);
    expect(second.sut.app.get(ArchiveWriter).health().journal.files).toBe(0);
  });
});
