/**
 * Canonical form of a pinned spec: every object's keys sorted (code-unit order), arrays in their
 * order, two-space JSON, final newline. A vendor that only reorders keys then produces no diff.
 */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (typeof value === 'object' && value !== null) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      // defineProperty, not assignment: a key named "__proto__" must stay data, not a prototype.
      Object.defineProperty(sorted, key, { value: canonicalize((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return sorted;
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(canonicalize(value), null, 2)}\n`;
}

/** Compares dotted version strings numerically part by part (`1.0.17.0` < `1.0.18`), text parts by code unit. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const diff = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
