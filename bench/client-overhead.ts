/**
 * Per-request overhead of a generated call (`client.sessions.get(id)`) against a bare `fetch` of
 * the same URL with the same headers and `response.json()`, on a local server in another process
 * on 127.0.0.1. Sequential and concurrent; the two variants alternate inside each round (ABBA
 * order across rounds), and the ratio is taken per round.
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

interface ModeResult {
  /** Milliseconds for `requests` requests, one entry per round. */
  generatedMs: number[];
  bareMs: number[];
  /** CPU time (user + system) of the client process for the same batches, in ms. */
  generatedCpuMs: number[];
  bareCpuMs: number[];
}

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
    const body = await client.sessions.get(SESSION_ID);
    sink += body.data.id.length;
  };
  const bare = async (): Promise<void> => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as { data: { id: string } };
    sink += body.data.id.length;
  };

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

  const result: WorkerResult = {
    sequential: { generatedMs: [], bareMs: [], generatedCpuMs: [], bareCpuMs: [] },
    concurrent: { generatedMs: [], bareMs: [], generatedCpuMs: [], bareCpuMs: [] },
  };
  for (const mode of ['sequential', 'concurrent'] as const) {
    const runBatch = mode === 'sequential' ? sequential : concurrent;
    await runBatch(generated, config.warmup);
    await runBatch(bare, config.warmup);
    for (let round = 0; round < config.rounds; round += 1) {
      const order = round % 2 === 0 ? (['generated', 'bare'] as const) : (['bare', 'generated'] as const);
      for (const variant of order) {
        const batch = await runBatch(variant === 'generated' ? generated : bare, config.requests);
        result[mode][variant === 'generated' ? 'generatedMs' : 'bareMs'].push(batch.ms);
        result[mode][variant === 'generated' ? 'generatedCpuMs' : 'bareCpuMs'].push(batch.cpuMs);
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
    : { requests: 1000, warmup: 1000, rounds: options.runs * 4, concurrency: 16 };
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
  for (const mode of ['sequential', 'concurrent'] as const) {
    const r = raw[mode];
    const ratio = summarize(pairedRatios(r.generatedMs, r.bareMs));
    const label = mode === 'sequential' ? 'sequential' : `${config.concurrency} concurrent`;
    const rate = (ms: readonly number[]): string =>
      fmtSummary(
        summarize(ms.map((m) => (config.requests * 1000) / m)),
        (n) => `${fmtInt(n)}/s`,
      );
    const cpuRatio = summarize(pairedRatios(r.generatedCpuMs, r.bareCpuMs));
    rows.push([
      label,
      'generated client',
      fmtSummary(summarize(perRequestUs(r.generatedMs)), fmtUs),
      rate(r.generatedMs),
      fmtSummary(ratio, fmtRatio),
      fmtSummary(summarize(perRequestUs(r.generatedCpuMs)), fmtUs),
      fmtSummary(cpuRatio, fmtRatio),
    ]);
    rows.push([
      label,
      'bare fetch',
      fmtSummary(summarize(perRequestUs(r.bareMs)), fmtUs),
      rate(r.bareMs),
      '1.00×',
      fmtSummary(summarize(perRequestUs(r.bareCpuMs)), fmtUs),
      '1.00×',
    ]);
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
        caption: `GET /v1/sessions/{id} on a node:http server in another process on 127.0.0.1; ${config.rounds} round(s) × ${fmtInt(config.requests)} requests per variant (alternating, ABBA) after ${fmtInt(config.warmup)} warm-up requests`,
        headers: [
          'mode',
          'variant',
          'time per request',
          'requests/s',
          'generated ÷ bare',
          'client CPU per request',
          'CPU: generated ÷ bare',
        ],
        rows,
      },
    ],
    notes: [
      'Bare fetch sends the same URL with the same accept and authorization headers and parses the body with `response.json()`; the generated call adds URL building, header merging, a per-attempt timeout (AbortController + timer), key redaction of the body text, JSON decoding and response metadata.',
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
