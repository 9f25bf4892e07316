import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The Postgres server benchmarks make their databases on. */
export const BENCH_POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const DATABASE_NAME = /^[a-z_][a-z0-9_]*$/;

/** A database of the benchmarks on the local Postgres: a run's throwaway one, or a kept one. */
export class BenchDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
  ) {}

  /** A fresh database of one run, to be dropped at its end. */
  static async create(): Promise<BenchDatabase> {
    const database = BenchDatabase.named(`integron_bench_${randomBytes(5).toString('hex')}`);
    await database.createEmpty();
    return database;
  }

  /** The database of that name, which may or may not exist (see `exists`). */
  static named(name: string): BenchDatabase {
    if (!DATABASE_NAME.test(name)) throw new Error(`Not a plain database name: ${name}`);
    const url = new URL(BENCH_POSTGRES_URL);
    url.pathname = `/${name}`;
    return new BenchDatabase(name, url.toString());
  }

  async exists(): Promise<boolean> {
    const { rows } = await withClient(BENCH_POSTGRES_URL, (client) =>
      client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.name]),
    );
    return rows.length > 0;
  }

  async createEmpty(): Promise<void> {
    await withClient(BENCH_POSTGRES_URL, (client) => client.query(`CREATE DATABASE ${this.name}`));
  }

  /** The database's comment (COMMENT ON DATABASE), `null` when it has none or does not exist. */
  async comment(): Promise<string | null> {
    const { rows } = await withClient(BENCH_POSTGRES_URL, (client) =>
      client.query<{ comment: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
        [this.name],
      ),
    );
    return rows[0]?.comment ?? null;
  }

  async setComment(comment: string): Promise<void> {
    await withClient(BENCH_POSTGRES_URL, (client) =>
      client.query(`COMMENT ON DATABASE ${this.name} IS ${client.escapeLiteral(comment)}`),
    );
  }

  /** A connection of the benchmark's own (not Integron's), for counting and raw loads. */
  async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'integron-bench',
    });
    await client.connect();
    return client;
  }

  async count(sql: string, values?: unknown[]): Promise<number> {
    const { rows } = await withClient(this.url, (client) =>
      client.query<{ n: string }>(sql, values),
    );
    return Number(rows[0]?.n ?? 0);
  }

  drop(): Promise<unknown> {
    return withClient(BENCH_POSTGRES_URL, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`),
    );
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
