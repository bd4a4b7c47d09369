// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/timer.ts.
/**
 * One shared timer for every attempt's timeout, instead of a setTimeout + clearTimeout per
 * attempt: on a busy client the timer stays armed for the earliest deadline and attempts only add
 * and remove entries. When the last attempt finishes the timer is disarmed on the next turn of
 * the event loop (setImmediate where it exists, at once elsewhere), so back-to-back requests
 * reuse it and an idle client holds no timer.
 *
 * Pending entries form a doubly linked ring through a sentinel, so adding and removing one is a
 * few field writes. A `Set` of entries cost ~15 µs of CPU a call more with 64 calls in flight on a
 * fetch that answers fast, nearly all of it garbage collection (docs/decisions.md, "The shared
 * attempt timer keeps its entries in a linked ring").
 */

interface Entry {
  at: number;
  fire: () => void;
  /** Neighbours in the ring; an entry that is not pending points at itself. */
  prev: Entry;
  next: Entry;
}

const head = { at: Infinity, fire: () => undefined } as Entry;
head.prev = head;
head.next = head;
let count = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let armedAt = Infinity;
let sweepQueued = false;

function unlink(entry: Entry): void {
  entry.prev.next = entry.next;
  entry.next.prev = entry.prev;
  entry.prev = entry;
  entry.next = entry;
  count -= 1;
}

function disarm(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  armedAt = Infinity;
}

/** Arms the timer for the earliest pending deadline (a scan: only done when that changes). */
function rearm(now: number): void {
  disarm();
  for (let entry = head.next; entry !== head; entry = entry.next) armedAt = Math.min(armedAt, entry.at);
  if (armedAt !== Infinity) timer = setTimeout(tick, armedAt - now);
}

function tick(): void {
  timer = undefined;
  const now = Date.now();
  const due: Entry[] = [];
  for (let entry = head.next; entry !== head; entry = entry.next) if (entry.at <= now) due.push(entry);
  for (const entry of due) {
    // An earlier entry's `fire` may have cancelled this one.
    if (entry.next === entry) continue;
    unlink(entry);
    entry.fire();
  }
  rearm(now);
}

function sweep(): void {
  sweepQueued = false;
  if (count === 0) disarm();
}

/**
 * Calls `fire` after `ms` (below 2^31 - 1) unless the returned function is called first.
 * Deadlines are kept in Date.now() time, so fake clocks drive them like any setTimeout.
 */
export function onTimeout(ms: number, fire: () => void): () => void {
  const now = Date.now();
  const entry: Entry = { at: now + ms, fire, prev: head.prev, next: head };
  head.prev.next = entry;
  head.prev = entry;
  count += 1;
  if (entry.at < armedAt) rearm(now);
  return () => {
    if (entry.next === entry) return;
    unlink(entry);
    if (count > 0 || sweepQueued) return;
    const later = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
    if (later === undefined) return disarm();
    sweepQueued = true;
    later(sweep);
  };
}
