/**
 * Our generator as `npm ci` installs it: the bundle scripts/build-cli.mjs makes, run through
 * bin/run-bundle.mjs (V8 code cache) exactly as bin/notai-codegen.mjs runs it, but built into
 * .tmp/bench-generator/ (gitignored scratch) so that one benchmark run uses one snapshot of the
 * sources even while generator/ is being edited (bin/notai-codegen.mjs would silently fall back
 * to tsx when dist/ is stale). It must sit under the root: the bundle finds templates/ by walking
 * up from its own location.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.js';

export interface OurCli {
  /** Run as `node <launcher> generate …`. */
  launcher: string;
  builtMs: number;
}

export async function buildOurCli(): Promise<OurCli> {
  const started = performance.now();
  const outdir = join(ROOT, '.tmp', 'bench-generator');
  const { buildCli } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-cli.mjs')).href)) as {
    buildCli: (outdir: string) => Promise<string>;
  };
  const bundle = await buildCli(outdir);
  const launcher = join(outdir, 'launcher.mjs');
  // Same as bin/notai-codegen.mjs once it has picked the bundle.
  writeFileSync(
    launcher,
    `import { runBundle } from ${JSON.stringify(pathToFileURL(join(ROOT, 'bin', 'run-bundle.mjs')).href)};\n` +
      `process.exitCode = await runBundle(${JSON.stringify(bundle)}, process.argv.slice(2));\n`,
  );
  return { launcher, builtMs: performance.now() - started };
}
