/**
 * How much longer than its CPU time work takes on the wall clock here, now: 1 on a quiet machine,
 * about 2 beside two CPU-bound processes on 2 cores, more under heavier load. Timeouts of CPU-bound
 * tests (compiling, generating) are multiplied by it, so a loaded machine is slower, never failing
 * (issue #20; the same idea as decision #77, which scales network timeouts by measured requests).
 *
 * Measured once per test file: a fixed loop of ~25 ms of CPU, its wall time over its CPU time.
 * Files that share a process (vitest.config.ts) each measure afresh: setup-timeouts.ts calls
 * remeasureSlowdown() as each file starts, since the load may have changed since the last one.
 */
import { cpuUsage } from 'node:process';

let measured: number | undefined;

export function slowdown(): number {
  return measured ?? remeasureSlowdown();
}

/** Measures the slowdown now and keeps it for the rest of the file. */
export function remeasureSlowdown(): number {
  const wall0 = performance.now();
  const cpu0 = cpuUsage();
  let x = 0;
  // Until 25 ms of CPU are spent, however long that takes on the wall clock.
  for (let spent = 0; spent < 25_000; ) {
    for (let i = 0; i < 100_000; i++) x = (x * 31 + i) | 0;
    const used = cpuUsage(cpu0);
    spent = used.user + used.system;
  }
  const used = cpuUsage(cpu0);
  const ratio = (performance.now() - wall0) / ((used.user + used.system) / 1000);
  measured = Math.max(1, Math.min(20, ratio)) + (x === 0.5 ? 1 : 0); // x keeps the loop from being optimised away
  return measured;
}

/** `ms`, stretched by the slowdown measured now. */
export const scaled = (ms: number): number => Math.ceil(ms * slowdown());
