import 'reflect-metadata';
import { join } from 'node:path';
import { type Logger } from 'pino';
import { createApp } from './app.factory.js';
import { ConfigError, describeConfig } from './config/app-config.js';
import { loadConfig } from './config/load-config.js';
import { APP_VERSION } from './config/version.js';
import { waitForDatabase } from './database/database-preflight.js';
import { DatabaseTarget } from './database/database-target.js';
import { EmbeddedPostgresServer } from './database/embedded-postgres.server.js';
import { createRootLogger } from './logging/root-logger.js';

const SHUTDOWN_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger(config.log.level);
  logger.info(describeConfig(config), `Starting Integron ${APP_VERSION}`);

  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  try {
    let database: DatabaseTarget;
    if (config.database.url) {
      database = new DatabaseTarget(config.database.url, 'external');
    } else {
      const embedded = await EmbeddedPostgresServer.start({
        directory: join(config.dataDir, 'postgres'),
        port: config.database.embeddedPort,
        database: 'integron',
        logger,
      });
      cleanups.push(() => embedded.stop());
      database = new DatabaseTarget(embedded.url, 'embedded');
    }
    await waitForDatabase(database.url, config.database.connectTimeoutSeconds);

    const app = await createApp({ config, database, logger });
    cleanups.push(() => app.close());
    await app.listen(config.http.port, config.http.host);
    logger.info({ url: config.http.publicUrl }, `Integron is ready at ${config.http.publicUrl}/`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, message);
    process.stderr.write(`\nIntegron cannot start: ${message}\n`);
    await cleanUp();
    process.exit(1);
  }

  onShutdownSignal(logger, cleanUp);
}

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`Configuration error: ${problem}\n`);
    process.stderr.write(
      'Integron did not start. Fix the variables above (see README.md, "Configuration").\n',
    );
    process.exit(1);
  }
}

/** First signal: close the server, then the database, in order. A second signal: exit now. */
function onShutdownSignal(logger: Logger, cleanUp: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    stopping = true;
    logger.info(`${signal} received: shutting down`);
    const forceExit = setTimeout(() => {
      logger.error('Shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forceExit.unref();
    cleanUp().then(
      () => {
        logger.info('Integron stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
