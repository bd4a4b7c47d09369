import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Options } from 'prettier';
import { GENERATOR_ROOT } from '../root.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Prettier's output for a given input, parser, options and prettier version never changes, so it
 * is cached by those (like `prettier --cache`): regenerating after a spec release, or `--check`,
 * re-formats only the files whose emitted text changed. Entries are one file each, written
 * atomically, and carry a checksum of their text: an entry that fails it is a miss, so a damaged
 * cache costs time, never output. `NOTAI_CODEGEN_CACHE=0` turns the cache off;
 * `NOTAI_CODEGEN_CACHE_DIR` moves it (default node_modules/.cache/notai-codegen under the
 * generator's root).
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
    return newline === 64 && stored.slice(0, 64) === sha256(text) ? text : undefined;
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
