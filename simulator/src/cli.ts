#!/usr/bin/env node
// `npm run sim -- [options]`: a simulated Twitch and Discord, and the settings that start
// Integron's live mode against it.
import { parseCliOptions } from './cli/cli-options.js';
import { CliStartError, SimulatorCli } from './cli/simulator-cli.js';

const options = parseCliOptions(process.argv.slice(2));
const cli = await SimulatorCli.start(options).catch((error: unknown) => {
  console.error(error instanceof CliStartError ? `error: ${error.message}` : error);
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cli.stop().then(() => process.exit(0));
  });
}
