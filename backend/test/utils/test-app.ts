import { randomBytes } from 'node:crypto';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { register } from 'prom-client';
import { createApp } from '../../src/app.factory.js';
import { type Environment, parseConfig } from '../../src/config/app-config.js';
import { DatabaseTarget } from '../../src/database/database-target.js';
import { uniqueLoopbackAddress } from './loopback-address.js';
import { quietLogger } from './quiet-logger.js';
import { TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  /** `http://127.0.0.1:<port>` of the listening app. */
  baseUrl: string;
  database: TestDatabase | undefined;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Environment;
  /** Use this database instead of a fresh throwaway one. */
  database?: DatabaseTarget;
}

/** The whole application, as `main.ts` builds it, on a throwaway database and a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ? undefined : await TestDatabase.create();
  const target = options.database ?? new DatabaseTarget(database!.url, 'external');
  const config = parseConfig({
    DATA_DIR: '/nonexistent/integron-test',
    DEMO_CHAT_ADDRESS: uniqueLoopbackAddress(),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...options.env,
  });
  let app: NestExpressApplication;
  try {
    app = await createApp({ config, database: target, logger: quietLogger() });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    register.clear();
    await database?.drop();
    throw error;
  }
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    async close() {
      await app.close();
      register.clear();
      await database?.drop();
    },
  };
}
