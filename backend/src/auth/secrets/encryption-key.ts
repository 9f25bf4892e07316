import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppConfig } from '../../config/app-config.js';

/** The master key, injected by class. */
export class EncryptionKey {
  constructor(readonly value: Buffer) {}
}

/**
 * ENCRYPTION_KEY when configured; otherwise a key generated once into DATA_DIR/secrets (readable
 * by this user only) and reused on every start after.
 */
export async function loadEncryptionKey(config: AppConfig): Promise<EncryptionKey> {
  if (config.auth.encryptionKey) return new EncryptionKey(config.auth.encryptionKey);
  const directory = join(config.dataDir, 'secrets');
  const file = join(directory, 'encryption.key');
  try {
    return new EncryptionKey(decode(await readFile(file, 'utf8'), file));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o700);
  const key = randomBytes(32);
  // `wx`: never overwrite a key another replica or start wrote in the meantime.
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch(
    (error: unknown) => {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    },
  );
  return new EncryptionKey(decode(await readFile(file, 'utf8'), file));
}

function decode(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new Error(
      `${file} does not hold a 32-byte base64 key; restore it or set ENCRYPTION_KEY.`,
    );
  return key;
}
