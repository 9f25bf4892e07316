import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChildProcessOutput } from './child-process-output.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const STARTUP_MS = 60_000;
const POLL_MS = 250;

/**
 * The built backend as `npm start` runs it, in a terminal of its own, configured by nothing but
 * `env`: no variable of the test's own process leaks in, and it runs in `cwd` so that no `.env`
 * of the checkout is read.
 */
export class IntegronProcess {
  private constructor(
    private readonly output: ChildProcessOutput,
    readonly baseUrl: string,
  ) {}

  static async start(env: Record<string, string>, cwd: string): Promise<IntegronProcess> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" in backend/.`);
    const child = spawn(process.execPath, [MAIN], {
      cwd,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = new ChildProcessOutput(child, 'Integron');
    const integron = new IntegronProcess(
      output,
      env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    );
    try {
      await integron.ready();
      return integron;
    } catch (error) {
      await output.stop();
      throw error;
    }
  }

  /** Its log lines so far, for a failure message. */
  get log(): string {
    return this.output.all;
  }

  stop(): Promise<void> {
    return this.output.stop();
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + STARTUP_MS;
    while (Date.now() < deadline) {
      if (this.output.exited) throw new Error(`Integron exited early:\n${this.log}`);
      const answer = await fetch(`${this.baseUrl}/api/health/ready`).catch(() => null);
      if (answer?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`Integron never became ready:\n${this.log}`);
  }
}
