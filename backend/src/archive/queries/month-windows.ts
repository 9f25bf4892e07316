import { type EntityManager } from 'typeorm';

/** A half-open time range `[from, to)`. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

const PARTITION_NAME = /^messages_y(\d{4})m(\d{2})$/;

/** The months that have a partition of `messages`, as the UTC start of each, newest first. */
export async function archivedMonths(db: Pick<EntityManager, 'query'>): Promise<Date[]> {
  const rows: { name: string }[] = await db.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'messages'::regclass`,
  );
  const months: Date[] = [];
  for (const { name } of rows) {
    const match = PARTITION_NAME.exec(name);
    if (match) months.push(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
  }
  return months.sort((a, b) => b.getTime() - a.getTime());
}

function monthAfter(month: Date): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
}

/**
 * The archived months within `[since, until)` grouped into windows, newest first: one month,
 * one month, then two, four, eight… so that a search that fills its page in the newest months
 * stops there, and one that finds little still needs only a few round trips over years.
 */
export function monthWindows(months: Date[], since: Date | null, until: Date | null): TimeWindow[] {
  const inRange = months.filter(
    (month) => (until === null || month < until) && (since === null || monthAfter(month) > since),
  );
  const windows: TimeWindow[] = [];
  let size = 1;
  for (let start = 0; start < inRange.length;) {
    const group = inRange.slice(start, start + size);
    const newest = group[0]!;
    const oldest = group[group.length - 1]!;
    const from = since !== null && since > oldest ? since : oldest;
    const end = monthAfter(newest);
    windows.push({ from, to: until !== null && until < end ? until : end });
    start += group.length;
    if (windows.length >= 2) size *= 2;
  }
  return windows;
}
