// Bundles each page script in src/ and copies the static pages from public/ into dist/.
import { cp, readdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('.', import.meta.url).pathname;
const entryPoints = (await readdir(`${root}src`))
  .filter((file) => file.endsWith('.page.ts'))
  .map((file) => `${root}src/${file}`);

await rm(`${root}dist`, { recursive: true, force: true });
await cp(`${root}public`, `${root}dist`, { recursive: true });
await build({
  entryPoints,
  outdir: `${root}dist`,
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  target: 'chrome110',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
