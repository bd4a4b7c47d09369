/**
 * Bundle size of the generated client: the whole package (`export *`), the `NotAi` class, and one
 * tree-shaken function, each bundled with esbuild (ESM, platform neutral, ES2022), minified, then
 * gzipped (level 9) and brotli-compressed.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { GENERATED_SRC, ROOT, rootEsbuild } from './lib/paths.js';
import { type Section, type Target, fmtInt, status } from './report.js';

/** The whole client, minified and gzipped, in bytes (6 kB read strictly as 6,000 B). */
export const WHOLE_CLIENT_TARGET = 6_000;

export interface BundleOptions {
  log: (line: string) => void;
}

export interface BundleCase {
  label: string;
  entry: string;
}

export interface BundleSize {
  label: string;
  raw: number;
  minified: number;
  gzip: number;
  brotli: number;
}

const INDEX = `${GENERATED_SRC}/index.ts`;

export const BUNDLE_CASES: readonly BundleCase[] = [
  { label: 'whole client (`export * from` the package)', entry: `export * from ${JSON.stringify(INDEX)};` },
  { label: '`NotAi` class only', entry: `export { NotAi } from ${JSON.stringify(INDEX)};` },
  {
    label: 'one function: `getSession` (tree-shaken)',
    entry: `export { getSession } from ${JSON.stringify(INDEX)};`,
  },
];

async function bundle(entry: string, minify: boolean): Promise<Uint8Array> {
  const result = await rootEsbuild().build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify,
    treeShaking: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error('esbuild produced no output');
  return file.contents;
}

export async function measureBundle(c: BundleCase): Promise<BundleSize> {
  const raw = await bundle(c.entry, false);
  const minified = await bundle(c.entry, true);
  return {
    label: c.label,
    raw: raw.byteLength,
    minified: minified.byteLength,
    gzip: gzipSync(minified, { level: 9 }).byteLength,
    brotli: brotliCompressSync(minified, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

export async function runBundleSize(options: BundleOptions): Promise<Section> {
  const sizes: BundleSize[] = [];
  for (const c of BUNDLE_CASES) {
    const size = await measureBundle(c);
    options.log(`  bundle ${c.label}: ${size.gzip} B min+gz`);
    sizes.push(size);
  }
  const whole = sizes[0];
  const targets: Target[] = [
    {
      name: 'bundle: whole client, minified + gzipped',
      target: `≤ ${fmtInt(WHOLE_CLIENT_TARGET)} B`,
      measured: whole === undefined ? 'n/a' : `${fmtInt(whole.gzip)} B`,
      status: status(whole === undefined ? undefined : whole.gzip <= WHOLE_CLIENT_TARGET),
    },
  ];
  return {
    id: 'bundle',
    title: 'Bundle size',
    tables: [
      {
        caption: 'esbuild bundle of generated/src (ESM, platform neutral, ES2022); sizes in bytes',
        headers: ['entry', 'bundled', 'minified', 'min + gzip', 'min + brotli'],
        rows: sizes.map((s) => [s.label, fmtInt(s.raw), fmtInt(s.minified), fmtInt(s.gzip), fmtInt(s.brotli)]),
      },
    ],
    notes: [
      'gzip at level 9 and brotli at quality 11 of the minified bundle. Types cost nothing at run time; the runtime (retries, timeouts, errors, pagination, redaction, logging) is most of the bundle.',
      'A generated function takes the client as an argument, so `getSession` alone bundles only its own code: a program that calls it also needs a client (`NotAi`, row 2).',
    ],
    targets,
  };
}
