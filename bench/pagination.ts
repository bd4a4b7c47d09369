/**
 * Auto-pagination: `for await (const s of client.sessions.list({ pageSize: 100 }))` over a local
 * server's synthetic sessions, 10,000 and 1,000,000 items, each walk in a fresh process started
 * with --expose-gc, against a bare fetch loop that follows the same cursors. Reports items/s,
 * the peak heap (sampled every 1,000 items, garbage included), the live heap after a forced GC
 * at fixed item counts during the walk, and peak RSS.
 */
import { BENCH_API_KEY, isMain } from './lib/client-key.js';
import { buildClientModule, importClientModule } from './lib/client-module.js';
import { startLocalServer } from './lib/local-server.js';
import { ROOT } from './lib/paths.js';
import { runTsWorker } from './lib/spawn.js';
import { pairedRatios, summarize } from './lib/stats.js';
import { type Section, type Target, fmtBytes, fmtInt, fmtRatio, fmtSummary, status } from './report.js';

/**
 * Live heap at the end of the longest walk may exceed the live heap at 10,000 items by this
 * factor: 100× the items must not mean more than 1.5× the memory. (Retaining the items would be
 * ~100×; a few MB of one-off growth while the JIT and connection pool warm up is expected.)
 */
export const FLAT_HEAP_TARGET = 1.5;
const PAGE_SIZE = 100;
const CHECKPOINTS = [1_000, 10_000, 100_000, 1_000_000] as const;

export interface PaginationOptions {
  smoke: boolean;
  runs: number;
  log: (line: string) => void;
}

type Variant = 'client' | 'bare';

interface WorkerConfig {
  baseUrl: string;
  clientModule: string;
  maxItems: number;
  variant: Variant;
}

export interface WalkResult {
  items: number;
  ms: number;
  peakHeapUsed: number;
  /** heapUsed after a forced full GC when the walk had yielded this many items. */
  liveHeapAt: Record<string, number>;
  peakRss: number;
}

declare const gc: (() => void) | undefined;

async function worker(config: WorkerConfig): Promise<WalkResult> {
  if (typeof gc !== 'function') throw new Error('run with --expose-gc');
  const collect = gc;
  const { NotAi } = await importClientModule(config.clientModule);
  const client = new NotAi({ apiKey: BENCH_API_KEY, baseUrl: config.baseUrl });
  const headers = { accept: 'application/json', authorization: `Bearer ${BENCH_API_KEY}` };
  const liveHeapAt: Record<string, number> = {};
  const checkpoints = new Set<number>(CHECKPOINTS.filter((c) => c <= config.maxItems));
  let items = 0;
  let sink = 0;
  let gcMs = 0;
  let peakHeapUsed = 0;
  const onItem = (id: string): void => {
    items += 1;
    sink += id.length;
    if (items % 1000 === 0) peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
    if (checkpoints.has(items)) {
      const t = performance.now();
      collect();
      liveHeapAt[String(items)] = process.memoryUsage().heapUsed;
      gcMs += performance.now() - t;
    }
  };

  collect();
  const started = performance.now();
  if (config.variant === 'client') {
    for await (const session of client.sessions.list({ pageSize: PAGE_SIZE }, { maxItems: config.maxItems })) {
      onItem(session.id);
    }
  } else {
    let cursor: string | undefined;
    do {
      const url = new URL('/v1/sessions', config.baseUrl);
      url.searchParams.set('pageSize', String(PAGE_SIZE));
      if (cursor !== undefined) url.searchParams.set('cursor', cursor);
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as {
        data: { id: string }[];
        pagination: { nextCursor: string | null; hasMore: boolean };
      };
      for (const session of body.data) {
        onItem(session.id);
        if (items >= config.maxItems) break;
      }
      cursor = body.pagination.hasMore && body.pagination.nextCursor !== null ? body.pagination.nextCursor : undefined;
    } while (cursor !== undefined && items < config.maxItems);
  }
  const ms = performance.now() - started - gcMs;
  if (sink === 0) throw new Error('no items');
  return { items, ms, peakHeapUsed, liveHeapAt, peakRss: process.resourceUsage().maxRSS * 1024 };
}

