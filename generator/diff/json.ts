/** Small text helpers of the diff; JSON values, pointers and refs come from generator/schema/. */

/** Inline code for messages: `` `x` ``. */
export function code(text: string | number): string {
  return `\`${String(text)}\``;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function sortedUnion<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])].sort((x, y) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0));
}
