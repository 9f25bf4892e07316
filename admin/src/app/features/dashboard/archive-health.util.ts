import { type ArchiveHealth } from '@integron/contracts';

/** Lines older than this and not yet committed mean the archive is falling behind. */
export const LAG_WARNING_MS = 5_000;
/** A buffer fuller than this share is close to spilling into the journal. */
export const BUFFER_WARNING_SHARE = 0.8;

/**
 * `ok`: every line reaches Postgres in time; `behind`: it does, slowly; `journaling`: Postgres
 * refuses writes (or has not yet taken back the journal) and lines wait on disk.
 */
export type ArchiveHealthStatus = 'ok' | 'behind' | 'journaling';

export function archiveHealthStatus(health: ArchiveHealth): ArchiveHealthStatus {
  if (!health.databaseWritable || health.journal.rows > 0) {
    return 'journaling';
  }
  if (health.lagMs > LAG_WARNING_MS || bufferShare(health) > BUFFER_WARNING_SHARE) {
    return 'behind';
  }
  return 'ok';
}

export function archiveHealthLabel(status: ArchiveHealthStatus): string {
  switch (status) {
    case 'ok':
      return 'Every line is archived';
    case 'behind':
      return 'Archiving is falling behind';
    case 'journaling':
      return 'Postgres is not taking writes: lines wait in the on-disk journal';
  }
}

export function bufferShare(health: Pick<ArchiveHealth, 'buffer'>): number {
  const { rows, capacity } = health.buffer;
  return capacity > 0 ? Math.min(1, rows / capacity) : 0;
}

/** `180` → `180 ms`, `65_000` → `1 min 5 s`, `3_600_000` → `1 h`. */
export function formatLag(ms: number): string {
  if (ms < 1_000) {
    return `${Math.max(0, Math.round(ms))} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1_000).toFixed(1)} s`;
  }
  const seconds = Math.round(ms / 1_000);
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  if (hours > 0) {
    return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** `5_242_880` → `5.0 MB` (binary multiples, as disks are usually read). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1_024 && unit < BYTE_UNITS.length - 1) {
    value /= 1_024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** `42.5` → `42.5/s`, `25_300.4` → `25,300/s`. */
export function formatRate(perSecond: number): string {
  const digits = perSecond < 100 ? 1 : 0;
  return `${perSecond.toLocaleString('en-US', { maximumFractionDigits: digits })}/s`;
}
