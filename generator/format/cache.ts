import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Options } from 'prettier';
import { CheckedEntries, cacheRoot, installedVersion } from '../cache/checked-entries.js';
import { sha256Of as sha256 } from '../spec-store/store.js';

/**
 * Prettier's output for a given input, parser, options and prettier version never changes, so it
 * is cached by those (like `prettier --cache`): regenerating after a spec release, or `--check`,
 * re-formats only the files whose emitted text changed. Entries are checksummed, atomic and pruned
 * (cache/checked-entries.ts). `NOTAI_CODEGEN_CACHE=0` turns the cache off;
 * `NOTAI_CODEGEN_CACHE_DIR` moves it (default node_modules/.cache/notai-codegen under the
 * generator's root).
 */
export class FormatCache extends CheckedEntries {
  /** The cache for this prettier version and options, or undefined when caching is off. */
  static open(options: Options, env: NodeJS.ProcessEnv = process.env): FormatCache | undefined {
    const root = cacheRoot(env);
    const version = installedVersion('prettier');
    if (root === undefined || version === undefined) return undefined;
    return new FormatCache(join(root, 'format', `prettier-${version}-${sha256(JSON.stringify(options)).slice(0, 12)}`));
  }

  static key(parser: string, text: string): string {
    // Streamed rather than `sha256(`${parser}\0${text}`)` (the same digest): concatenating made
    // V8 flatten a copy of every emitted file first.
    return createHash('sha256').update(parser).update('\0').update(text).digest('hex');
  }
}
