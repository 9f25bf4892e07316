import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/app-config.js';
import { keyFilePath, loadEncryptionKey } from './encryption-key.js';

describe(loadEncryptionKey.name, () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'integron-key-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const config = (env: Record<string, string> = {}) => parseConfig({ DATA_DIR: dataDir, ...env });

  it('generates a key on first start into an owner-only file, and reuses it after', async () => {
    const first = await loadEncryptionKey(config());
    const second = await loadEncryptionKey(config());

    const file = join(dataDir, 'secrets', 'encryption.key');
    expect(first.origin).toEqual({ kind: 'file', path: file, created: true });
    expect(second.origin).toEqual({ kind: 'file', path: file, created: false });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'secrets'))).mode & 0o777).toBe(0o700);
    expect(first.value).toHaveLength(32);
    expect(second.value).toEqual(first.value);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64')).toEqual(first.value);
  });

  it('uses ENCRYPTION_KEY when it is set, and writes nothing', async () => {
    const key = randomBytes(32);

    const loaded = await loadEncryptionKey(config({ ENCRYPTION_KEY: key.toString('base64') }));

    expect(loaded.value).toEqual(key);
    expect(loaded.origin).toEqual({ kind: 'environment' });
    await expect(stat(join(dataDir, 'secrets'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a damaged key file instead of silently replacing it', async () => {
    await mkdir(join(dataDir, 'secrets'));
    await writeFile(join(dataDir, 'secrets', 'encryption.key'), 'c2hvcnQ=\n', { mode: 0o600 });

    await expect(loadEncryptionKey(config())).rejects.toThrow(
      /does not hold a 32-byte base64 key; restore it or set ENCRYPTION_KEY/,
    );
  });

  it.each(['640', '604'])(
    'refuses a key file other users can read (mode %s) and says how to fix it',
    async (mode) => {
      await loadEncryptionKey(config());
      const file = keyFilePath(config());
      await chmod(file, parseInt(mode, 8));

      await expect(loadEncryptionKey(config())).rejects.toThrow(
        `${file} can be read by other users (mode ${mode}); run chmod 600 ${file} and start again.`,
      );
    },
  );
});
