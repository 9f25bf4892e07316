import 'reflect-metadata';
import { join } from 'node:path';
import { type Logger } from 'pino';
import { createApp } from './app.factory.js';
import { type AppConfig, ConfigError, describeConfig } from './config/app-config.js';
import { loadConfig } from './config/load-config.js';
import { APP_VERSION } from './config/version.js';
import { waitForDatabase } from './database/database-preflight.js';
import { DatabaseTarget } from './database/database-target.js';
import { DemoSimulator } from './demo/demo-simulator.js';
import { EmbeddedPostgresServer } from './database/embedded-postgres.server.js';
import { createRootLogger } from './logging/root-logger.js';
import { TwitchEndpoints } from './twitch/twitch-endpoints.js';

const SHUTDOWN_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger(config.log.level);
  logger.info(describeConfig(config), `Starting Integron ${APP_VERSION}`);

  const resources = new StartedResources();
  const startup = start(config, logger, resources);
  // From the first moment: a Ctrl-C while Postgres or Nest is still starting must stop them too.
  onShutdownSignal(logger, startup, resources);

  try {
    await startup;
    logger.info({ url: config.http.publicUrl }, `Integron is ready at ${config.http.publicUrl}/`);
  } catch (error) {
    if (resources.stopping) return;
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, message);
    process.stderr.write(`\nIntegron cannot start: ${message}\n`);
    await resources.release();
    process.exit(1);
  }
}

/** What has been started, to stop in reverse order; and whether a stop is under way. */
class StartedResources {
  stopping = false;
  private readonly releases: (() => Promise<void>)[] = [];
  private readonly abandons: (() => void)[] = [];

  add(release: () => Promise<void>, abandon?: () => void): void {
    this.releases.push(release);
    if (abandon) this.abandons.push(abandon);
  }

  async release(): Promise<void> {
    for (const release of this.releases.splice(0).reverse()) await release();
  }

  /** Start-up calls this between steps, so a stop requested meanwhile starts nothing more. */
  throwIfStopping(): void {
    if (this.stopping) throw new Error('Stopped while starting');
  }

  /** No time left to stop in order: make sure no child process outlives us. */
  abandon(): void {
    for (const abandon of this.abandons.splice(0)) abandon();
  }
}

async function start(
  config: AppConfig,
  logger: Logger,
  resources: StartedResources,
): Promise<void> {
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
    resources.add(
      () => embedded.stop(),
      () => embedded.abandon(),
    );
    database = new DatabaseTarget(embedded.url, 'embedded');
  }
  resources.throwIfStopping();
  await waitForDatabase(database.url, config.database.connectTimeoutSeconds);
  resources.throwIfStopping();

  // Demo mode starts its simulated Twitch first: Integron then reaches it like any other Twitch.
  let demo: DemoSimulator | null = null;
  if (config.mode === 'demo') {
    demo = await DemoSimulator.start(config, logger);
    resources.add(() => demo!.stop());
    resources.throwIfStopping();
  }
  const twitch = demo?.endpoints ?? TwitchEndpoints.fromConfig(config);

  const app = await createApp({ config, database, logger, twitch, demo });
  resources.add(() => app.close());
  resources.throwIfStopping();
  await app.listen(config.http.port, config.http.host);
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

/**
 * First signal: let start-up reach a safe point, then close the server and the database, in
 * order. A second signal, or a stop that takes too long: exit now, taking Postgres down with us.
 */
function onShutdownSignal(
  logger: Logger,
  startup: Promise<void>,
  resources: StartedResources,
): void {
  const exitNow = (code: number) => {
    resources.abandon();
    process.exit(code);
  };
  const stop = (signal: NodeJS.Signals) => {
    if (resources.stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      exitNow(130);
    }
    resources.stopping = true;
    logger.info(`${signal} received: shutting down`);
    const forceExit = setTimeout(() => {
      logger.error('Shutdown took too long: exiting');
      exitNow(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forceExit.unref();
    startup
      .catch(() => undefined)
      .then(() => resources.release())
      .then(
        () => {
          logger.info('Integron stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'Shutdown failed');
          exitNow(1);
        },
      );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

await main();
