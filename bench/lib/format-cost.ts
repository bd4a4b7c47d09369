/**
 * What formatting costs, apart from the rest of generation: `node --import tsx
 * bench/lib/format-cost.ts <spec>` generates the spec unformatted in memory, then formats every
 * file as generate() does (generator/format), twice: with an empty format cache (a new spec, or
 * a spec release's changed pieces) and again with the cache it filled (a re-run). Prints one JSON
 * line. CPU time is the whole process's (process.cpuUsage counts the formatting worker threads).
 * The worker is started and warmed before measuring: in a real run prettier loads while the spec
 * is still being read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormatCache } from '../../generator/format/cache.js';
import { formatFiles, PRETTIER } from '../../generator/format/index.js';
import { formatParser } from '../../generator/format/rules.js';
import { generate } from '../../generator/pipeline.js';

export interface FormatCost {
  /** Files prettier formats (all but the copied runtime) and their bytes as emitted. */
  files: number;
  bytes: number;
  /** Empty cache: CPU and wall milliseconds. */
  newSpecCpuMs: number;
  newSpecWallMs: number;
  /** The same files again, cache filled. */
  warmCpuMs: number;
  warmWallMs: number;
}

async function measure(format: () => Promise<unknown>): Promise<{ cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await format();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - started };
}

async function main(spec: string): Promise<FormatCost> {
  const work = mkdtempSync(join(tmpdir(), 'notai-bench-format-'));
  try {
    const { files } = await generate({ spec, out: join(work, 'out'), format: false });
    const formatted = [...files].filter(([path]) => formatParser(path) !== undefined);
    const cache = FormatCache.open(PRETTIER, { NOTAI_CODEGEN_CACHE_DIR: join(work, 'cache') });
    await formatFiles(new Map([['warm.ts', 'export const warm = 1;\n']]), { cache: false });
    const cold = await measure(() => formatFiles(files, { cache: cache ?? false }));
    const warm = await measure(() => formatFiles(files, { cache: cache ?? false }));
    return {
      files: formatted.length,
      bytes: formatted.reduce((n, [, text]) => n + Buffer.byteLength(text), 0),
      newSpecCpuMs: cold.cpuMs,
      newSpecWallMs: cold.wallMs,
      warmCpuMs: warm.cpuMs,
      warmWallMs: warm.wallMs,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const spec = process.argv[2];
if (spec === undefined) {
  console.error('usage: node --import tsx bench/lib/format-cost.ts <spec>');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await main(spec))}\n`);
process.exit(0);
