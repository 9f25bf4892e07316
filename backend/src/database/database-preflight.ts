import pg from 'pg';
import { redactUrl } from '../config/app-config.js';

const RETRY_DELAY_MS = 1_000;

/**
 * Checks that `url` accepts a connection, retrying for up to `timeoutSeconds` (a database container
 * may still be starting). Throws an error a person can act on, naming the server but never the
 * password.
 */
export async function waitForDatabase(url: string, timeoutSeconds: number): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let lastError: unknown;
  do {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: Math.max(1, deadline - Date.now()),
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((done) => setTimeout(done, Math.min(RETRY_DELAY_MS, deadline - Date.now())));
  } while (Date.now() < deadline);
  throw new Error(
    `Cannot reach the database at ${redactUrl(url)} after ${timeoutSeconds} s: ${describePgError(lastError)}. ` +
      'Check DATABASE_URL and that the Postgres server is running, or unset DATABASE_URL to use the embedded Postgres.',
  );
}

function describePgError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
