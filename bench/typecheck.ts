/**
 * Type-check cost of the client for a consumer: `tsc --noEmit` (strict, NodeNext) on
 * bench/consumer/consumer.ts, which calls every method, against the generated sources and against
 * the built declarations (`generated/build.mjs --outDir`, as an installed package ships them),
 * minus a baseline of an empty file with the same options (tsc start-up and lib.d.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH, ROOT, TSC } from './lib/paths.js';
import { BENCH_API_KEY } from './lib/client-key.js';
import { tail, timedSpawn } from './lib/spawn.js';
import { pairedRatios, summarize } from './lib/stats.js';
import { type Section, fmtBytes, fmtMs, fmtSummary } from './report.js';

export interface TypecheckOptions {
  smoke: boolean;
  runs: number;
  log: (line: string) => void;
}

export const CONSUMER = join(BENCH, 'consumer', 'consumer.ts');

/** `resource.method` for every method of every resource of a constructed client. */
export async function clientMethods(): Promise<string[]> {
  const { NotAi } = await import('../generated/src/index.js');
  const client = new NotAi({ apiKey: BENCH_API_KEY, baseUrl: 'http://127.0.0.1:9' });
  const methods: string[] = [];
  for (const [name, value] of Object.entries(client)) {
    if (typeof value !== 'object' || value === null) continue;
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || typeof proto !== 'object' || proto === null) continue;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key !== 'constructor' && typeof (value as Record<string, unknown>)[key] === 'function') {
        methods.push(`${name}.${key}`);
      }
    }
  }
  return methods.sort();
}

export function consumerCalls(source: string): string[] {
  return [...new Set([...source.matchAll(/client\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1] ?? ''}.${m[2] ?? ''}`))].sort();
}

function writeProject(dir: string, file: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const config = join(dir, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          noEmit: true,
          types: [],
        },
        files: [file],
      },
      null,
      2,
    ),
  );
  return config;
}

interface Variant {
  id: 'baseline' | 'src' | 'dist';
  label: string;
  config: string;
  ms: number[];
  rss: number[];
  ok: boolean | undefined;
  error: string | undefined;
}

export async function runTypecheck(options: TypecheckOptions): Promise<Section> {
  const work = mkdtempSync(join(tmpdir(), 'notai-bench-tsc-'));
  const notes: string[] = [];
  try {
    const variants: Variant[] = [];
    const add = (id: Variant['id'], label: string, config: string): void => {
      variants.push({ id, label, config, ms: [], rss: [], ok: undefined, error: undefined });
    };
    const emptyDir = join(work, 'baseline');
    mkdirSync(emptyDir, { recursive: true });
    writeFileSync(join(emptyDir, 'empty.ts'), 'export const nothing = 0;\n');
    add('baseline', 'baseline: an empty file', writeProject(emptyDir, join(emptyDir, 'empty.ts')));
    add('src', 'consumer + generated sources (generated/src)', writeProject(join(work, 'src'), CONSUMER));

    if (options.smoke) {
      notes.push('Smoke run: the built-declarations variant (generated/build.mjs) is skipped.');
    } else {
      const distDir = join(work, 'dist-consumer');
      mkdirSync(distDir, { recursive: true });
      const built = await timedSpawn(
        process.execPath,
        [join(ROOT, 'generated', 'build.mjs'), '--outDir', join(distDir, 'dist')],
        { cwd: ROOT, timeoutMs: 10 * 60_000 },
      );
      if (built.exitCode === 0) {
        const source = readFileSync(CONSUMER, 'utf8').replace('../../generated/src/index.js', './dist/esm/index.js');
        writeFileSync(join(distDir, 'consumer.ts'), source);
        add('dist', 'consumer + built declarations (dist/esm/*.d.ts)', writeProject(distDir, join(distDir, 'consumer.ts')));
        notes.push(`generated/build.mjs (ESM + CJS + .d.ts) took ${fmtMs(built.wallMs)}.`);
      } else {
        notes.push(`Built-declarations variant skipped: generated/build.mjs failed: ${tail(built.stderr, 3)}`);
      }
    }

    const runs = options.smoke ? 1 : options.runs;
    for (let round = 1; round <= runs; round += 1) {
      for (const v of variants) {
        const result = await timedSpawn(process.execPath, [TSC, '-p', v.config, '--pretty', 'false'], {
          cwd: ROOT,
          rssMethod: 'proc-vmhwm',
          timeoutMs: 10 * 60_000,
        });
        v.ms.push(result.wallMs);
        if (result.peakRssBytes !== undefined) v.rss.push(result.peakRssBytes);
        if (round === 1) {
          v.ok = result.exitCode === 0;
          v.error = v.ok ? undefined : tail(result.stdout || result.stderr, 2).slice(0, 200);
        }
        options.log(`  typecheck ${v.id} ${round}/${runs}: ${fmtMs(result.wallMs)}${v.ok === true ? '' : ' FAILED'}`);
      }
    }

    const baseline = variants.find((v) => v.id === 'baseline');
    const rows = variants.map((v) => {
      const diffs =
        v === baseline || baseline === undefined
          ? []
          : v.ms.map((ms, i) => ms - (baseline.ms[i] ?? Number.NaN)).filter((d) => Number.isFinite(d));
      return [
        v.label,
        v.ok === true ? 'ok' : `errors: ${v.error ?? '?'}`,
        fmtSummary(summarize(v.ms), fmtMs),
        v === baseline ? '—' : fmtSummary(summarize(diffs), fmtMs),
        v === baseline || baseline === undefined
          ? '—'
          : fmtSummary(summarize(pairedRatios(v.ms, baseline.ms)), (r) => `${r.toFixed(2)}×`),
        fmtSummary(summarize(v.rss), fmtBytes),
      ];
    });

    const methods = await clientMethods();
    const called = consumerCalls(readFileSync(CONSUMER, 'utf8'));
    const missing = methods.filter((m) => !called.includes(m));
    notes.unshift(
      `bench/consumer/consumer.ts calls ${methods.length - missing.length} of the client's ${methods.length} methods${
        missing.length === 0 ? '' : ` (missing: ${missing.join(', ')})`
      }.`,
      'Same compiler options for every variant: strict, noUncheckedIndexedAccess, NodeNext, DOM lib, skipLibCheck, no @types; times include tsc start-up, which the baseline isolates.',
    );
    return {
      id: 'typecheck',
      title: 'Type-check of a consumer',
      tables: [
        {
          caption: `tsc --noEmit (TypeScript from the root), ${runs} run${runs === 1 ? '' : 's'} alternating`,
          headers: ['variant', 'result', 'tsc time', 'minus baseline', '÷ baseline', 'tsc peak RSS'],
          rows,
        },
      ],
      notes,
      targets: [],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
