import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Options } from 'prettier';
import { GENERATOR_ROOT } from '../root.js';
import { sha256Of as sha256 } from '../spec-store/store.js';

/**
 * Prettier's output for a given input, parser, options and prettier version never changes, so it
 * is cached by those (like `prettier --cache`): regenerating after a spec release, or `--check`,
 * re-formats only the files whose emitted text changed. Entries are one file each, written
 * atomically, and carry a checksum of their text: an entry that fails it is a miss, so a damaged
 * cache costs time, never output. `NOTAI_CODEGEN_CACHE=0` turns the cache off;
 * `NOTAI_CODEGEN_CACHE_DIR` moves it (default node_modules/.cache/notai-codegen under the
 * generator's root). It stays bounded: a hit refreshes its entry's mtime, and at most once a day a
 * run deletes entries unused for 30 days and the directories of other prettier versions/options.
 */
export class FormatCache {
  readonly #dir: string;

  private constructor(dir: string) {
    this.#dir = dir;
  }

  /** The cache for this prettier version and options, or undefined when caching is off. */
  static open(options: Options, env: NodeJS.ProcessEnv = process.env): FormatCache | undefined {
    if (env.NOTAI_CODEGEN_CACHE === '0') return undefined;
    const root = env.NOTAI_CODEGEN_CACHE_DIR ?? join(GENERATOR_ROOT, 'node_modules', '.cache', 'notai-codegen');
    const version = (createRequire(join(GENERATOR_ROOT, 'package.json'))('prettier/package.json') as { version: string }).version;
    return new FormatCache(join(root, 'format', `prettier-${version}-${sha256(JSON.stringify(options)).slice(0, 12)}`));
  }

  /** Entries unused this long are deleted by `pruneIfDue`. */
  static readonly MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
  static readonly PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

  static key(parser: string, text: string): string {
    return sha256(`${parser}\0${text}`);
  }

  async get(key: string): Promise<string | undefined> {
    let stored: string;
    try {
      stored = await readFile(join(this.#dir, key), 'utf8');
    } catch {
      return undefined;
    }
    const newline = stored.indexOf('\n');
    const text = stored.slice(newline + 1);
    if (newline !== 64 || stored.slice(0, 64) !== sha256(text)) return undefined;
    const now = new Date();
    await utimes(join(this.#dir, key), now, now).catch(() => undefined); // "recently used", for pruning
    return text;
  }

  /**
   * Deletes entries unused for MAX_AGE_MS and the directories of other prettier versions or
   * options (they can never be hit again), at most once per PRUNE_EVERY_MS. Best effort: a failure
   * leaves the cache as it was.
   */
  async pruneIfDue(now = Date.now()): Promise<void> {
    const root = dirname(this.#dir);
    const marker = join(root, '.pruned');
    try {
      if (now - (await stat(marker)).mtimeMs < FormatCache.PRUNE_EVERY_MS) return;
    } catch {
      // never pruned: due
    }
    try {
      await mkdir(root, { recursive: true });
      await writeFile(marker, '');
      for (const entry of await readdir(root, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== basename(this.#dir)) await rm(join(root, entry.name), { recursive: true, force: true });
      }
      for (const name of await readdir(this.#dir).catch(() => [] as string[])) {
        const file = join(this.#dir, name);
        const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: now }));
        if (now - mtimeMs > FormatCache.MAX_AGE_MS) await rm(file, { force: true });
      }
    } catch {
      // best effort
    }
  }

  async set(key: string, text: string): Promise<void> {
    try {
      await mkdir(this.#dir, { recursive: true });
      const file = join(this.#dir, key);
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, `${sha256(text)}\n${text}`);
      await rename(temp, file);
    } catch {
      // A read-only or full disk only costs the next run some time.
    }
  }
}
