/** Node's socket errors: Postgres is not there (or the network between is not). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE classes that say "not now" rather than "not this": connection exceptions (08),
 * insufficient resources such as a full disk (53), operator intervention such as a shutdown (57),
 * transaction rollbacks such as a deadlock (40), and system errors (58).
 */
const TRANSIENT_CLASSES = new Set(['08', '40', '53', '57', '58']);

/** Messages node-postgres throws without a code when the connection goes. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|not queryable/i;

/**
 * Whether a failed write should wait for Postgres and be retried (`unavailable`), or will never
 * succeed as it is (`rejected`: its content is the problem).
 */
export function failureKind(error: unknown): 'unavailable' | 'rejected' {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return 'unavailable';
    if (/^[0-9A-Z]{5}$/.test(code))
      return TRANSIENT_CLASSES.has(code.slice(0, 2)) ? 'unavailable' : 'rejected';
  }
  const message = error instanceof Error ? error.message : String(error);
  // Anything else would fail again the same way: set aside (on disk), not retried forever.
  return CONNECTION_MESSAGES.test(message) ? 'unavailable' : 'rejected';
}
