import { randomBytes } from 'node:crypto';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type Logger } from 'pino';
import { register } from 'prom-client';
import { type Simulator } from '@integron/simulator';
import { createApp } from '../../src/app.factory.js';
import { DemoSimulator } from '../../src/demo/demo-simulator.js';
import { TwitchEndpoints } from '../../src/twitch/twitch-endpoints.js';
import { type Environment, parseConfig } from '../../src/config/app-config.js';
import { DatabaseTarget } from '../../src/database/database-target.js';
import { freePort } from './free-port.js';
import { uniqueLoopbackAddress } from './loopback-address.js';
import { quietLogger } from './quiet-logger.js';
import { TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  /** `http://127.0.0.1:<port>` of the listening app. */
  baseUrl: string;
  database: TestDatabase | undefined;
  /** Demo mode's simulated Twitch and Discord (`null` in live mode). */
  simulator: Simulator | null;
  demo: DemoSimulator | null;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Environment;
  /** Use this database instead of a fresh throwaway one. */
  database?: DatabaseTarget;
  logger?: Logger;
  /** Demo mode connects its broadcasters' accounts, and so runs EventSub (default: it does not). */
  demoBroadcasterAccounts?: boolean;
}

/** The whole application, as `main.ts` builds it, on a throwaway database and a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ? undefined : await TestDatabase.create();
  const target = options.database ?? new DatabaseTarget(database!.url, 'external');
  // Known before start-up, so that OAuth redirect URIs built from PUBLIC_URL lead back here.
  const port = await freePort();
  const config = parseConfig({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: '/nonexistent/integron-test',
    DEMO_CHAT_ADDRESS: uniqueLoopbackAddress(),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...options.env,
  });
  let app: NestExpressApplication;
  let demo: DemoSimulator | null = null;
  const logger = options.logger ?? quietLogger();
  try {
    demo =
      config.mode === 'demo'
        ? await DemoSimulator.start(config, logger, {
            connectBroadcasters: options.demoBroadcasterAccounts ?? false,
          })
        : null;
    const twitch = demo?.endpoints ?? TwitchEndpoints.fromConfig(config);
    app = await createApp({
      config,
      database: target,
      logger,
      twitch,
      demo,
    });
    await app.listen(port, '127.0.0.1');
  } catch (error) {
    register.clear();
    await demo?.stop();
    await database?.drop();
    throw error;
  }
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    simulator: demo?.simulator ?? null,
    demo,
    async close() {
      await app.close();
      await demo?.stop();
      register.clear();
      await database?.drop();
    },
  };
}