export async function runPagination(options: PaginationOptions): Promise<Section> {
  const sizes = options.smoke ? [10_000] : [10_000, 1_000_000];
  const rounds = options.smoke ? 1 : Math.min(options.runs, 3);
  const client = await buildClientModule();
  const server = await startLocalServer(1_000_000);
  const results = new Map<string, WalkResult[]>();
  try {
    for (let round = 1; round <= rounds; round += 1) {
      for (const size of sizes) {
        for (const variant of round % 2 === 1 ? (['client', 'bare'] as const) : (['bare', 'client'] as const)) {
          const { value } = await runTsWorker<WalkResult>(
            'bench/pagination.ts',
            ['--worker', JSON.stringify({ baseUrl: server.baseUrl, clientModule: client.file, maxItems: size, variant })],
            { cwd: ROOT, nodeFlags: ['--expose-gc'], timeoutMs: 20 * 60_000 },
          );
          if (value.items !== size) throw new Error(`${variant} walk yielded ${value.items} items, expected ${size}`);
          options.log(
            `  pagination ${fmtInt(size)} ${variant} ${round}/${rounds}: ${fmtInt((value.items * 1000) / value.ms)} items/s, peak heap ${fmtBytes(value.peakHeapUsed)}`,
          );
          const key = `${size}:${variant}`;
          results.set(key, [...(results.get(key) ?? []), value]);
        }
      }
    }
  } finally {
    await server.stop();
    client.remove();
  }

  const rows: string[][] = [];
  const get = (size: number, variant: Variant): WalkResult[] => results.get(`${size}:${variant}`) ?? [];
  for (const size of sizes) {
    const generated = get(size, 'client');
    const bare = get(size, 'bare');
    for (const [variant, walks] of [
      ['generated client', generated],
      ['bare fetch loop', bare],
    ] as const) {
      const live = (at: number): string => fmtSummary(summarize(walks.map((w) => w.liveHeapAt[String(at)] ?? Number.NaN)), fmtBytes);
      rows.push([
        fmtInt(size),
        variant,
        fmtSummary(summarize(walks.map((w) => (w.items * 1000) / w.ms)), (n) => `${fmtInt(n)}/s`),
        walks === generated
          ? fmtSummary(summarize(pairedRatios(generated.map((w) => w.ms), bare.map((w) => w.ms))), fmtRatio)
          : '1.00×',
        fmtSummary(summarize(walks.map((w) => w.peakHeapUsed)), fmtBytes),
        live(Math.min(10_000, size)),
        live(size),
        fmtSummary(summarize(walks.map((w) => w.peakRss)), fmtBytes),
      ]);
    }
  }

  const largest = sizes[sizes.length - 1] ?? 10_000;
  const reference = largest > 10_000 ? 10_000 : 1_000;
  const walks = get(largest, 'client');
  const flat = summarize(
    walks.map((w) => (w.liveHeapAt[String(largest)] ?? Number.NaN) / (w.liveHeapAt[String(reference)] ?? Number.NaN)),
  );
  const small = get(10_000, 'client');
  const peakRatio = summarize(pairedRatios(walks.map((w) => w.peakHeapUsed), small.map((w) => w.peakHeapUsed)));
  const targets: Target[] = [
    {
      name: `pagination: live heap at ${fmtInt(largest)} items ÷ at ${fmtInt(reference)} (same walk)`,
      target: `≤ ${FLAT_HEAP_TARGET.toFixed(2)}× (flat)`,
      measured: fmtSummary(flat, fmtRatio),
      status: status(Number.isFinite(flat.median) ? flat.median <= FLAT_HEAP_TARGET : undefined),
    },
  ];
  return {
    id: 'pagination',
    title: 'Client: auto-pagination',
    tables: [
      {
        caption: `GET /v1/sessions, pageSize ${PAGE_SIZE}, synthetic sessions (~480 B of JSON each) from a node:http server in another process; ${rounds} round(s), each walk in a fresh process`,
        headers: [
          'items',
          'variant',
          'items/s',
          'time ÷ bare',
          'peak heap (sampled)',
          `live heap at ${fmtInt(Math.min(10_000, largest))}`,
          'live heap at end',
          'peak RSS',
        ],
        rows,
      },
    ],
    notes: [
      'The client is generated/src bundled by esbuild into one ESM file (as a consumer runs it). Peak heap is the largest `heapUsed` sampled every 1,000 items, so it includes garbage not yet collected: it grows with the walk length because V8 lets the young generation and promoted garbage grow before collecting, not because anything is retained. Live heap is `heapUsed` right after a forced full GC (`--expose-gc`) at that item count, inside the walk (GC time is excluded from items/s); that is the figure held to the flat-heap target.',
      sizes.length > 1
        ? `Peak heap 1,000,000 ÷ 10,000 items (generated client): ${fmtSummary(peakRatio, fmtRatio)}.`
        : 'Smoke run: 10,000 items only; the flat-heap check compares item 10,000 with item 1,000.',
    ],
    targets,
  };
}

if (isMain(import.meta.url)) {
  const flag = process.argv.indexOf('--worker');
  const config = JSON.parse(process.argv[flag + 1] ?? '{}') as WorkerConfig;
  const result = await worker(config);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
