import type pg from 'pg';

/** Serialises partition DDL across replicas. */
const PARTITION_LOCK = 7_365_301_009;

/** `2026-12` for any time in December 2026 (UTC). */
export function monthOf(isoTime: string): string {
  return isoTime.slice(0, 7);
}

/** `messages_y2026m12`. */
export function partitionName(month: string): string {
  return `messages_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

function nextMonth(month: string): string {
  const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The monthly partitions of `messages`: created before the first row of a month is written (and
 * ahead of time for the coming month), and dropped whole when retention says so.
 */
export class MessagePartitions {
  private readonly known = new Set<string>();

  /** Creates the partitions of `months` that do not exist yet. */
  async ensure(client: pg.ClientBase, months: Iterable<string>): Promise<void> {
    const missing = [...new Set(months)].filter((month) => !this.known.has(month));
    if (missing.length === 0) return;
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
      for (const month of missing) {
        if (!MONTH.test(month)) throw new Error(`Not a month: ${month}`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${partitionName(month)} PARTITION OF messages
             FOR VALUES FROM ('${month}-01 00:00:00+00') TO ('${nextMonth(month)}-01 00:00:00+00')`,
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    for (const month of missing) this.known.add(month);
  }

  /** This month's and the next month's partitions, so no batch waits for DDL at midnight. */
  ensureAhead(client: pg.ClientBase, now = new Date()): Promise<void> {
    const month = monthOf(now.toISOString());
    return this.ensure(client, [month, nextMonth(month)]);
  }

  /** Drops the partitions of months that end before the last `keepMonths` months; returns them. */
  async dropOlderThan(
    client: pg.ClientBase,
    keepMonths: number,
    now = new Date(),
  ): Promise<string[]> {
    let oldestKept = monthOf(now.toISOString());
    for (let i = 1; i < keepMonths; i++) oldestKept = previousMonth(oldestKept);
    const { rows } = await client.query<{ name: string }>(
      `SELECT child.relname AS name
         FROM pg_inherits
         JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
         JOIN pg_class child ON child.oid = pg_inherits.inhrelid
        WHERE parent.relname = 'messages'`,
    );
    const dropped: string[] = [];
    for (const { name } of rows) {
      const match = /^messages_y(\d{4})m(\d{2})$/.exec(name);
      if (!match) continue;
      const month = `${match[1]}-${match[2]}`;
      if (month >= oldestKept) continue;
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
        await client.query(`DROP TABLE IF EXISTS ${name}`);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      this.known.delete(month);
      dropped.push(month);
    }
    return dropped.sort();
  }
}

function previousMonth(month: string): string {
  const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return index === 1 ? `${year - 1}-12` : `${year}-${String(index - 1).padStart(2, '0')}`;
}
