// Bundles the generator CLI and its dependencies into one CommonJS file, dist/notai-codegen.cjs,
// run by bin/notai-codegen.mjs through bin/run-bundle.mjs (with a V8 code cache). Runs on
// `npm ci` via "prepare"; bin/notai-codegen.mjs falls back to tsx whenever this bundle is older
// than the sources. See docs/decisions.md ("One bundled, code-cached CLI").
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { linearOperationsPlugin } from './linear-operations.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle's file name inside the output directory. */
export const BUNDLE_NAME = 'notai-codegen.cjs';

/**
 * Points every `typescript` import at one compiler file. ES modules (openapi-typescript) import it
 * through a module whose default export is the CommonJS exports object itself: imported directly,
 * esbuild's interop would copy TypeScript's ~2,250 exports onto a fresh namespace object at each
 * of the 14 importing modules (~28 ms of every start-up). All of them use the default import, so a
 * named import fails the build here rather than at run time.
 */
function oneTypeScript(compilerFile) {
  const SHIM = 'notai-codegen:typescript';
  return {
    name: 'one-typescript',
    setup(build) {
      build.onResolve({ filter: /^typescript$/ }, (args) => (args.kind === 'import-statement' ? { path: SHIM, namespace: SHIM } : { path: compilerFile }));
      build.onLoad({ filter: /.*/, namespace: SHIM }, () => ({
        contents: `export default require(${JSON.stringify(compilerFile)});\n`,
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/**
 * Builds the bundle into `outdir` (emptied first) and returns its path.
 *
 * - Dependencies are bundled: importing typescript, prettier and Redocly as separate packages costs
 *   Node's ESM loader ~0.4 s per run (it lexes each large CommonJS file for named exports and
 *   sniffs its module format), more than openapi-typescript's whole run on a small spec.
 * - CommonJS, so the launcher can compile it with `vm.Script` and a V8 code cache (Node 20 has no
 *   code cache for ES modules).
 * - One TypeScript: ts-morph ships its own copy (6.x) inside @ts-morph/common; openapi-typescript
 *   is pointed at the same copy instead of a second 9 MB compiler. test/generator/bundle.test.ts
 *   checks the bundle prints the same bytes as the sources do.
 */
export async function buildCli(outdir) {
  const require = createRequire(join(root, 'package.json'));
  const { build } = require('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, BUNDLE_NAME);
  await build({
    entryPoints: [join(root, 'generator', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [oneTypeScript(join(root, 'node_modules', '@ts-morph', 'common', 'dist', 'typescript.js')), linearOperationsPlugin()],
    // ES modules among the dependencies (and generator/root.ts) read import.meta.url.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    // 16 MB -> 11.5 MB: every run reads the whole file (~30 ms less per run). Identifiers are kept:
    // renaming them would change function and class names that messages and stack traces show.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  // The code cache is keyed by this hash: V8 itself only checks a cache against the source's length.
  writeFileSync(`${outfile}.sha256`, `${createHash('sha256').update(readFileSync(outfile)).digest('hex')}\n`);
  return outfile;
}

// Compared as real paths: run through a symlinked directory, argv[1] is not resolved.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  await buildCli(join(root, 'dist'));
}
