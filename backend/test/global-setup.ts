import { type TestProject } from 'vitest/node';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres.server.js';
import { freePort } from './utils/free-port.js';
import { quietLogger } from './utils/quiet-logger.js';
import { makeTempDir } from './utils/temp-dir.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A Postgres server on which tests may create and drop databases. */
    testDatabaseServerUrl: string;
  }
}

/**
 * Integration tests create throwaway databases on the server named by TEST_DATABASE_URL; without
 * one, a throwaway embedded Postgres serves the whole run.
 */
export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    project.provide('testDatabaseServerUrl', configured);
    return () => Promise.resolve();
  }
  const server = await EmbeddedPostgresServer.start({
    directory: await makeTempDir('test-pg'),
    port: await freePort(),
    logger: quietLogger(),
    ephemeral: true,
  });
  project.provide('testDatabaseServerUrl', server.url);
  return () => server.stop();
}
