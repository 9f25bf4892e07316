import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { runMigrationsExclusively } from '../src/database/run-migrations.js';
import { TestDatabase } from './utils/test-database.js';

describe(runMigrationsExclusively.name, () => {
  let database: TestDatabase;
  const dataSources: DataSource[] = [];

  const connect = async () => {
    const dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: MIGRATIONS,
    }).initialize();
    dataSources.push(dataSource);
    return dataSource;
  };

  beforeAll(async () => {
    database = await TestDatabase.create();
  });

  afterAll(async () => {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await database.drop();
  });

  it('applies each migration exactly once when replicas start together', async () => {
    const replicas = await Promise.all([connect(), connect(), connect()]);

    await Promise.all(replicas.map((dataSource) => runMigrationsExclusively(dataSource)));

    const { rows } = await database.query<{ name: string }>(
      'SELECT name FROM migrations ORDER BY id',
    );
    expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('reverts every migration cleanly', async () => {
    const dataSource = await connect();
    for (const _ of MIGRATIONS) await dataSource.undoLastMigration();

    const { rows } = await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(rows).toEqual([]);
  });
});
