import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type AppConfig } from '../../config/app-config.js';

/** Where the master key came from, for messages that tell a person what to restore. */
export type EncryptionKeyOrigin =
  | { kind: 'environment' }
  | { kind: 'file'; path: string; /** Generated during this start. */ created: boolean };

/** The master key, injected by class. */
export class EncryptionKey {
  constructor(
    readonly value: Buffer,
    readonly origin: EncryptionKeyOrigin,
  ) {}
}

/** Where the generated key lives when ENCRYPTION_KEY is not set. */
export function keyFilePath(config: AppConfig): string {
  return join(config.dataDir, 'secrets', 'encryption.key');
}

/**
 * ENCRYPTION_KEY when configured; otherwise a key generated once into DATA_DIR/secrets (readable
 * by this user only) and reused on every start after.
 */
export async function loadEncryptionKey(config: AppConfig): Promise<EncryptionKey> {
  if (config.auth.encryptionKey)
    return new EncryptionKey(config.auth.encryptionKey, { kind: 'environment' });
  const file = keyFilePath(config);
  const existing = await readKeyFile(file);
  if (existing) return new EncryptionKey(existing, { kind: 'file', path: file, created: false });
  const directory = dirname(file);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o700);
  const key = randomBytes(32);
  // `wx`: never overwrite a key another replica or start wrote in the meantime.
  const created = await writeFile(file, `${key.toString('base64')}\n`, {
    mode: 0o600,
    flag: 'wx',
  }).then(
    () => true,
    (error: unknown) => {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      return false;
    },
  );
  const value = await readKeyFile(file);
  if (!value) throw new Error(`${file} vanished while it was being created.`);
  return new EncryptionKey(value, { kind: 'file', path: file, created });
}

/** The key in `file`, or undefined when there is none; refuses one other users can read. */
async function readKeyFile(file: string): Promise<Buffer | undefined> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  });
  if (!handle) return undefined;
  try {
    const mode = (await handle.stat()).mode & 0o777;
    if (mode & 0o077)
      throw new Error(
        `${file} can be read by other users (mode ${mode.toString(8)}); run chmod 600 ${file} and start again.`,
      );
    return decode(await handle.readFile('utf8'), file);
  } finally {
    await handle.close();
  }
}

function decode(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new Error(
      `${file} does not hold a 32-byte base64 key; restore it or set ENCRYPTION_KEY.`,
    );
  return key;
}
