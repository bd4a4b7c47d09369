/**
 * Per-request overhead of a generated call (`client.sessions.get(id)`) against a bare `fetch` of
 * the same URL with the same headers and `response.json()`, on a local server in another process
 * on 127.0.0.1. A third variant is the same bare fetch with the guarantee the generated call gives
 * every attempt, a timeout that tears the connection down (an AbortController's signal and a
 * timer): it shows how much of the overhead is that guarantee rather than the client's own code.
 * The target stays on plain bare fetch. Sequential and concurrent; the variants take turns inside
 * each round, in a rotating order, and ratios are taken per round.
 *
 * The measuring side runs in a fresh child process (`--worker <json>`), away from the harness.
 */
import { BENCH_API_KEY, isMain } from './lib/client-key.js';
import { buildClientModule, importClientModule } from './lib/client-module.js';
import { startLocalServer } from './lib/local-server.js';
import { ROOT } from './lib/paths.js';
import { runTsWorker } from './lib/spawn.js';
import { pairedRatios, summarize } from './lib/stats.js';
import { type Section, type Target, fmtInt, fmtRatio, fmtSummary, fmtUs, status } from './report.js';

export const OVERHEAD_TARGET = 1.05;

export interface OverheadOptions {
  smoke: boolean;
  runs: number;
  log: (line: string) => void;
}

interface WorkerConfig {
  baseUrl: string;
  clientModule: string;
  requests: number;
  warmup: number;
  rounds: number;
  concurrency: number;
}

const VARIANTS = ['generated', 'bare', 'bareTimed'] as const;
type Variant = (typeof VARIANTS)[number];

interface Samples {
  /** Milliseconds for `requests` requests, one entry per round. */
  ms: number[];
  /** CPU time (user + system) of the client process for the same batches, in ms. */
  cpuMs: number[];
}

type ModeResult = Record<Variant, Samples>;

interface WorkerResult {
  sequential: ModeResult;
  concurrent: ModeResult;
}

const SESSION_ID = 'sess_0000001a';

async function worker(config: WorkerConfig): Promise<WorkerResult> {
  const { NotAi } = await importClientModule(config.clientModule);
  const client = new NotAi({ apiKey: BENCH_API_KEY, baseUrl: config.baseUrl });
  const url = `${config.baseUrl}/v1/sessions/${SESSION_ID}`;
  const headers = { accept: 'application/json', authorization: `Bearer ${BENCH_API_KEY}` };
  let sink = 0;
  const generated = async (): Promise<void> => {
    const session = await client.sessions.get(SESSION_ID);
    sink += session.id.length;
  };
  const bare = async (): Promise<void> => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as { data: { id: string } };
    sink += body.data.id.length;
  };
  // What a careful hand-written call does for a timeout that also closes the connection.
  const bareTimed = async (): Promise<void> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const response = await fetch(url, { headers, signal: controller.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { data: { id: string } };
      sink += body.data.id.length;
    } finally {
      clearTimeout(timer);
    }
  };
  const calls: Record<Variant, () => Promise<void>> = { generated, bare, bareTimed };

  interface Batch {
    ms: number;
    cpuMs: number;
  }
  const timed = async (work: () => Promise<void>): Promise<Batch> => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000 };
  };
  const sequential = (fn: () => Promise<void>, n: number): Promise<Batch> =>
    timed(async () => {
      for (let i = 0; i < n; i += 1) await fn();
    });
  const concurrent = (fn: () => Promise<void>, n: number): Promise<Batch> =>
    timed(async () => {
      let issued = 0;
      const lane = async (): Promise<void> => {
        while (issued < n) {
          issued += 1;
          await fn();
        }
      };
      await Promise.all(Array.from({ length: config.concurrency }, lane));
    });

  const empty = (): ModeResult => ({ generated: { ms: [], cpuMs: [] }, bare: { ms: [], cpuMs: [] }, bareTimed: { ms: [], cpuMs: [] } });
  const result: WorkerResult = { sequential: empty(), concurrent: empty() };
  for (const mode of ['sequential', 'concurrent'] as const) {
    const runBatch = mode === 'sequential' ? sequential : concurrent;
    for (const variant of VARIANTS) await runBatch(calls[variant], config.warmup);
    for (let round = 0; round < config.rounds; round += 1) {
      // Each variant runs first, second and third equally often, forwards and backwards.
      const rotated = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]!);
      const order = Math.floor(round / VARIANTS.length) % 2 === 0 ? rotated : rotated.reverse();
      for (const variant of order) {
        const batch = await runBatch(calls[variant], config.requests);
        result[mode][variant].ms.push(batch.ms);
        result[mode][variant].cpuMs.push(batch.cpuMs);
      }
    }
  }
  if (sink === 0) throw new Error('no responses');
  return result;
}

