/**
 * Per-request overhead of a generated call (`client.sessions.get(id)`) against a bare `fetch` of
 * the same URL with the same headers and `response.json()`, and against openapi-fetch's
 * `client.GET` of the same route (when bench/node_modules has it), on a local server in another
 * process on 127.0.0.1. A fourth variant is the same bare fetch with the guarantee the generated
 * call gives every attempt, a timeout that tears the connection down (an AbortController's signal
 * and a timer): it shows how much of the overhead is that guarantee rather than the client's own
 * code. Issue #20's targets: ≤ 1.10× plain bare fetch, and no more than openapi-fetch, sequential
 * and 64 concurrent. The variants take turns inside each round, in a rotating order, and ratios
 * are taken per round.
 *
 * The measuring side runs in a fresh child process (`--worker <json>`), away from the harness.
 */
import { BENCH_API_KEY, isMain } from './lib/client-key.js';
import { buildClientModule, importClientModule } from './lib/client-module.js';
import { startLocalServer } from './lib/local-server.js';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageJsonPath, ROOT } from './lib/paths.js';
import { runTsWorker } from './lib/spawn.js';
import { pairedRatios, summarize } from './lib/stats.js';
import { type Section, type Target, fmtInt, fmtRatio, fmtSummary, fmtUs, status } from './report.js';

/** Issue #20: generated ÷ plain bare fetch at most this (wall time, same round). */
export const OVERHEAD_TARGET = 1.1;
/** Issue #20: generated ÷ openapi-fetch at most this (no more than openapi-fetch's overhead). */
export const PEER_TARGET = 1;
/** Issue #20 measures the concurrent mode with this many requests in flight. */
export const CONCURRENCY = 64;

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
  /** File URL of openapi-fetch's ESM entry; undefined when it is not installed (that variant is skipped). */
  openapiFetch: string | undefined;
}

const VARIANTS = ['generated', 'openapiFetch', 'bare', 'bareTimed'] as const;
type Variant = (typeof VARIANTS)[number];

/**
 * The slice of openapi-fetch's API the bench calls, typed here rather than imported: the root
 * type-check must pass without bench/node_modules. At run time this is its real `createClient`;
 * the `paths` it would be given (from openapi-typescript) only types the call, it has no run-time
 * effect.
 */
interface PeerClient {
  GET(
    path: '/v1/sessions/{id}',
    init: { params: { path: { id: string } } },
  ): Promise<{ data?: { data: { id: string } }; error?: unknown; response: Response }>;
}
type CreatePeerClient = (options: { baseUrl: string; headers: Record<string, string> }) => PeerClient;

interface Samples {
  /** Milliseconds for `requests` requests, one entry per round. */
  ms: number[];
  /** CPU time (user + system) of the client process for the same batches, in ms. */
  cpuMs: number[];
}

type ModeResult = Partial<Record<Variant, Samples>>;

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
  const calls: Partial<Record<Variant, () => Promise<void>>> = { generated, bare, bareTimed };
  if (config.openapiFetch !== undefined) {
    const { default: createClient } = (await import(config.openapiFetch)) as { default: CreatePeerClient };
    // The same base URL and headers as the other variants, set once on the client as its docs show.
    const peer = createClient({ baseUrl: config.baseUrl, headers });
    calls.openapiFetch = async (): Promise<void> => {
      const { data, response } = await peer.GET('/v1/sessions/{id}', { params: { path: { id: SESSION_ID } } });
      if (data === undefined) throw new Error(`HTTP ${response.status}`);
      sink += data.data.id.length;
    };
  }
  const variants = VARIANTS.filter((variant) => calls[variant] !== undefined);

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

  const empty = (): ModeResult => Object.fromEntries(variants.map((variant) => [variant, { ms: [], cpuMs: [] }]));
  const result: WorkerResult = { sequential: empty(), concurrent: empty() };
  for (const mode of ['sequential', 'concurrent'] as const) {
    const runBatch = mode === 'sequential' ? sequential : concurrent;
    for (const variant of variants) await runBatch(calls[variant]!, config.warmup);
    for (let round = 0; round < config.rounds; round += 1) {
      // Each variant runs in each position equally often, forwards and backwards.
      const rotated = variants.map((_, i) => variants[(i + round) % variants.length]!);
      const order = Math.floor(round / variants.length) % 2 === 0 ? rotated : rotated.reverse();
      for (const variant of order) {
        const batch = await runBatch(calls[variant]!, config.requests);
        result[mode][variant]!.ms.push(batch.ms);
        result[mode][variant]!.cpuMs.push(batch.cpuMs);
      }
    }
  }
  if (sink === 0) throw new Error('no responses');
  return result;
}

/** openapi-fetch's ESM entry in bench/node_modules, as a file URL; undefined when not installed. */
function openapiFetchEntry(): string | undefined {
  const pkg = packageJsonPath('openapi-fetch', 'bench');
  return pkg === undefined ? undefined : pathToFileURL(join(dirname(pkg), 'dist', 'index.mjs')).href;
}

