import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh directory under the system temp dir. Open to traversal (0755) because, under root, the
 * embedded Postgres runs as the `postgres` user and must reach its cluster inside it.
 */
export async function makeTempDir(prefix: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), `integron-${prefix}-`));
  await chmod(directory, 0o755);
  return directory;
}
