import { join } from 'node:path';
import { CheckedEntries, cacheRoot, installedVersion } from '../cache/checked-entries.js';
import { sha256Of as sha256 } from '../spec-store/store.js';

/** One lint problem as the loader reads it: what decides an error, a warning and their text. */
export interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  /** JSON pointer of the problem's first location (`#` when Redocly gave none). */
  pointer: string;
  /** The document it is in (the spec's own location when Redocly gave none). */
  file: string;
}

/**
 * The Redocly configuration the loader lints with (validate.ts): part of the cache key, so a rule
 * change can never be answered from a result made under other rules.
 */
export const LINT_RULES = {
  rules: {
    struct: 'error',
    'no-unresolved-refs': 'error',
    'operation-parameters-unique': 'error',
    'path-parameters-defined': 'error',
  },
} as const;
export const LINT_EXTENDS = ['spec'] as const;

/**
 * Bump when what is stored changes meaning: the LintProblem shape, or how Redocly's problems are
 * turned into it (prototype-shield.ts `unshieldProblem`, validate.ts `toLintProblem`).
 */
const FORMAT = 'lint-problems-v1';

function isLintProblem(value: unknown): value is LintProblem {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return ['ruleId', 'severity', 'message', 'pointer', 'file'].every((field) => typeof p[field] === 'string');
}

/**
 * Redocly's lint of a self-contained spec (no ref to another document) is a pure function of the
 * spec's text and location, Redocly's version and the rules, so its problems are cached by those:
 * a re-run of an unchanged spec skips the lint walk (~15% of a GitHub run's CPU). Only the result
 * is cached; the loader turns it into warnings and errors exactly as it does a fresh one. A spec
 * with external refs is always linted (the other documents could change under the same text).
 * Entries live beside the format cache and share its switches (`NOTAI_CODEGEN_CACHE=0`,
 * `NOTAI_CODEGEN_CACHE_DIR`), checksums and pruning (cache/checked-entries.ts).
 */
export class LintCache extends CheckedEntries {
  /** The cache for this Redocly version and rule set, or undefined when caching is off. */
  static open(env: NodeJS.ProcessEnv = process.env): LintCache | undefined {
    const root = cacheRoot(env);
    if (root === undefined) return undefined;
    const version = installedVersion('@redocly/openapi-core');
    if (version === undefined) return undefined;
    const settings = sha256(JSON.stringify({ FORMAT, LINT_RULES, LINT_EXTENDS })).slice(0, 12);
    return new LintCache(join(root, 'lint', `redocly-${version}-${settings}`));
  }

  /** The key of a spec read from `location` whose text has the sha256 `textSha256`. */
  static key(location: string, textSha256: string): string {
    return sha256(`${location}\0${textSha256}`);
  }

  /** The problems stored for `key`, or undefined on a miss (or an entry that is not a problem list). */
  async read(key: string): Promise<LintProblem[] | undefined> {
    const text = await this.get(key);
    if (text === undefined) return undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) && parsed.every(isLintProblem) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  async write(key: string, problems: readonly LintProblem[]): Promise<void> {
    await this.set(key, JSON.stringify(problems));
    await this.pruneIfDue();
  }
}
