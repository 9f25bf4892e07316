import { createHmac } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import { type DataSource } from 'typeorm';
import { type EncryptionKey, type EncryptionKeyOrigin } from './encryption-key.js';

const KEY_CHECK_SETTING = 'encryption.key_check';

/** Tells keys apart without revealing them: stored in the database in place of the key. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('integron-key-check').digest('hex');
}

/**
 * Records which key the database's secrets are sealed with, and refuses to go on with another one
 * while anything sealed under the old one is left. Without it, a lost key file would be replaced
 * by a new key and every connected account would quietly become unreadable.
 */
export async function checkKeyAgainstDatabase(
  key: EncryptionKey,
  dataSource: DataSource,
  keyFile: string,
): Promise<void> {
  const fingerprint = keyFingerprint(key.value);
  await dataSource.query(
    `INSERT INTO settings (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`,
    [KEY_CHECK_SETTING, fingerprint],
  );
  const [recorded] = await dataSource.query<{ value: unknown }[]>(
    `SELECT value FROM settings WHERE key = $1`,
    [KEY_CHECK_SETTING],
  );
  if (recorded?.value === fingerprint) return;

  const [{ sealed }] = await dataSource.query<[{ sealed: number }]>(
    `SELECT count(*)::int AS sealed FROM twitch_accounts`,
  );
  if (sealed === 0) {
    await dataSource.query(
      `UPDATE settings SET value = to_jsonb($2::text), updated_at = now() WHERE key = $1`,
      [KEY_CHECK_SETTING, fingerprint],
    );
    new Logger('EncryptionKey').warn(
      'The encryption key changed. Nothing was sealed with the old one, so the new key is used from now on; everyone signs in again.',
    );
    return;
  }
  // A key generated just now would be taken for the real one on the next start.
  if (key.origin.kind === 'file' && key.origin.created) await rm(key.origin.path, { force: true });
  throw new Error(keyMismatchMessage(key.origin, keyFile, sealed));
}

function keyMismatchMessage(origin: EncryptionKeyOrigin, keyFile: string, sealed: number): string {
  const accounts = `${sealed} connected Twitch account${sealed === 1 ? '' : 's'}`;
  const startOver =
    'Or start over without it: delete the connected accounts (DELETE FROM twitch_accounts;), start again and connect them anew.';
  if (origin.kind === 'environment')
    return `The database holds ${accounts} encrypted with a different key than ENCRYPTION_KEY. Set ENCRYPTION_KEY to the previous key, or unset it if the previous key is in ${keyFile}. ${startOver}`;
  const happened = origin.created
    ? `The encryption key file ${keyFile} is missing, and the database holds ${accounts} encrypted with the key it held.`
    : `The database holds ${accounts} encrypted with a different key than the one in ${keyFile}.`;
  return `${happened} Restore the previous key file from a backup (chmod 600), or set ENCRYPTION_KEY to the previous key. ${startOver}`;
}
