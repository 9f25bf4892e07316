/** Native `datetime-local` inputs speak local wall time; the API and URLs speak ISO 8601. */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `2026-11-22T08:05:00.000Z` → `2026-11-22T09:05` in a UTC+1 browser; `''` for nothing or junk. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO instant of a `datetime-local` value; `undefined` when empty or not a date. */
export function fromLocalInput(value: string | null | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
