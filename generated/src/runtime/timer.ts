// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/timer.ts.
/**
 * One shared timer for every attempt's timeout, instead of a setTimeout + clearTimeout per
 * attempt: on a busy client the timer stays armed for the earliest deadline and attempts only add
 * and remove entries. When the last attempt finishes the timer is disarmed on the next turn of
 * the event loop (setImmediate where it exists, at once elsewhere), so back-to-back requests
 * reuse it and an idle client holds no timer.
 */

interface Entry {
  at: number;
  fire: () => void;
}

const pending = new Set<Entry>();
let timer: ReturnType<typeof setTimeout> | undefined;
let armedAt = Infinity;
let sweepQueued = false;

function disarm(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  armedAt = Infinity;
}

/** Arms the timer for the earliest pending deadline (a scan: only done when that changes). */
function rearm(now: number): void {
  disarm();
  for (const entry of pending) armedAt = Math.min(armedAt, entry.at);
  if (armedAt !== Infinity) timer = setTimeout(tick, armedAt - now);
}

function tick(): void {
  timer = undefined;
  const now = Date.now();
  for (const entry of pending) {
    if (entry.at <= now) {
      pending.delete(entry);
      entry.fire();
    }
  }
  rearm(now);
}

function sweep(): void {
  sweepQueued = false;
  if (pending.size === 0) disarm();
}

/**
 * Calls `fire` after `ms` (below 2^31 - 1) unless the returned function is called first.
 * Deadlines are kept in Date.now() time, so fake clocks drive them like any setTimeout.
 */
export function onTimeout(ms: number, fire: () => void): () => void {
  const now = Date.now();
  const entry = { at: now + ms, fire };
  pending.add(entry);
  if (entry.at < armedAt) rearm(now);
  return () => {
    if (!pending.delete(entry) || pending.size > 0 || sweepQueued) return;
    const later = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
    if (later === undefined) return disarm();
    sweepQueued = true;
    later(sweep);
  };
}
