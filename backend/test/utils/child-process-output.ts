import { type ChildProcess } from 'node:child_process';

const STOP_GRACE_MS = 10_000;

/**
 * A child process started by a test, with everything it printed kept for the failure message,
 * and a way to wait for something in it.
 */
export class ChildProcessOutput {
  private text = '';
  private wake: () => void = () => undefined;

  constructor(
    private readonly child: ChildProcess,
    /** Who it is in error messages, e.g. "npm run sim". */
    private readonly name: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.text += chunk.toString();
      this.wake();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => this.wake());
  }

  get all(): string {
    return this.text;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Resolves with what `find` returns from the output once it returns something. */
  async waitFor<T>(find: (output: string) => T | undefined, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find(this.text);
      if (found !== undefined) return found;
      if (this.exited) throw new Error(`${this.name} exited early:\n${this.text}`);
      if (Date.now() >= deadline)
        throw new Error(`${this.name} did not print what was expected:\n${this.text}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Ctrl-C, as a person stops it in its terminal; killed if it has not exited after a grace. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
}
