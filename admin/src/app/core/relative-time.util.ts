/** Steps of "5 minutes ago": each unit is used below the next one's size. */
const STEPS: readonly { unit: Intl.RelativeTimeFormatUnit; ms: number }[] = [
  { unit: 'second', ms: 1_000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'day', ms: 86_400_000 },
  { unit: 'week', ms: 7 * 86_400_000 },
  { unit: 'month', ms: 30 * 86_400_000 },
  { unit: 'year', ms: 365 * 86_400_000 },
];

/** Closer than this counts as "now". */
const NOW_MS = 10_000;

const FORMATS = new Map<string, Intl.RelativeTimeFormat>();

function formatFor(locale: string): Intl.RelativeTimeFormat {
  let format = FORMATS.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    FORMATS.set(locale, format);
  }
  return format;
}

/**
 * How long ago (or ahead) `iso` is from `now`, as people say it: `now`, `5 minutes ago`,
 * `yesterday`, `in 2 minutes`. `''` for something that is not a time.
 */
export function formatRelative(iso: string, now: number, locale = 'en-US'): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) {
    return '';
  }
  const delta = at - now;
  const format = formatFor(locale);
  if (Math.abs(delta) < NOW_MS) {
    return format.format(0, 'second');
  }
  let step = STEPS[0];
  for (const next of STEPS) {
    if (Math.abs(delta) >= next.ms) {
      step = next;
    }
  }
  const { unit, ms } = step ?? { unit: 'second', ms: 1_000 };
  return format.format(Math.trunc(delta / ms), unit);
}
