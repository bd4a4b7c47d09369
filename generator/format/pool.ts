import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';
import { GENERATOR_ROOT } from '../root.js';

/**
 * Prettier in worker threads, so formatting runs on other cores while the main thread is still
 * emitting (and the first worker loads prettier while the main thread reads the spec).
 *
 * One worker starts with generate(); a second joins only when more than SECOND_WORKER_BYTES are
 * waiting and the machine has a core for it beyond the main thread's (3+ cores). Each worker pays
 * prettier's cold start (loading and JIT-warming its parsers); on 2 cores a second one measured
 * slower in every A/B, on the pinned spec and on GitHub's (~0.45 MB to format) alike. Jobs wait in
 * one queue and a worker with room takes the next few (MAX_IN_FLIGHT_*), so a cold worker holds at
 * most that much of the work it cannot start yet. The pool is per process and outlives one
 * generate() call, so tests and repeated calls reuse warm workers; idle workers are unref'd and
 * never keep the process alive.
 */
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
const SECOND_WORKER_BYTES = 200 * 1024;
const WORKER_FILE = join(GENERATOR_ROOT, 'generator', 'format', 'worker.mjs');
/**
 * Where the workers keep prettier's V8 code cache (prettier-loader.mjs): next to the CLI bundle's
 * own, so "code caches" stay one thing (dist/, rebuilt by `npm ci`) and the format cache another.
 * NOTAI_CODEGEN_CACHE=0 turns it off with every other cache.
 */
const CODE_CACHE_DIR = process.env.NOTAI_CODEGEN_CACHE === '0' ? undefined : join(GENERATOR_ROOT, 'dist', '.code-cache');

interface Job {
  id: number;
  text: string;
  options: Options;
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

interface Reply {
  /** The answer to a flush request. */
  flushed?: boolean;
  /** The job answered (replies come in the order jobs were sent; the id makes that checkable). */
  id?: number;
  text?: string;
  error?: string;
  /** The input did not parse (as opposed to the formatter failing). */
  syntax?: boolean;
}

/**
 * Jobs a worker may hold at once. A worker formats one job at a time, in order; handing it the next
 * few in advance hides the message round trip between jobs (~1 ms each, ~40 ms of a small spec's
 * ~45 jobs), while a bound on bytes keeps a second worker from finding the queue already handed out.
 */
const MAX_IN_FLIGHT_JOBS = 16;
const MAX_IN_FLIGHT_BYTES = 64 * 1024;

class FormatWorker {
  readonly #worker: Worker;
  /** Sent and not answered yet, oldest first: the worker answers in the order it was sent. */
  readonly #inFlight: Job[] = [];
  #inFlightBytes = 0;
  /** Has formatted something: only then is there a code cache worth saving (see flush). */
  #used = false;
  /** A flush is wanted once the queue is empty, or has been sent and not answered yet. */
  #flush: { state: 'wanted' | 'sent'; done: Promise<void>; resolve: () => void } | undefined;

  constructor(
    file: string,
    codeCacheDir: string | undefined,
    private readonly next: () => Job | undefined,
    onGone: (worker: FormatWorker, error: Error) => void,
  ) {
    // No inherited execArgv: the worker is plain JavaScript and needs no loader (tsx, vitest), and
    // flags like --input-type (from `node -e`) would stop it from starting at all.
    this.#worker = new Worker(file, { execArgv: [], workerData: { codeCacheDir } });
    this.#worker.on('message', (reply: Reply) => {
      if (reply.flushed) {
        this.#flush?.resolve();
        this.#flush = undefined;
        this.pull();
        return;
      }
      const job = this.#inFlight[0];
      if (job === undefined || reply.id !== job.id) {
        fail(new Error(`the formatting worker answered job ${reply.id} while job ${job?.id} was due`));
        return;
      }
      this.#inFlight.shift();
      this.#inFlightBytes -= job.text.length;
      if (reply.error !== undefined) job.reject(Object.assign(new Error(reply.error), { syntax: reply.syntax === true }));
      else job.resolve(reply.text ?? '');
      this.pull();
    });
    let gone = false;
    const fail = (error: Error): void => {
      for (const job of this.#inFlight.splice(0)) job.reject(error);
      this.#inFlightBytes = 0;
      this.#flush?.resolve(); // nothing left to save
      this.#flush = undefined;
      if (gone) return;
      gone = true;
      void this.#worker.terminate(); // a worker whose answers cannot be trusted does no more work
      onGone(this, error);
    };
    this.#worker.on('error', fail);
    this.#worker.on('messageerror', fail);
    this.#worker.on('exit', (code) => fail(new Error(`the formatting worker exited (code ${code})`)));
    // After the listeners: attaching a 'message' listener refs the worker's port again.
    this.#worker.unref();
  }

