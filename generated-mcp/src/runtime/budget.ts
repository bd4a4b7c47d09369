// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/mcp/budget.ts.
/**
 * The result budget: every tool result is measured as compact JSON, and what does not fit is
 * cut by dropping whole array elements (never part of a string), with a note saying what went.
 */

/** Characters of `value` as compact JSON (what the agent reads). */
export function jsonSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/**
 * The largest k such that `wrap(items.slice(0, k))` fits in `budget` characters. Uses
 * `size(wrap(items.slice(0, k))) = size(wrap([])) + Σ size(item) + (k - 1)` for k ≥ 1.
 */
export function fitCount(
  items: readonly unknown[],
  budget: number,
  wrap: (items: readonly unknown[]) => unknown,
): number {
  let total = jsonSize(wrap([]));
  let k = 0;
  for (const item of items) {
    total += jsonSize(item) + (k === 0 ? 0 : 1);
    if (total > budget) break;
    k += 1;
  }
  return k;
}

/** One array that lost elements: where (JSON pointer), how many stayed, how many there were. */
export interface ArrayCut {
  path: string;
  kept: number;
  total: number;
}

interface ArrayRef {
  array: unknown[];
  path: string;
  size: number;
}

function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function collectArrays(value: unknown, path: string, out: ArrayRef[]): void {
  if (Array.isArray(value)) {
    if (value.length > 0) out.push({ array: value, path, size: jsonSize(value) });
    value.forEach((item, i) => collectArrays(item, `${path}/${i}`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) collectArrays(item, `${path}/${escapePointer(key)}`, out);
  }
}

function exists(root: unknown, path: string): boolean {
  let node = root;
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Drops trailing elements of the largest arrays (at any depth) until the value fits. Returns a
 * copy and the cuts made; `fits` is false when even empty arrays leave it too large.
 */
export function cutArrays(value: unknown, budget: number): { value: unknown; cuts: ArrayCut[]; fits: boolean } {
  const copy: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  const cuts = new Map<string, ArrayCut>();
  let total = jsonSize(copy);
  while (total > budget) {
    const arrays: ArrayRef[] = [];
    collectArrays(copy, '', arrays);
    arrays.sort((a, b) => b.size - a.size);
    const largest = arrays[0];
    if (largest === undefined) break;
    const original = cuts.get(largest.path)?.total ?? largest.array.length;
    // Shrink the largest array down to the next largest at most, so cuts spread over the
    // big arrays instead of emptying one of them; at least one element goes each round.
    const next = arrays.find((a) => !a.path.startsWith(`${largest.path}/`) && a !== largest);
    let remove = Math.min(total - budget, next === undefined ? Infinity : Math.max(1, largest.size - next.size));
    do {
      const removed = largest.array.pop();
      remove -= jsonSize(removed) + (largest.array.length > 0 ? 1 : 0);
    } while (remove > 0 && largest.array.length > 0);
    cuts.set(largest.path, { path: largest.path, kept: largest.array.length, total: original });
    total = jsonSize(copy);
  }
  const kept = [...cuts.values()].filter((cut) => exists(copy, cut.path)).sort((a, b) => a.path.localeCompare(b.path));
  return { value: copy, cuts: kept, fits: total <= budget };
}
