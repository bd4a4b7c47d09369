// Bundles the generator CLI into dist/notai-codegen.mjs (dependencies stay external), so the
// installed command starts without compiling TypeScript. Runs on `npm ci` via "prepare";
// bin/notai-codegen.mjs falls back to tsx whenever this bundle is older than the sources.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'generator', 'cli.ts')],
  outdir: join(root, 'dist'),
  entryNames: 'notai-codegen',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  // Code splitting keeps each command's dependencies behind its dynamic import.
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
