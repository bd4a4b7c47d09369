/**
 * Bundle size of the generated client beside the peers' for the same spec (the pinned Not AI
 * spec): the whole package (`export *`), one call (`listSessions` and the client it needs), the
 * same call with its long strings emptied (the code alone), the `NotAi` class, and one function
 * alone. Each entry is bundled with esbuild (ESM, platform
 * neutral, ES2022), minified, then gzipped (level 9) and brotli-compressed.
 *
 * Peers: @hey-api/openapi-ts's SDK, generated here from the pinned spec (its functions carry a
 * default client, so `listSessions` alone is one call), and openapi-fetch, whose one generic
 * client is the whole of it (types do all the per-operation work). Skipped in --smoke and when
 * not installed in bench/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'esbuild';
import { BENCH, GENERATED_SRC, PINNED_SPEC, ROOT, packageJsonPath, rootEsbuild, rootRequire } from './lib/paths.js';
import { type Section, type Target, fmtInt, status } from './report.js';

/** Issue #20: the whole client and one call, minified and gzipped, in bytes. */
export const WHOLE_CLIENT_TARGET = 9_000;
export const ONE_CALL_TARGET = 5_000;

export interface BundleOptions {
  smoke: boolean;
  log: (line: string) => void;
}

export interface BundleCase {
  label: string;
  entry: string;
  /** Directory the entry's imports resolve from (the root, or bench/ for peers). */
  resolveDir?: string;
  /** Which figure this row is, for the targets and the side-by-side table. */
  kind?: 'whole' | 'oneCall';
  /** Empty every string of 12 or more characters in the client's sources: what the code alone weighs. */
  codeOnly?: boolean;
}

export interface BundleSize {
  label: string;
  raw: number;
  minified: number;
  gzip: number;
  brotli: number;
}

const INDEX = JSON.stringify(`${GENERATED_SRC}/index.ts`);

export const BUNDLE_CASES: readonly BundleCase[] = [
  { label: 'whole client (`export * from` the package)', entry: `export * from ${INDEX};`, kind: 'whole' },
  {
    label: 'one call: `listSessions` + `NotAiBase` (the client without resources)',
    entry: `export { NotAiBase, listSessions } from ${INDEX};`,
    kind: 'oneCall',
  },
  { label: 'one call through the full client: `listSessions` + `NotAi`', entry: `export { NotAi, listSessions } from ${INDEX};` },
  {
    label: 'one call, code alone: the same with every string of 12+ characters emptied (messages, log lines)',
    entry: `export { NotAiBase, listSessions } from ${INDEX};`,
    codeOnly: true,
  },
  { label: '`NotAi` class only', entry: `export { NotAi } from ${INDEX};` },
  { label: 'one function: `getSession` (tree-shaken, without a client)', entry: `export { getSession } from ${INDEX};` },
];

/**
 * Empties the string literals and template text of 12 or more characters in the generated
 * sources (module specifiers kept), so the row shows how much of the bundle is code rather than
 * messages. A measurement only: the bundle it makes is not meant to run.
 */
function withoutStrings(): Plugin {
  const ts = rootRequire('typescript') as typeof import('typescript');
  return {
    name: 'without-strings',
    setup(build) {
      build.onLoad({ filter: /[\\/]generated[\\/]src[\\/].*\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const file = ts.createSourceFile(args.path, text, ts.ScriptTarget.ES2022, true);
        const cuts: [number, number, string][] = [];
        const visit = (node: import('typescript').Node): void => {
          const { parent } = node;
          const specifier = ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isModuleDeclaration(parent);
          if ((ts.isStringLiteral(node) && !specifier) || ts.isNoSubstitutionTemplateLiteral(node)) {
            const quote = text[node.getStart()] ?? "'";
            if (node.text.length >= 12) cuts.push([node.getStart(), node.end, quote + quote]);
          } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
            const open = ts.isTemplateHead(node) ? '`' : '}';
            const close = ts.isTemplateTail(node) ? '`' : '${';
            if (node.text.length >= 12) cuts.push([node.getStart(), node.end, open + close]);
          }
          ts.forEachChild(node, visit);
        };
        ts.forEachChild(file, visit);
        let out = text;
        for (const [start, end, replacement] of cuts.reverse()) out = out.slice(0, start) + replacement + out.slice(end);
        return { contents: out, loader: 'ts' };
      });
    },
  };
}