export async function runClientOverhead(options: OverheadOptions): Promise<Section> {
  // Many short rounds rather than a few long ones: each ratio pairs two batches run back to back,
  // so drift in the machine's load (other processes) mostly cancels out.
  const config: Omit<WorkerConfig, 'baseUrl' | 'clientModule'> = options.smoke
    ? { requests: 200, warmup: 50, rounds: 1, concurrency: 16 }
    : { requests: 1000, warmup: 1000, rounds: options.runs * 6, concurrency: 16 };
  const client = await buildClientModule();
  const server = await startLocalServer();
  let raw: WorkerResult;
  try {
    options.log(
      `client: ${config.rounds} round(s) of ${config.requests} requests per variant, sequential and ${config.concurrency} concurrent`,
    );
    ({ value: raw } = await runTsWorker<WorkerResult>(
      'bench/client-overhead.ts',
      ['--worker', JSON.stringify({ ...config, baseUrl: server.baseUrl, clientModule: client.file })],
      { cwd: ROOT, timeoutMs: 20 * 60_000 },
    ));
  } finally {
    await server.stop();
    client.remove();
  }
  const perRequestUs = (ms: readonly number[]): number[] => ms.map((m) => (m * 1000) / config.requests);
  const rows: string[][] = [];
  const targets: Target[] = [];
  const names: Record<Variant, string> = { generated: 'generated client', bareTimed: 'bare fetch + timeout signal', bare: 'bare fetch' };
  for (const mode of ['sequential', 'concurrent'] as const) {
    const r = raw[mode];
    const label = mode === 'sequential' ? 'sequential' : `${config.concurrency} concurrent`;
    const rate = (ms: readonly number[]): string =>
      fmtSummary(
        summarize(ms.map((m) => (config.requests * 1000) / m)),
        (n) => `${fmtInt(n)}/s`,
      );
    const ratio = summarize(pairedRatios(r.generated.ms, r.bare.ms));
    for (const variant of ['generated', 'bareTimed', 'bare'] as const) {
      const own = r[variant];
      rows.push([
        label,
        names[variant],
        fmtSummary(summarize(perRequestUs(own.ms)), fmtUs),
        rate(own.ms),
        variant === 'bare' ? '1.00×' : fmtSummary(summarize(pairedRatios(own.ms, r.bare.ms)), fmtRatio),
        variant === 'generated' ? fmtSummary(summarize(pairedRatios(own.ms, r.bareTimed.ms)), fmtRatio) : variant === 'bareTimed' ? '1.00×' : '',
        fmtSummary(summarize(perRequestUs(own.cpuMs)), fmtUs),
        variant === 'bare' ? '1.00×' : fmtSummary(summarize(pairedRatios(own.cpuMs, r.bare.cpuMs)), fmtRatio),
      ]);
    }
    targets.push({
      name: `client overhead, ${label}: generated ÷ bare fetch`,
      target: `≤ ${OVERHEAD_TARGET.toFixed(2)}×`,
      measured: fmtSummary(ratio, fmtRatio),
      status: status(Number.isFinite(ratio.median) ? ratio.median <= OVERHEAD_TARGET : undefined),
    });
  }
  return {
    id: 'client',
    title: 'Client: per-request overhead',
    tables: [
      {
        caption: `GET /v1/sessions/{id} on a node:http server in another process on 127.0.0.1; ${config.rounds} round(s) × ${fmtInt(config.requests)} requests per variant (taking turns in rotating order) after ${fmtInt(config.warmup)} warm-up requests`,
        headers: [
          'mode',
          'variant',
          'time per request',
          'requests/s',
          '÷ bare fetch',
          '÷ bare fetch + timeout signal',
          'client CPU per request',
          'CPU ÷ bare fetch',
        ],
        rows,
      },
    ],
    notes: [
      'Bare fetch sends the same URL with the same accept and authorization headers and parses the body with `response.json()`; the generated call adds URL building, header merging, a per-attempt timeout (AbortController + timer), key redaction of the body text, JSON decoding and response metadata.',
      '"Bare fetch + timeout signal" is bare fetch plus what the generated call does for its timeout: an AbortController whose signal fetch is handed (so a timed-out request\'s connection is closed, docs/decisions.md #30) and a timer, cleared after the body. Node\'s fetch links every signal it is handed to the request (WeakRef, listener, FinalizationRegistry entry): the "÷ bare fetch + timeout signal" column separates that cost, which any client with such a timeout pays, from the client\'s own code. The target is still read against plain bare fetch.',
      'Time per request is wall time of the batch ÷ requests (for the concurrent mode, throughput-based, not latency); the target is on this wall-time ratio. Client CPU is user + system time of the measuring process only (the server runs in another process), a steadier view of the same overhead on a loaded machine.',
      'The client is generated/src bundled by esbuild into one ESM file (as a consumer runs it), imported by a fresh worker process.',
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
