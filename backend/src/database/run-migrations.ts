import { Logger } from '@nestjs/common';
import { type DataSource } from 'typeorm';

/** Any constant shared by every replica: the advisory lock that serialises their migrations. */
const MIGRATION_LOCK_KEY = 7_365_301_001;

/**
 * Applies pending migrations. Replicas starting together take turns through a Postgres advisory
 * lock, so each migration runs exactly once.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const logger = new Logger('Migrations');
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.log(`Applied migration ${migration.name}`);
    if (applied.length === 0) logger.log('Database schema is up to date');
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
