/** Small statistics over repeated runs: medians and ranges, never means (the machines are noisy). */

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function finite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v));
}

/** Median of the finite values; NaN when there are none. */
export function median(values: readonly number[]): number {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1] ?? Number.NaN;
  return (lower + upper) / 2;
}

export function min(values: readonly number[]): number {
  const xs = finite(values);
  return xs.length === 0 ? Number.NaN : Math.min(...xs);
}

export function max(values: readonly number[]): number {
  const xs = finite(values);
  return xs.length === 0 ? Number.NaN : Math.max(...xs);
}

export function summarize(values: readonly number[]): Summary {
  return { n: finite(values).length, median: median(values), min: min(values), max: max(values) };
}

/**
 * Ratios a[i] / b[i] of measurements taken in the same round (same machine state), skipping
 * rounds where either side is missing. The median of these is the figure that counts.
 */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y) || y === 0) continue;
    out.push(x / y);
  }
  return out;
}
