import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, for the few moments a run knows that most of its heap has just died
 * (types.ts: openapi-typescript's syntax tree, ~300 MB on Microsoft Graph's spec, is garbage once
 * printed). V8 sizes the heap from what was alive at its last full collection, during the tree's
 * building, so without this the dead tree stayed resident while the rest of the package was
 * emitted, until allocation reached that high limit: the run's peak RSS.
 *
 * Node exposes `gc` only with `--expose-gc`, which a CLI cannot pass itself; the flag is set just
 * long enough to take V8's `gc` from a fresh context, then cleared again: V8 checks code caches
 * against the flags, and a cache written under a changed flag would be rejected by every later
 * run (bin/run-bundle.mjs, the formatting workers). Unavailable (an embedder refusing the flag):
 * nothing happens, V8 collects when it would have.
 */
let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) collect = findGc();
  collect?.();
}

function findGc(): (() => void) | null {
  // Started with --expose-gc (tests, a user's NODE_OPTIONS): use it, and leave the flags alone.
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null; // no gc: V8 collects on its own schedule
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
