/**
 * Setup file (vitest.config.ts): the CPU time each test file costs, its own process and the child
 * processes it waited for (a `tsc`, a CLI run), from before the file is imported to after its last
 * hook. Wall-clock durations swell when other processes share the cores; CPU time is the work
 * itself, so the slowest-files table (slowest-files.ts) prints it beside the wall time (issue #20).
 */
import { readFileSync } from 'node:fs';
import { afterAll } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** CPU milliseconds of the file: this process, plus the children it reaped. */
    cpuMs?: number;
  }
}

/** User + system CPU of reaped children, in ms: fields 16 and 17 of /proc/self/stat (Linux only). */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks * 10 : 0; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000 + childrenCpuMs();
};

const start = cpuMs();
// Vitest 4 hands hooks a fixture context first (it must be destructured), the file's suite second.
afterAll(({}, suite) => {
  suite.meta.cpuMs = Math.round(cpuMs() - start);
});
