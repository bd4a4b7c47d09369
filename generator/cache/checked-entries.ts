import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GENERATOR_ROOT } from '../root.js';
import { sha256Of as sha256 } from '../spec-store/store.js';

/**
 * Where the generator's pure-function caches live (prettier's output, Redocly's lint result), or
 * undefined when `NOTAI_CODEGEN_CACHE=0` turns caching off. `NOTAI_CODEGEN_CACHE_DIR` moves it
 * (default node_modules/.cache/notai-codegen under the generator's root).
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NOTAI_CODEGEN_CACHE === '0') return undefined;
  return env.NOTAI_CODEGEN_CACHE_DIR ?? join(GENERATOR_ROOT, 'node_modules', '.cache', 'notai-codegen');
}

/**
 * The installed version of a package the generator runs (prettier, Redocly): a cache of its
 * output is only valid for that version. Undefined when it cannot be read: no cache then, rather
 * than one that could answer for another version.
 */
export function installedVersion(name: string): string | undefined {
  try {
    return (createRequire(join(GENERATOR_ROOT, 'package.json'))(`${name}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * A directory of cache entries, one file each, written atomically and carrying a checksum of their
 * text: an entry that fails it is a miss, so a damaged cache costs time, never output. It stays
 * bounded: a hit refreshes its entry's mtime, and at most once a day a run deletes entries unused
 * for 30 days and the sibling directories (other tool versions or options, never hit again).
 */
export class CheckedEntries {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Entries unused this long are deleted by `pruneIfDue`. */
  static readonly MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
  static readonly PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

  async get(key: string): Promise<string | undefined> {
    let stored: Buffer;
    try {
      stored = await readFile(join(this.#dir, key));
    } catch {
      return undefined;
    }
    // The checksum is of the text as written (UTF-8), so the bytes are checked before decoding:
    // hashing them is several times cheaper than re-encoding the decoded string.
    if (stored.length < 65 || stored[64] !== 0x0a) return undefined;
    const body = stored.subarray(65);
    if (stored.toString('latin1', 0, 64) !== createHash('sha256').update(body).digest('hex')) return undefined;
    const text = body.toString('utf8');
    const now = new Date();
    await utimes(join(this.#dir, key), now, now).catch(() => undefined); // "recently used", for pruning
    return text;
  }

  /**
   * Deletes entries unused for MAX_AGE_MS and the sibling directories of this one, at most once
   * per PRUNE_EVERY_MS. Best effort: a failure leaves the cache as it was.
   */
  async pruneIfDue(now = Date.now()): Promise<void> {
    const root = dirname(this.#dir);
    const marker = join(root, '.pruned');
    try {
      if (now - (await stat(marker)).mtimeMs < CheckedEntries.PRUNE_EVERY_MS) return;
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
        if (now - mtimeMs > CheckedEntries.MAX_AGE_MS) await rm(file, { force: true });
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
