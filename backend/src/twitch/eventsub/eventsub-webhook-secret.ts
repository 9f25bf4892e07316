import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { type EncryptionKey } from '../../auth/secrets/encryption-key.js';
import { deriveKey, SecretBox, UnreadableSecretError } from '../../auth/secrets/secret-box.js';

const SETTING = 'eventsub.webhook_secret';

/** The secret Twitch signs webhook deliveries with (10–100 characters), and whether it is new. */
export interface WebhookSecret {
  readonly value: string;
  /**
   * Not the one used before: subscriptions Twitch still holds from then are signed with another
   * secret, and must be made again.
   */
  readonly changed: boolean;
}

/**
 * EVENTSUB_WEBHOOK_SECRET when configured; otherwise one generated on first start. Either is kept
 * sealed in the `settings` table, so a restart (or another replica) signs with the same secret,
 * and a change of it is noticed.
 */
export async function loadWebhookSecret(
  configured: string | null,
  key: EncryptionKey,
  dataSource: DataSource,
): Promise<WebhookSecret> {
  const box = new SecretBox(deriveKey(key.value, 'eventsub-webhook-secret'));
  const stored = await readStored(dataSource, box);
  if (configured === null && stored.kind === 'readable')
    return { value: stored.value, changed: false };
  if (configured !== null && stored.kind === 'readable' && stored.value === configured)
    return { value: configured, changed: false };
  const value = configured ?? randomBytes(32).toString('base64url');
  if (stored.kind === 'none') {
    // Another replica starting at the same moment may have stored its own: the first one wins.
    await dataSource.query(
      `INSERT INTO settings (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`,
      [SETTING, box.seal(value)],
    );
    const now = await readStored(dataSource, box);
    if (configured === null && now.kind === 'readable') return { value: now.value, changed: true };
  } else {
    await dataSource.query(
      `UPDATE settings SET value = to_jsonb($2::text), updated_at = now() WHERE key = $1`,
      [SETTING, box.seal(value)],
    );
  }
  return { value, changed: true };
}

type Stored = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'readable'; value: string };

async function readStored(dataSource: DataSource, box: SecretBox): Promise<Stored> {
  const [row] = await dataSource.query<{ value: unknown }[]>(
    `SELECT value FROM settings WHERE key = $1`,
    [SETTING],
  );
  if (!row) return { kind: 'none' };
  if (typeof row.value !== 'string') return { kind: 'unreadable' };
  try {
    return { kind: 'readable', value: box.open(row.value) };
  } catch (error) {
    if (error instanceof UnreadableSecretError) return { kind: 'unreadable' };
    throw error;
  }
}