  /** Can take another job now. */
  get idle(): boolean {
    return this.#flush?.state !== 'sent' && (this.#inFlight.length === 0 || (this.#inFlight.length < MAX_IN_FLIGHT_JOBS && this.#inFlightBytes < MAX_IN_FLIGHT_BYTES));
  }

  /**
   * Asks the worker to save its code cache once it has no more work; resolves when it has. A worker
   * that has formatted nothing has compiled little worth saving, and is not kept waiting for.
   */
  flush(): Promise<void> {
    if (!this.#used) return Promise.resolve();
    if (this.#flush === undefined) {
      let resolve = (): void => undefined;
      const done = new Promise<void>((r) => (resolve = r));
      this.#flush = { state: 'wanted', done, resolve };
    }
    const { done } = this.#flush;
    this.pull();
    return done;
  }

  /** Takes queued jobs while it has room (then sends a wanted flush); ref'd only while busy. */
  pull(): void {
    while (this.idle) {
      const job = this.next();
      if (job === undefined) break;
      try {
        this.#worker.postMessage({ id: job.id, text: job.text, options: job.options });
      } catch (error) {
        // Not sendable (a bug in the options): fail this job, keep the worker free for the next.
        job.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      this.#inFlight.push(job);
      this.#inFlightBytes += job.text.length;
      this.#used = true;
    }
    if (this.#inFlight.length > 0) this.#worker.ref();
    else if (this.#flush?.state === 'wanted') {
      // Ref'd until answered: writing the cache takes a few ms and must not be cut off by exit.
      this.#flush.state = 'sent';
      this.#worker.ref();
      this.#worker.postMessage({ flush: true });
    } else if (this.#flush === undefined) this.#worker.unref();
  }
}

export class FormatPool {
  constructor(
    private readonly settings: { file: string; maxWorkers: number; secondWorkerBytes: number; codeCacheDir?: string } = {
      file: WORKER_FILE,
      maxWorkers: MAX_WORKERS,
      secondWorkerBytes: SECOND_WORKER_BYTES,
      codeCacheDir: CODE_CACHE_DIR,
    },
  ) {}

  #workers: FormatWorker[] = [];
  #queue: Job[] = [];
  #nextId = 0;
  #queuedBytes = 0;

  /** Starts the first worker now (it loads prettier in the background); later calls are no-ops. */
  start(): void {
    if (this.#workers.length === 0) this.#spawn();
  }

  format(text: string, options: Options): Promise<string> {
    this.start();
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: (this.#nextId += 1), text, options, resolve, reject });
      this.#queuedBytes += text.length;
      if (this.#queuedBytes > this.settings.secondWorkerBytes && this.#workers.length < this.settings.maxWorkers) this.#spawn();
      for (const worker of this.#workers) worker.pull();
    });
  }

  /**
   * Lets each worker save its code cache once its queue is empty (called when a run has handed
   * over every file). Only a run that compiled without a cache writes anything. Nobody needs to
   * wait for it (a flushing worker keeps the process alive until it has written); tests do.
   */
  async flush(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.flush()));
  }

  #spawn(): void {
    const worker = new FormatWorker(
      this.settings.file,
      this.settings.codeCacheDir,
      () => this.#take(),
      (gone, error) => {
        this.#workers = this.#workers.filter((w) => w !== gone);
        // A worker that dies (prettier missing, out of memory) fails the run rather than being
        // restarted into the same failure: every queued job is rejected with its error.
        if (this.#workers.length === 0) for (let job = this.#take(); job !== undefined; job = this.#take()) job.reject(error);
      },
    );
    this.#workers.push(worker);
  }

  /** How many workers are running (for tests). */
  get size(): number {
    return this.#workers.length;
  }

  #take(): Job | undefined {
    const job = this.#queue.shift();
    if (job !== undefined) this.#queuedBytes -= job.text.length;
    return job;
  }
}

export const formatPool = new FormatPool();
