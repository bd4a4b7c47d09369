/**
 * A vitest reporter that prints, after every run, the slowest test files: so the next file that
 * makes `npm test` slow is visible in the run that made it slow (issue #20). It sits beside the
 * default reporter (vitest.config.ts) and only adds a table.
 *
 * Columns: the file's wall-clock seconds in its fork (setup, import, tests and hooks), the tests and
 * hooks alone, the import of the file and what it imports, and its CPU seconds (its fork and the
 * child processes it waited for, measured by file-cpu.ts). On a machine shared with other work the
 * wall-clock figures swell and the CPU figures do not: compare files by CPU there. Sorted by wall
 * time, the cost a quiet run pays. SLOWEST_FILES sets how many rows (0: none).
 */
import type { Reporter, TestModule } from 'vitest/node';

const ROWS = Number(process.env.SLOWEST_FILES ?? 15);

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (!(ROWS > 0) || modules.length === 0) return;
    const rows = modules
      .map((m) => {
        const d = m.diagnostic();
        const total = d.duration + d.collectDuration + d.setupDuration + d.prepareDuration + d.environmentSetupDuration;
        return { file: m.moduleId.slice(process.cwd().length + 1), tests: d.duration, collect: d.collectDuration, total, cpu: m.meta().cpuMs };
      })
      .sort((a, b) => b.total - a.total);
    const s = (ms: number | undefined): string => (ms === undefined ? '?' : (ms / 1000).toFixed(1)).padStart(7);
    const lines = rows.slice(0, ROWS).map((r) => `${s(r.total)} ${s(r.tests)} ${s(r.collect)} ${s(r.cpu)}  ${r.file}`);
    const wall = rows.reduce((n, r) => n + r.total, 0);
    const cpu = rows.reduce((n, r) => n + (r.cpu ?? 0), 0);
    process.stdout.write(
      `\nSlowest test files (of ${rows.length}; all files together ${(wall / 1000).toFixed(0)} s of worker time, ${(cpu / 1000).toFixed(0)} s of CPU)\n` +
        `${'total s'.padStart(7)} ${'tests'.padStart(7)} ${'import'.padStart(7)} ${'cpu s'.padStart(7)}  file\n${lines.join('\n')}\n`,
    );
  }
}
