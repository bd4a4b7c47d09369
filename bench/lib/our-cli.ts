/**
 * Our generator as `npm ci` installs it: the generator/ sources bundled with esbuild exactly as
 * scripts/build-cli.mjs does (dependencies external, code splitting, node20), but into
 * .tmp/bench-generator/ (gitignored scratch) so that one benchmark run uses one snapshot of the
 * sources even while generator/ is being edited (bin/notai-codegen.mjs would silently fall back
 * to tsx when dist/ is stale). It must sit directly under the root: from bench/ the external
 * imports would resolve to bench/node_modules (the peers' older yaml, typescript, ...).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, rootEsbuild } from './paths.js';

export interface OurCli {
  /** Run as `node <launcher> generate …`. */
  launcher: string;
  builtMs: number;
}

export async function buildOurCli(): Promise<OurCli> {
  const started = performance.now();
  const outdir = join(ROOT, '.tmp', 'bench-generator');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await rootEsbuild().build({
    entryPoints: [join(ROOT, 'generator', 'cli.ts')],
    outdir,
    entryNames: 'notai-codegen',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const launcher = join(outdir, 'launcher.mjs');
  // Same as bin/notai-codegen.mjs once it has picked the bundle.
  writeFileSync(
    launcher,
    "import { main } from './notai-codegen.mjs';\nprocess.exitCode = await main(process.argv.slice(2));\n",
  );
  return { launcher, builtMs: performance.now() - started };
}
