import { GeneratorError, pointerOf } from '../errors.js';
import { decodePointerSegment } from '../json-pointer.js';

/** A validation error located inside one path item of the root document. */
export interface PathProblem {
  key: string;
  pointer: string;
  message: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The path key a pointer into the root document lies under (`#/paths/~1a/get` → `/a`), or undefined. */
export function pathKeyOf(pointer: string): string | undefined {
  const match = /^#\/paths\/([^/]+)/.exec(pointer);
  return match ? decodePointerSegment(match[1]!) : undefined;
}

/**
 * One error for every invalid path at once: a real spec with one bad path usually has twenty
 * (the same mistake made in every operation of a family), and fixing them one run at a time
 * is slow. The pointer is the first one's; the message lists each.
 */
export function invalidPathsError(problems: readonly PathProblem[], file: string): GeneratorError {
  const keys = new Set(problems.map((p) => p.key));
  const first = problems[0]!;
  if (problems.length === 1) return new GeneratorError(`Invalid spec: ${first.message} (fix it, or pass --skip-invalid to generate without this path)`, first.pointer, file);
  const lines = problems.map((p) => `  ${p.pointer}: ${p.message}`);
  const count = keys.size === 1 ? '1 path is invalid' : `${keys.size} paths are invalid`;
  return new GeneratorError(`Invalid spec: ${count} (fix them, or pass --skip-invalid to generate without them):\n${lines.join('\n')}\n`, first.pointer, file);
}

/**
 * The document without the invalid paths, and a warning for each operation that goes with them:
 * the rest of the API still gets its client.
 */
export function withoutInvalidPaths(root: Record<string, unknown>, problems: readonly PathProblem[]): { document: Record<string, unknown>; warnings: string[] } {
  const paths = root.paths as Record<string, unknown>;
  const reasons = new Map<string, PathProblem>();
  for (const problem of problems) if (!reasons.has(problem.key)) reasons.set(problem.key, problem);
  const kept: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [key, item] of Object.entries(paths)) {
    const reason = reasons.get(key);
    if (reason === undefined) {
      kept[key] = item;
      continue;
    }
    const methods = typeof item === 'object' && item !== null ? METHODS.filter((m) => m in item) : [];
    const why = `${reason.message} (at ${reason.pointer})`;
    if (methods.length === 0) warnings.push(`Skipped the invalid path ${key} (${pointerOf('paths', key)}): ${why}`);
    for (const method of methods) warnings.push(`Skipped ${method.toUpperCase()} ${key} (${pointerOf('paths', key, method)}), its path is invalid: ${why}`);
  }
  return { document: { ...root, paths: kept }, warnings };
}