export async function runClientOverhead(options: OverheadOptions): Promise<Section> {
  const openapiFetch = openapiFetchEntry();
  const variantCount = openapiFetch === undefined ? VARIANTS.length - 1 : VARIANTS.length;
  // Many short rounds rather than a few long ones: each ratio pairs two batches run back to back,
  // so drift in the machine's load (other processes) mostly cancels out. Twice the variant count
  // per run, so each variant runs in each position equally often, forwards and backwards.
  const config: Omit<WorkerConfig, 'baseUrl' | 'clientModule'> = options.smoke
    ? { requests: 200, warmup: 50, rounds: 1, concurrency: CONCURRENCY, openapiFetch }
    : { requests: 1000, warmup: 1000, rounds: options.runs * 2 * variantCount, concurrency: CONCURRENCY, openapiFetch };
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
  const names: Record<Variant, string> = {
    generated: 'generated client',
    openapiFetch: 'openapi-fetch (`client.GET`)',
    bareTimed: 'bare fetch + timeout signal',
    bare: 'bare fetch',
  };
  for (const mode of ['sequential', 'concurrent'] as const) {
    const r = raw[mode];
    const label = mode === 'sequential' ? 'sequential' : `${config.concurrency} concurrent`;
    const rate = (ms: readonly number[]): string =>
      fmtSummary(
        summarize(ms.map((m) => (config.requests * 1000) / m)),
        (n) => `${fmtInt(n)}/s`,
      );
    /** `own` ÷ `base`, paired by round, of wall time or CPU time; '' when either was not run. */
    const ratio = (own: Variant, base: Variant, of: keyof Samples): string => {
      const a = r[own];
      const b = r[base];
      if (a === undefined || b === undefined) return '';
      return own === base ? '1.00×' : fmtSummary(summarize(pairedRatios(a[of], b[of])), fmtRatio);
    };
    for (const variant of ['generated', 'openapiFetch', 'bareTimed', 'bare'] as const) {
      const own = r[variant];
      if (own === undefined) continue;
      rows.push([
        label,
        names[variant],
        fmtSummary(summarize(perRequestUs(own.ms)), fmtUs),
        rate(own.ms),
        ratio(variant, 'bare', 'ms'),
        variant === 'bare' || variant === 'bareTimed' ? '' : ratio(variant, 'openapiFetch', 'ms'),
        variant === 'bare' ? '' : ratio(variant, 'bareTimed', 'ms'),
        fmtSummary(summarize(perRequestUs(own.cpuMs)), fmtUs),
        ratio(variant, 'bare', 'cpuMs'),
        variant === 'bare' || variant === 'bareTimed' ? '' : ratio(variant, 'openapiFetch', 'cpuMs'),
      ]);
    }
    // The targets read wall time, paired by round; the CPU ratio is shown beside it.
    const target = (base: 'bare' | 'openapiFetch', bar: number, what: string): Target => {
      const name = `client overhead, ${label}: generated ÷ ${what}`;
      const bound = `≤ ${bar.toFixed(2)}×`;
      const [own, other] = [r.generated, r[base]];
      if (own === undefined || other === undefined) {
        return { name, target: bound, measured: 'not run (openapi-fetch is not installed: `npm ci` in bench/)', status: 'SKIP' };
      }
      const wall = summarize(pairedRatios(own.ms, other.ms));
      const cpu = summarize(pairedRatios(own.cpuMs, other.cpuMs));
      return {
        name,
        target: bound,
        measured: `${fmtSummary(wall, fmtRatio)}; CPU ${fmtRatio(cpu.median)}`,
        status: status(Number.isFinite(wall.median) ? wall.median <= bar : undefined),
      };
    };
    targets.push(target('bare', OVERHEAD_TARGET, 'bare fetch'), target('openapiFetch', PEER_TARGET, 'openapi-fetch'));
  }
  const notes = [
    'Bare fetch sends the same URL with the same accept and authorization headers and parses the body with `response.json()`; the generated call adds URL building, header merging, a per-attempt timeout (AbortController + timer), a body size cap, key redaction of the body text, JSON decoding and response metadata.',
    'openapi-fetch (bench/node_modules, the version in the Versions table) is its `createClient({ baseUrl, headers })` with the same two headers and `client.GET(\'/v1/sessions/{id}\', { params: { path: { id } } })`: it builds a `Request` per call, runs its middleware hooks and parses with `response.json()`; it has no timeout, retries, size cap or redaction.',
    '"Bare fetch + timeout signal" is bare fetch plus what the generated call does for its timeout: an AbortController whose signal fetch is handed (so a timed-out request\'s connection is closed, docs/decisions.md #30) and a timer, cleared after the body. Node\'s fetch links every signal it is handed to the request (WeakRef, listener, FinalizationRegistry entry): the "÷ bare fetch + timeout signal" column separates that cost, which any client with such a timeout pays, from the client\'s own code. The targets are read against plain bare fetch and openapi-fetch.',
    'Time per request is wall time of the batch ÷ requests (for the concurrent mode, throughput-based, not latency); the targets are on this wall-time ratio, paired by round (the CPU ratio is printed beside it). Client CPU is user + system time of the measuring process only (the server runs in another process), a steadier view of the same overhead on a loaded machine.',
    'The client is generated/src bundled by esbuild into one ESM file (as a consumer runs it), imported by a fresh worker process; openapi-fetch is its published ESM file.',
  ];
  if (openapiFetch === undefined) notes.push('Peer skipped: openapi-fetch is not installed (run `npm ci` in bench/).');
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
          '÷ openapi-fetch',
          '÷ bare fetch + timeout signal',
          'client CPU per request',
          'CPU ÷ bare fetch',
          'CPU ÷ openapi-fetch',
        ],
        rows,
      },
    ],
    notes,
    targets,
  };
}

if (isMain(import.meta.url)) {
  const flag = process.argv.indexOf('--worker');
  const config = JSON.parse(process.argv[flag + 1] ?? '{}') as WorkerConfig;
  const result = await worker(config);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
