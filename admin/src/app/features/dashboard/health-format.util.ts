import { type DatabaseCheck, type RunMode } from '@integron/contracts';

const UNITS = [
  { label: 'd', seconds: 86_400 },
  { label: 'h', seconds: 3_600 },
  { label: 'min', seconds: 60 },
  { label: 's', seconds: 1 },
] as const;

/** `93_784` → `1 d 2 h`: the two largest non-zero units, enough to read at a glance. */
export function formatUptime(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(rest / unit.seconds);
    rest -= count * unit.seconds;
    if (count > 0 || parts.length > 0) {
      parts.push(`${count} ${unit.label}`);
    }
    if (parts.length === 2) {
      break;
    }
  }
  const [largest, next] = parts;
  if (largest === undefined) {
    return '0 s';
  }
  return next === undefined || next.startsWith('0 ') ? largest : `${largest} ${next}`;
}

export function runModeLabel(mode: RunMode): string {
  switch (mode) {
    case 'demo':
      return 'Demo mode — simulated Twitch & Discord';
    case 'live':
      return 'Live';
  }
}

export function databaseKindLabel(kind: DatabaseCheck['kind']): string {
  switch (kind) {
    case 'embedded':
      return 'Embedded Postgres';
    case 'external':
      return 'External Postgres';
  }
}