async function bundle(c: BundleCase, minify: boolean): Promise<Uint8Array> {
  const result = await rootEsbuild().build({
    plugins: c.codeOnly === true ? [withoutStrings()] : [],
    stdin: { contents: c.entry, resolveDir: c.resolveDir ?? ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
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
  const raw = await bundle(c, false);
  const minified = await bundle(c, true);
  return {
    label: c.label,
    raw: raw.byteLength,
    minified: minified.byteLength,
    gzip: gzipSync(minified, { level: 9 }).byteLength,
    brotli: brotliCompressSync(minified, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

interface Peer {
  name: string;
  cases: BundleCase[];
  cleanup?: () => void;
}

/** hey-api's SDK for the pinned spec, generated into a scratch directory. */
function heyApi(): Peer | string {
  const pkg = packageJsonPath('@hey-api/openapi-ts', 'bench');
  if (pkg === undefined) return '@hey-api/openapi-ts is not installed (run `npm ci` in bench/)';
  const { bin } = JSON.parse(readFileSync(pkg, 'utf8')) as { bin?: string | Record<string, string> };
  const binFile = typeof bin === 'string' ? bin : bin === undefined ? undefined : Object.values(bin)[0];
  if (binFile === undefined) return 'no bin in @hey-api/openapi-ts';
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-hey-'));
  const out = join(dir, 'sdk');
  const run = spawnSync(process.execPath, [resolve(dirname(pkg), binFile), '-f', join(BENCH, 'peers', 'hey-api.config.mjs')], {
    env: { ...process.env, BENCH_SPEC: PINNED_SPEC, BENCH_OUT: out },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `hey-api failed: ${run.stderr.slice(0, 200)}`;
  }
  const index = JSON.stringify(join(out, 'index.ts'));
  return {
    name: 'hey-api',
    cases: [
      { label: 'hey-api SDK: whole (`export *`)', entry: `export * from ${index};`, kind: 'whole' },
      { label: 'hey-api SDK: one call (`listSessions`, its default client)', entry: `export { listSessions } from ${index};`, kind: 'oneCall' },
    ],
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** openapi-fetch: one generic client; a call is `client.GET(path, …)`. */
function openapiFetch(): Peer | string {
  if (packageJsonPath('openapi-fetch', 'bench') === undefined) return 'openapi-fetch is not installed (run `npm ci` in bench/)';
  const entry = [
    "import createClient from 'openapi-fetch';",
    "const client = createClient({ baseUrl: 'https://api.isnotai.com', headers: { authorization: 'Bearer k' } });",
    "export const listSessions = (query) => client.GET('/v1/sessions', { params: { query } });",
  ].join('\n');
  return {
    name: 'openapi-fetch',
    cases: [
      // No per-operation code: the whole client and one call are the same bundle.
      { label: 'openapi-fetch: one call (`client.GET`) = whole client', entry, resolveDir: BENCH, kind: 'oneCall' },
    ],
  };
}

export async function runBundleSize(options: BundleOptions): Promise<Section> {
  const rows: { c: BundleCase; size: BundleSize; tool: string }[] = [];
  for (const c of BUNDLE_CASES) {
    const size = await measureBundle(c);
    options.log(`  bundle ${c.label}: ${size.gzip} B min+gz`);
    rows.push({ c, size, tool: 'ours' });
  }
  const notes: string[] = [];
  for (const make of [heyApi, openapiFetch]) {
    const peer = options.smoke ? 'not run in smoke mode' : make();
    if (typeof peer === 'string') {
      notes.push(`Peer skipped: ${peer}.`);
      continue;
    }
    try {
      for (const c of peer.cases) {
        const size = await measureBundle(c);
        options.log(`  bundle ${c.label}: ${size.gzip} B min+gz`);
        rows.push({ c, size, tool: peer.name });
      }
    } finally {
      peer.cleanup?.();
    }
  }
  const ours = (kind: 'whole' | 'oneCall') => rows.find((r) => r.tool === 'ours' && r.c.kind === kind)?.size.gzip;
  const target = (name: string, bar: number, measured: number | undefined): Target => ({
    name,
    target: `≤ ${fmtInt(bar)} B`,
    measured: measured === undefined ? 'n/a' : `${fmtInt(measured)} B`,
    status: status(measured === undefined ? undefined : measured <= bar),
  });
  const tools = [...new Set(rows.map((r) => r.tool))];
  const gz = (tool: string, kind: 'whole' | 'oneCall'): string => {
    const row = rows.find((r) => r.tool === tool && r.c.kind === kind) ?? (tool === 'openapi-fetch' ? rows.find((r) => r.tool === tool) : undefined);
    return row === undefined ? 'n/a' : fmtInt(row.size.gzip);
  };
  return {
    id: 'bundle',
    title: 'Bundle size',
    tables: [
      {
        caption: 'esbuild bundles (ESM, platform neutral, ES2022); sizes in bytes',
        headers: ['entry', 'bundled', 'minified', 'min + gzip', 'min + brotli'],
        rows: rows.map(({ size: s }) => [s.label, fmtInt(s.raw), fmtInt(s.minified), fmtInt(s.gzip), fmtInt(s.brotli)]),
      },
      {
        caption: 'Same spec, side by side: minified + gzipped bytes',
        headers: ['tool', 'whole client', 'one call (`listSessions` + client)'],
        rows: tools.map((tool) => [tool, gz(tool, 'whole'), gz(tool, 'oneCall')]),
      },
    ],
    notes: [
      'gzip at level 9 and brotli at quality 11 of the minified bundle. Types cost nothing at run time; the runtime (retries, timeouts, typed errors, pagination, redaction, logging, redirects) is most of ours.',
      'The "code alone" row empties every string literal and template text of 12 or more characters in the generated sources before bundling (messages, log lines; module paths kept): the difference to the one-call row is what the text weighs, the rest is code.',
      'A generated function takes the client as an argument, so `getSession` alone bundles only its own code: a program that calls it also needs a client, hence the one-call rows: with `NotAiBase`, the client without resource properties, it carries no resource class; with `NotAi`, every resource class.',
      'The peers are bundled as generated here, with their default runtimes: ours carries retries, deadlines, key redaction, a redirect policy, response size caps, typed errors and pagination, most of which those runtimes leave to the caller.',
      ...notes,
    ],
    targets: [
      target('bundle: whole client, minified + gzipped', WHOLE_CLIENT_TARGET, ours('whole')),
      target('bundle: one call (`listSessions` + client), minified + gzipped', ONE_CALL_TARGET, ours('oneCall')),
    ],
  };
}
