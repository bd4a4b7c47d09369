import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';
import { GENERATOR_ROOT } from '../root.js';

/**
 * Prettier in worker threads, so formatting runs on other cores while the main thread is still
 * emitting (and a worker loads prettier while the main thread reads the spec).
 *
 * One worker per core beyond the main thread's, two at most: each pays prettier's cold start (~0.25 s
 * to load and warm its parsers), which a third would not earn back on specs this generator meets
 * (GitHub's formatting is ~0.6 s of work), and on a 2-core machine a second worker only competes
 * with the main thread for the same cores.
 * The pool is per process and outlives one generate() call, so tests and repeated calls reuse warm
 * workers; idle workers are unref'd and never keep the process alive.
 */
const WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
const WORKER_FILE = join(GENERATOR_ROOT, 'generator', 'format', 'worker.mjs');

interface Pending {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
  bytes: number;
}

interface Reply {
  id?: number;
  text?: string;
  error?: string;
  ready?: boolean;
}

class FormatWorker {
  readonly pending = new Map<number, Pending>();
  /** Bytes queued on this worker: new jobs go to the least loaded one. */
  queuedBytes = 0;
  readonly worker: Worker;

  constructor(onGone: (worker: FormatWorker) => void) {
    // No inherited execArgv: the worker is plain JavaScript and needs no loader (tsx, vitest), and
    // flags like --input-type (from `node -e`) would stop it from starting at all.
    this.worker = new Worker(WORKER_FILE, { execArgv: [] });
    this.worker.on('message', (reply: Reply) => this.#settle(reply));
    const fail = (error: Error): void => {
      onGone(this);
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the formatting worker exited (code ${code})`)));
    // After the listeners: attaching a 'message' listener refs the worker's port again.
    this.worker.unref();
  }

  submit(id: number, text: string, options: Options): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject, bytes: text.length });
      this.queuedBytes += text.length;
      this.worker.postMessage({ id, text, options });
    });
  }

  #settle(reply: Reply): void {
    if (reply.id === undefined) return;
    const job = this.pending.get(reply.id);
    if (job === undefined) return;
    this.pending.delete(reply.id);
    this.queuedBytes -= job.bytes;
    if (this.pending.size === 0) this.worker.unref();
    if (reply.error !== undefined) job.reject(new Error(reply.error));
    else job.resolve(reply.text ?? '');
  }
}

class FormatPool {
  #workers: FormatWorker[] = [];
  #nextId = 0;

  /** Starts the workers now (they load prettier in the background); later calls are no-ops. */
  start(): void {
    while (this.#workers.length < WORKERS) {
      this.#workers.push(new FormatWorker((gone) => (this.#workers = this.#workers.filter((w) => w !== gone))));
    }
  }

  format(text: string, options: Options): Promise<string> {
    this.start();
    const worker = this.#workers.reduce((least, w) => (w.queuedBytes < least.queuedBytes ? w : least));
    return worker.submit((this.#nextId += 1), text, options);
  }
}

export const formatPool = new FormatPool();
