import { readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc CPU times (USER_HZ, 100 on every common kernel). */
const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

export interface ProcessSample {
  /** CPU seconds (user + system) used since the process started. */
  cpuSeconds: number;
  rssBytes: number;
}

/** What /proc says about a process now; `null` once it is gone. */
export function sampleProcess(pid: number): ProcessSample | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { cpuSeconds: ticks / TICKS_PER_SECOND, rssBytes: Number(fields[21]) * PAGE_BYTES };
}

/** The whole machine's CPU time so far, busy and in total, in seconds over all cores. */
export function sampleMachine(): { busySeconds: number; totalSeconds: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busySeconds: (total - idle) / TICKS_PER_SECOND, totalSeconds: total / TICKS_PER_SECOND };
}

/** CPU used between two samples, as a share of one core. */
export function coreShare(
  before: ProcessSample | null,
  after: ProcessSample | null,
  seconds: number,
): number {
  if (!before || !after || seconds <= 0) return 0;
  return (after.cpuSeconds - before.cpuSeconds) / seconds;
}

export const megabytes = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;

/** The machine's load average, to note with every figure. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** The `q`-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}
