import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { ChildProcessOutput } from './child-process-output.js';

const CLI = fileURLToPath(new URL('../../../simulator/dist/cli.js', import.meta.url));
const STARTUP_MS = 15_000;
/** The comment line that opens the block the CLI prints for Integron's `.env`. */
const ENV_BLOCK = /^# Integron in live mode against this simulator.*\n((?:.+\n)*)\n/m;
/** `  channel  teamcaptain   id 1001   token …`: the team's channels, as the CLI lists them. */
const CHANNEL_LINE = /^ {2}channel +([a-z0-9_]+) /gm;

/** What `npm run sim` printed for a person to start Integron with. */
export interface PrintedSettings {
  /** The `.env` block, read as Integron reads `.env`. */
  env: Record<string, string>;
  channelLogins: string[];
}

/**
 * `npm run sim -- …args` in a terminal of its own: the built simulator CLI as a child process,
 * known only by what it prints, as a person knows it.
 */
export class SimulatorProcess {
  private constructor(
    private readonly output: ChildProcessOutput,
    readonly printed: PrintedSettings,
  ) {}

  static async start(args: readonly string[]): Promise<SimulatorProcess> {
    if (!existsSync(CLI))
      throw new Error(`${CLI} is missing: run "npx nx run @integron/simulator:build" first.`);
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = new ChildProcessOutput(child, 'npm run sim');
    try {
      const printed = await output.waitFor(printedSettings, STARTUP_MS);
      return new SimulatorProcess(output, printed);
    } catch (error) {
      await output.stop();
      throw error;
    }
  }

  /** Everything it printed so far, for a failure message. */
  get log(): string {
    return this.output.all;
  }

  stop(): Promise<void> {
    return this.output.stop();
  }
}

function printedSettings(output: string): PrintedSettings | undefined {
  const block = ENV_BLOCK.exec(output)?.[1];
  if (block === undefined) return undefined;
  const env = parseEnv(block) as Record<string, string>;
  const channelLogins = [...output.matchAll(CHANNEL_LINE)].map(([, login]) => login!);
  return { env, channelLogins };
}
