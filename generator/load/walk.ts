import { escapePointerSegment } from '../errors.js';

/** One object or array met by {@link walkContainers}; the pointer is built only when asked for. */
export interface Visit {
  readonly value: object;
  readonly key: string | number | undefined;
  readonly parent: Visit | undefined;
  /** Segments between the root (0) and this value: the length of its JSON pointer. */
  readonly depth: number;
}

/** `#/a/b~1c` for a visit, from its chain of parents. */
export function pointerOfVisit(visit: Visit): string {
  const segments: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) segments.push(escapePointerSegment(at.key));
  return segments.length === 0 ? '#' : `#/${segments.reverse().join('/')}`;
}

/**
 * Visits every object and array under `root` in document order, with an explicit stack instead of
 * recursion: this is what runs on input that is too deep for recursive code, so it must not
 * overflow itself. `visit` returning false skips the value's children.
 */
export function walkContainers(root: unknown, visit: (at: Visit) => boolean | void): void {
  if (typeof root !== 'object' || root === null) return;
  const stack: Visit[] = [{ value: root, key: undefined, parent: undefined, depth: 0 }];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (visit(at) === false) continue;
    const { value, depth } = at;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, key: i, parent: at, depth: depth + 1 });
      }
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child: unknown = (value as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, key, parent: at, depth: depth + 1 });
      }
    }
  }
}
